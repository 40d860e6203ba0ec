-- CreateTable
CREATE TABLE "ReportAttachment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "shareable" BOOLEAN NOT NULL DEFAULT false,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportAttachment_fileId_idx" ON "ReportAttachment"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportAttachment_reportId_fileId_key" ON "ReportAttachment"("reportId", "fileId");

-- AddForeignKey
ALTER TABLE "ReportAttachment" ADD CONSTRAINT "ReportAttachment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "OfficerReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportAttachment" ADD CONSTRAINT "ReportAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An accepted revision's attachments are frozen with it (decision 112): no attachment is added to, changed on or
-- removed from a revision whose status is ACCEPTED, whatever the application does. The revision's row is read FOR
-- SHARE, so an attachment being added and the revision being accepted at the same moment are put in order: either
-- the attachment is in before the acceptance, or it is refused after it. SQLSTATE 23514, translated in
-- lib/database-errors.ts. The driver adapter does not pass on the CONSTRAINT field of a raised exception, so the
-- message names the constraint the way PostgreSQL's own check violations do, which is what the translation reads.
CREATE FUNCTION report_attachment_of_accepted_is_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  report_status "OfficerReportStatus";
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "status" INTO report_status FROM "OfficerReport" WHERE "id" = OLD."reportId" FOR SHARE;
    IF report_status = 'ACCEPTED' THEN
      RAISE EXCEPTION 'report attachment % violates constraint "ReportAttachment_accepted_locked": its report is accepted', OLD."id"
        USING ERRCODE = '23514', CONSTRAINT = 'ReportAttachment_accepted_locked';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "status" INTO report_status FROM "OfficerReport" WHERE "id" = NEW."reportId" FOR SHARE;
    IF report_status = 'ACCEPTED' THEN
      RAISE EXCEPTION 'report % violates constraint "ReportAttachment_accepted_locked": it is accepted', NEW."reportId"
        USING ERRCODE = '23514', CONSTRAINT = 'ReportAttachment_accepted_locked';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "ReportAttachment_accepted_locked"
  BEFORE INSERT OR UPDATE OR DELETE ON "ReportAttachment"
  FOR EACH ROW EXECUTE FUNCTION report_attachment_of_accepted_is_locked();
