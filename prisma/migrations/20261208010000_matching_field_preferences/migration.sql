-- CreateTable
CREATE TABLE "MatchingFieldPreference" (
    "placementId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "fieldId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchingFieldPreference_pkey" PRIMARY KEY ("placementId","rank")
);

-- CreateIndex
CREATE INDEX "MatchingFieldPreference_fieldId_idx" ON "MatchingFieldPreference"("fieldId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchingFieldPreference_placementId_fieldId_key" ON "MatchingFieldPreference"("placementId", "fieldId");

-- Hand-written (decisions 107, 117): the list goes with its placement; a field of work cannot be deleted while an
-- officer ranks it (fields are deactivated, as for officers' and host units' fields).
ALTER TABLE "MatchingFieldPreference" ADD CONSTRAINT "MatchingFieldPreference_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MatchingFieldPreference" ADD CONSTRAINT "MatchingFieldPreference_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MatchingFieldPreference" ADD CONSTRAINT "MatchingFieldPreference_rank_check" CHECK ("rank" >= 1);
