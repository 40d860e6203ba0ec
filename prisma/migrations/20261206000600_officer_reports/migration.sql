-- CreateEnum
CREATE TYPE "OfficerReportKind" AS ENUM ('MID_TERM', 'FINAL');

-- CreateEnum
CREATE TYPE "OfficerReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "OfficerReport" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "kind" "OfficerReportKind" NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "dueOn" DATE NOT NULL,
    "status" "OfficerReportStatus" NOT NULL DEFAULT 'DRAFT',
    "workDone" TEXT NOT NULL DEFAULT '',
    "workDoneShareable" BOOLEAN NOT NULL DEFAULT false,
    "learned" TEXT NOT NULL DEFAULT '',
    "learnedShareable" BOOLEAN NOT NULL DEFAULT false,
    "applyAtHome" TEXT NOT NULL DEFAULT '',
    "applyAtHomeShareable" BOOLEAN NOT NULL DEFAULT false,
    "suggestions" TEXT NOT NULL DEFAULT '',
    "suggestionsShareable" BOOLEAN NOT NULL DEFAULT false,
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "OfficerReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "ratingKnowledge" INTEGER NOT NULL,
    "ratingInitiative" INTEGER NOT NULL,
    "ratingCollaboration" INTEGER NOT NULL,
    "ratingCommunication" INTEGER NOT NULL,
    "ratingProfessionalism" INTEGER NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "releasedToOfficerAt" TIMESTAMP(3),
    "releasedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficerReport_status_kind_idx" ON "OfficerReport"("status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerReport_placementId_kind_revision_key" ON "OfficerReport"("placementId", "kind", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_placementId_key" ON "Evaluation"("placementId");

-- AddForeignKey
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Written by hand (decision 091) ----

-- People named on the rows (the User model carries no back-relations for these).
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_releasedById_fkey" FOREIGN KEY ("releasedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_revision_positive" CHECK ("revision" >= 1);
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_version_positive" CHECK ("version" >= 1);
-- A returned report says why; an accepted one says when.
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_returned_has_comment" CHECK ("status" <> 'RETURNED' OR length(btrim(coalesce("reviewComment", ''))) > 0);
ALTER TABLE "OfficerReport" ADD CONSTRAINT "OfficerReport_accepted_has_time" CHECK ("status" <> 'ACCEPTED' OR "acceptedAt" IS NOT NULL);
-- At most one open (not accepted) revision per placement and kind: a new revision starts only from an accepted one.
CREATE UNIQUE INDEX "OfficerReport_one_open_revision" ON "OfficerReport"("placementId", "kind") WHERE "status" <> 'ACCEPTED';

ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_ratings_in_range" CHECK (
  "ratingKnowledge" BETWEEN 1 AND 5 AND "ratingInitiative" BETWEEN 1 AND 5 AND "ratingCollaboration" BETWEEN 1 AND 5
  AND "ratingCommunication" BETWEEN 1 AND 5 AND "ratingProfessionalism" BETWEEN 1 AND 5
);
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_version_positive" CHECK ("version" >= 1);

-- An accepted revision is frozen: no update, no delete, whatever the application does. SQLSTATE 23514 so that
-- lib/database-errors.ts can translate it like any check violation.
CREATE FUNCTION officer_report_accepted_is_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'ACCEPTED' THEN
    RAISE EXCEPTION 'officer report % is accepted and locked', OLD."id"
      USING ERRCODE = '23514', CONSTRAINT = 'OfficerReport_accepted_locked';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "OfficerReport_accepted_locked"
  BEFORE UPDATE OR DELETE ON "OfficerReport"
  FOR EACH ROW EXECUTE FUNCTION officer_report_accepted_is_locked();
