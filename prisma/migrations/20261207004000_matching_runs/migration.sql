-- CreateEnum
CREATE TYPE "MatchingRunStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'PARTLY_ACCEPTED', 'DISCARDED');

-- CreateTable
CREATE TABLE "MatchingRun" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "MatchingRunStatus" NOT NULL DEFAULT 'PROPOSED',
    "instance" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "pinned" JSONB NOT NULL,
    "forbidden" JSONB NOT NULL,
    "released" JSONB NOT NULL,
    "buildMs" DOUBLE PRECISION NOT NULL,
    "solveMs" DOUBLE PRECISION NOT NULL,
    "acceptedCount" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "discardedAt" TIMESTAMP(3),
    "discardedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchingRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchingRun_cohortId_createdAt_idx" ON "MatchingRun"("cohortId", "createdAt");

-- AddForeignKey
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (decision 109): who proposed, accepted or discarded a run; a user's removal keeps the run.
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_discardedById_fkey" FOREIGN KEY ("discardedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- A discarded run says when; an accepted one says when and how many pairs; a run is never both.
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_discarded_has_time" CHECK (("status" = 'DISCARDED') = ("discardedAt" IS NOT NULL));
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_accepted_has_time" CHECK (("status" IN ('ACCEPTED', 'PARTLY_ACCEPTED')) = ("acceptedAt" IS NOT NULL AND "acceptedCount" > 0));
