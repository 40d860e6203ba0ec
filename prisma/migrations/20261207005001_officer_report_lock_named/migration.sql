-- The accepted-report lock (decision 091) names its constraint in the message, as PostgreSQL's own check violations
-- do: the driver adapter drops a raised exception's CONSTRAINT field, and lib/database-errors.ts reads the name from
-- the message, so a write racing the application's own check is shown as "locked" instead of failing with a 500
-- (decision 112). Same behaviour otherwise.
CREATE OR REPLACE FUNCTION officer_report_accepted_is_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'ACCEPTED' THEN
    RAISE EXCEPTION 'officer report % violates constraint "OfficerReport_accepted_locked": it is accepted', OLD."id"
      USING ERRCODE = '23514', CONSTRAINT = 'OfficerReport_accepted_locked';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
