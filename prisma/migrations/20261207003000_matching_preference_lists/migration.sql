-- CreateTable
CREATE TABLE "MatchingPreferenceList" (
    "placementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "MatchingPreferenceList_pkey" PRIMARY KEY ("placementId")
);

-- Hand-written (decision 107): a list's version row goes with its placement.
ALTER TABLE "MatchingPreferenceList" ADD CONSTRAINT "MatchingPreferenceList_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MatchingPreferenceList" ADD CONSTRAINT "MatchingPreferenceList_version_check" CHECK ("version" >= 1);

-- The same-cohort rule of decision 101, now raised under a constraint name so that lib/database-errors.ts turns it
-- into the user's message (a wish for another cohort's officer) instead of an unexpected error.
CREATE OR REPLACE FUNCTION matching_wish_same_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Placement" WHERE "id" = NEW."placementId" AND "cohortId" = NEW."cohortId") THEN
    RAISE EXCEPTION 'matching wish names a placement of another cohort (constraint "MatchingWish_same_cohort")'
      USING ERRCODE = '23514', CONSTRAINT = 'MatchingWish_same_cohort';
  END IF;
  RETURN NEW;
END $$;

-- A preference names a host unit of the cohort's host side (the screens check it too; this holds for every writer).
CREATE FUNCTION matching_preference_host_side() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId" JOIN "HostUnit" u ON u."jurisdictionId" = c."hostJurisdictionId"
    WHERE p."id" = NEW."placementId" AND u."id" = NEW."hostUnitId"
  ) THEN
    RAISE EXCEPTION 'matching preference names a host unit outside the cohort''s host side (constraint "MatchingPreference_host_side")'
      USING ERRCODE = '23514', CONSTRAINT = 'MatchingPreference_host_side';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "MatchingPreference_host_side" BEFORE INSERT OR UPDATE ON "MatchingPreference"
  FOR EACH ROW EXECUTE FUNCTION matching_preference_host_side();
