-- Schedule items (issue 4). Raw SQL only: nothing here changes the Prisma datamodel.

-- A title is never blank (the forms trim it; this holds for every other writer too).
ALTER TABLE "ScheduleItem" ADD CONSTRAINT "ScheduleItem_title_not_blank" CHECK (length(btrim("title")) > 0);

-- A placement's item belongs to that placement's cohort: the cohort-wide/placement split and every scope that
-- filters items by cohort rely on it.
CREATE FUNCTION "schedule_item_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."placementId" IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM "Placement" WHERE "id" = NEW."placementId" AND "cohortId" = NEW."cohortId") THEN
    RAISE EXCEPTION 'schedule item and its placement belong to different cohorts (constraint "ScheduleItem_placement_in_cohort")'
      USING ERRCODE = '23514', CONSTRAINT = 'ScheduleItem_placement_in_cohort';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "schedule_item_integrity" BEFORE INSERT OR UPDATE OF "cohortId", "placementId" ON "ScheduleItem"
  FOR EACH ROW EXECUTE FUNCTION "schedule_item_integrity"();
