-- The completed-cohort trigger of 20261203100000 read the cohort FOR SHARE. That share lock made the 20-way
-- assignment race (concurrency.int.test.ts) go past its 60 s timeout on a loaded machine (36 s without it, 17 s
-- after this change). Completing a cohort is an admin step taken after its placements have ended, not a race worth
-- serialising every placement write for, so the cohort is read without a lock. (A new migration rather than an edit:
-- 20261203100000 is already on main and may have been applied.)
CREATE OR REPLACE FUNCTION "placement_completed_cohort_read_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_status "CohortStatus";
BEGIN
  SELECT "status" INTO cohort_status FROM "Cohort" WHERE "id" = OLD."cohortId";
  IF cohort_status = 'COMPLETED' THEN
    RAISE EXCEPTION 'placements of a completed cohort are read-only (constraint "Placement_cohort_completed_read_only")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_cohort_completed_read_only';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."cohortId" IS DISTINCT FROM OLD."cohortId" THEN
    SELECT "status" INTO cohort_status FROM "Cohort" WHERE "id" = NEW."cohortId";
    IF cohort_status = 'COMPLETED' THEN
      RAISE EXCEPTION 'placements of a completed cohort are read-only (constraint "Placement_cohort_completed_read_only")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_cohort_completed_read_only';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
