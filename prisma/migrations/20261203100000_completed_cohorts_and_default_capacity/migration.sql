-- A completed cohort's placements are read-only: no re-assignment, approval, withdrawal or deletion, and no
-- placement moves into a completed cohort. The cohort row is read FOR SHARE, so a placement change and the cohort's
-- completion are ordered: whichever commits first, the other sees it (FOR SHARE waits for the status update's lock).
-- New placements are refused by the nomination rule in the application; the seed data inserts the history of
-- completed cohorts, so INSERT is not covered here.
CREATE FUNCTION "placement_completed_cohort_read_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_status "CohortStatus";
BEGIN
  SELECT "status" INTO cohort_status FROM "Cohort" WHERE "id" = OLD."cohortId" FOR SHARE;
  IF cohort_status = 'COMPLETED' THEN
    RAISE EXCEPTION 'placements of a completed cohort are read-only (constraint "Placement_cohort_completed_read_only")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_cohort_completed_read_only';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."cohortId" IS DISTINCT FROM OLD."cohortId" THEN
    SELECT "status" INTO cohort_status FROM "Cohort" WHERE "id" = NEW."cohortId" FOR SHARE;
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
CREATE TRIGGER "placement_completed_cohort_read_only" BEFORE UPDATE OR DELETE ON "Placement" FOR EACH ROW EXECUTE FUNCTION "placement_completed_cohort_read_only"();

-- A host unit's default capacity applies to every cohort without its own capacity row; lowering it below the live
-- placements of any such cohort is refused, like lowering a per-cohort capacity (host_unit_capacity_integrity).
-- The UPDATE holds the host unit row lock that the placement and capacity triggers take (FOR NO KEY UPDATE) before
-- counting, so an assignment and this change to the same unit are counted one after the other.
CREATE FUNCTION "host_unit_default_capacity_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."defaultCapacity" < OLD."defaultCapacity" AND EXISTS (
       SELECT 1 FROM "Placement" p
        WHERE p."hostUnitId" = NEW."id" AND p."status" <> 'WITHDRAWN'
          AND NOT EXISTS (SELECT 1 FROM "HostUnitCapacity" c WHERE c."hostUnitId" = p."hostUnitId" AND c."cohortId" = p."cohortId")
        GROUP BY p."cohortId"
       HAVING count(*) > NEW."defaultCapacity") THEN
    RAISE EXCEPTION 'default capacity is below the places already taken (constraint "HostUnit_default_capacity_not_below_used")' USING ERRCODE = '23514', CONSTRAINT = 'HostUnit_default_capacity_not_below_used';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "host_unit_default_capacity_integrity" BEFORE UPDATE OF "defaultCapacity" ON "HostUnit" FOR EACH ROW EXECUTE FUNCTION "host_unit_default_capacity_integrity"();
