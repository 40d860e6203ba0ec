-- CreateTable
CREATE TABLE "MatchingPreference" (
    "placementId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "hostUnitId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchingPreference_pkey" PRIMARY KEY ("placementId","rank")
);

-- CreateTable
CREATE TABLE "MatchingWish" (
    "hostUnitId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "placementId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchingWish_pkey" PRIMARY KEY ("hostUnitId","cohortId","rank")
);

-- CreateTable
CREATE TABLE "CohortMatchingSettings" (
    "cohortId" TEXT NOT NULL,
    "fieldFitWeight" INTEGER NOT NULL DEFAULT 4,
    "preferenceWeight" INTEGER NOT NULL DEFAULT 3,
    "wishWeight" INTEGER NOT NULL DEFAULT 2,
    "rankBandWeight" INTEGER NOT NULL DEFAULT 1,
    "maxPerDepartmentPerUnit" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CohortMatchingSettings_pkey" PRIMARY KEY ("cohortId")
);

-- CreateTable
CREATE TABLE "HostUnitRankBand" (
    "hostUnitId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "rankMinLevel" INTEGER,
    "rankMaxLevel" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "HostUnitRankBand_pkey" PRIMARY KEY ("hostUnitId","cohortId")
);

-- CreateIndex
CREATE INDEX "MatchingPreference_hostUnitId_idx" ON "MatchingPreference"("hostUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchingPreference_placementId_hostUnitId_key" ON "MatchingPreference"("placementId", "hostUnitId");

-- CreateIndex
CREATE INDEX "MatchingWish_placementId_idx" ON "MatchingWish"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchingWish_hostUnitId_cohortId_placementId_key" ON "MatchingWish"("hostUnitId", "cohortId", "placementId");

-- AddForeignKey
ALTER TABLE "MatchingPreference" ADD CONSTRAINT "MatchingPreference_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchingPreference" ADD CONSTRAINT "MatchingPreference_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchingWish" ADD CONSTRAINT "MatchingWish_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchingWish" ADD CONSTRAINT "MatchingWish_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchingWish" ADD CONSTRAINT "MatchingWish_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMatchingSettings" ADD CONSTRAINT "CohortMatchingSettings_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitRankBand" ADD CONSTRAINT "HostUnitRankBand_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitRankBand" ADD CONSTRAINT "HostUnitRankBand_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Integrity the schema cannot state (decision 101).
ALTER TABLE "MatchingPreference" ADD CONSTRAINT "MatchingPreference_rank_check" CHECK ("rank" >= 1);
ALTER TABLE "MatchingWish" ADD CONSTRAINT "MatchingWish_rank_check" CHECK ("rank" >= 1);
ALTER TABLE "CohortMatchingSettings" ADD CONSTRAINT "CohortMatchingSettings_weights_check" CHECK (
  "fieldFitWeight" BETWEEN 0 AND 1000 AND "preferenceWeight" BETWEEN 0 AND 1000
  AND "wishWeight" BETWEEN 0 AND 1000 AND "rankBandWeight" BETWEEN 0 AND 1000
);
ALTER TABLE "CohortMatchingSettings" ADD CONSTRAINT "CohortMatchingSettings_department_cap_check" CHECK (
  "maxPerDepartmentPerUnit" IS NULL OR "maxPerDepartmentPerUnit" >= 1
);
ALTER TABLE "HostUnitRankBand" ADD CONSTRAINT "HostUnitRankBand_order_check" CHECK (
  "rankMinLevel" IS NULL OR "rankMaxLevel" IS NULL OR "rankMinLevel" <= "rankMaxLevel"
);

-- A wish names an officer nominated to the wish's own cohort.
CREATE FUNCTION matching_wish_same_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Placement" WHERE "id" = NEW."placementId" AND "cohortId" = NEW."cohortId") THEN
    RAISE EXCEPTION 'matching wish names a placement of another cohort' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "MatchingWish_same_cohort" BEFORE INSERT OR UPDATE ON "MatchingWish"
  FOR EACH ROW EXECUTE FUNCTION matching_wish_same_cohort();
