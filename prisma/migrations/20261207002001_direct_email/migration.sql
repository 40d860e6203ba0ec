-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "direct" BOOLEAN NOT NULL DEFAULT false;

-- Account emails written before this column existed were recognised by their key; they are the direct ones.
UPDATE "EmailMessage" SET "direct" = true WHERE "idempotencyKey" LIKE 'invitation:%' OR "idempotencyKey" LIKE 'password-reset:%';

-- What the worker's sweep looks for at every turn: direct emails still waiting.
CREATE INDEX "EmailMessage_direct_pending_idx" ON "EmailMessage" ("createdAt") WHERE "direct" AND "status" = 'PENDING';
