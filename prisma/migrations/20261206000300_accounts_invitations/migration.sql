-- CreateEnum
CREATE TYPE "InvitationPurpose" AS ENUM ('INVITE', 'RESET');

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "InvitationPurpose" NOT NULL DEFAULT 'INVITE',
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_createdAt_idx" ON "Invitation"("userId", "createdAt");

-- Written by hand (decisions 080–081) ------------------------------------------------------------------------------

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one link of a user is open at a time: issuing a new one (resend, require a new password) closes the old.
CREATE UNIQUE INDEX "Invitation_one_open_per_user" ON "Invitation"("userId") WHERE "usedAt" IS NULL AND "revokedAt" IS NULL;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_expires_after_creation" CHECK ("expiresAt" > "createdAt");

-- There is always at least one active administrator. The application checks first (with a translated message); this
-- trigger is the backstop for every other writer. Both take the same transaction-level advisory lock before counting,
-- so two concurrent demotions of the last two admins are serialised: the second counts after the first committed.
CREATE FUNCTION "User_keep_one_active_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('accounts:active-admins', 0));
  IF NOT EXISTS (SELECT 1 FROM "User" WHERE "role" = 'ADMIN' AND "active") THEN
    RAISE EXCEPTION 'the last active administrator cannot be removed'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'User_last_active_admin';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_last_active_admin_update"
  AFTER UPDATE OF "role", "active" ON "User"
  FOR EACH ROW
  WHEN (OLD."role" = 'ADMIN' AND OLD."active" AND (NEW."role" <> 'ADMIN' OR NOT NEW."active"))
  EXECUTE FUNCTION "User_keep_one_active_admin"();

CREATE TRIGGER "User_last_active_admin_delete"
  AFTER DELETE ON "User"
  FOR EACH ROW
  WHEN (OLD."role" = 'ADMIN' AND OLD."active")
  EXECUTE FUNCTION "User_keep_one_active_admin"();
