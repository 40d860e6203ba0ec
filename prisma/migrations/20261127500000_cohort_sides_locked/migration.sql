-- A cohort's sides decide who nominates and who hosts; once officers are in it, changing them would silently move
-- those placements to sides their officers and host units do not belong to. The app refuses it too; this makes it hold
-- for every writer. See docs/decisions/003-database-integrity.md.
CREATE FUNCTION "cohort_sides_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Placement" WHERE "cohortId" = NEW."id" AND "status" <> 'WITHDRAWN') THEN
    RAISE EXCEPTION 'the sides of a cohort with placements cannot change (constraint "Cohort_sides_locked")'
      USING ERRCODE = '23514', CONSTRAINT = 'Cohort_sides_locked';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "cohort_sides_locked" BEFORE UPDATE OF "sendingJurisdictionId", "hostJurisdictionId" ON "Cohort"
  FOR EACH ROW
  WHEN (OLD."sendingJurisdictionId" IS DISTINCT FROM NEW."sendingJurisdictionId" OR OLD."hostJurisdictionId" IS DISTINCT FROM NEW."hostJurisdictionId")
  EXECUTE FUNCTION "cohort_sides_locked"();
