-- Indexes for the officer, host unit and audit lists. Raw SQL because Prisma's schema language cannot express
-- trigram (pg_trgm) GIN indexes; they are invisible to the schema diff and so never proposed for dropping.
-- Measured with features/officers/bench-search.ts (20,000 officers); see docs/decisions/011-officer-search.md.

-- Name and staff-number search is a substring match (ILIKE '%…%') on each name column, so a B-tree cannot help.
-- Trigram GIN indexes answer ILIKE for patterns of three or more characters; the planner combines them per
-- column (BitmapOr) for "any name field matches", whatever the script of the name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Officer_surname_trgm_idx" ON "Officer" USING gin ("surname" gin_trgm_ops);
CREATE INDEX "Officer_givenName_trgm_idx" ON "Officer" USING gin ("givenName" gin_trgm_ops);
CREATE INDEX "Officer_otherName_trgm_idx" ON "Officer" USING gin ("otherName" gin_trgm_ops);
CREATE INDEX "Officer_chineseName_trgm_idx" ON "Officer" USING gin ("chineseName" gin_trgm_ops);
CREATE INDEX "Officer_staffNumber_trgm_idx" ON "Officer" USING gin ("staffNumber" gin_trgm_ops);

-- The default list: one jurisdiction's officers by name, one page at a time, read in index order without a sort.
CREATE INDEX "Officer_jurisdictionId_surname_givenName_id_idx" ON "Officer" ("jurisdictionId", "surname", "givenName", "id");
CREATE INDEX "Officer_rankId_idx" ON "Officer" ("rankId");
-- "Officers in field X" starts from the field.
CREATE INDEX "OfficerField_fieldId_officerId_idx" ON "OfficerField" ("fieldId", "officerId");

-- The audit log browser filters by action or entity type and reads newest first.
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog" ("action", "createdAt");
CREATE INDEX "AuditLog_entityType_createdAt_idx" ON "AuditLog" ("entityType", "createdAt");
