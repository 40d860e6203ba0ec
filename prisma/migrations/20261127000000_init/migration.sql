-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "JurisdictionKind" AS ENUM ('SAR', 'MAINLAND_CITY', 'PROVINCE');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('BUREAU', 'DEPARTMENT', 'DISTRICT_GOVERNMENT', 'STATUTORY_BODY', 'OTHER');

-- CreateEnum
CREATE TYPE "CohortStatus" AS ENUM ('PLANNING', 'NOMINATIONS', 'MATCHING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('NOMINATED', 'ASSIGNED', 'CONFIRMED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ScheduleItemType" AS ENUM ('CEREMONY', 'ORIENTATION', 'REVIEW_MEETING', 'SITE_VISIT', 'MEETING', 'TRAINING', 'CULTURAL', 'MILESTONE', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'SUPERVISOR', 'OFFICER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'zh_Hant', 'zh_Hans');

-- CreateTable
CREATE TABLE "Jurisdiction" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "JurisdictionKind" NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Hong_Kong',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Jurisdiction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "jurisdictionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Field" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rank" (
    "id" TEXT NOT NULL,
    "jurisdictionId" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "isDirectorate" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Rank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostUnit" (
    "id" TEXT NOT NULL,
    "jurisdictionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "district" TEXT,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "defaultCapacity" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostUnitField" (
    "hostUnitId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    CONSTRAINT "HostUnitField_pkey" PRIMARY KEY ("hostUnitId","fieldId")
);

-- CreateTable
CREATE TABLE "HostUnitCapacity" (
    "hostUnitId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "HostUnitCapacity_pkey" PRIMARY KEY ("hostUnitId","cohortId")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" TEXT NOT NULL,
    "jurisdictionId" TEXT NOT NULL,
    "staffNumber" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "otherName" TEXT,
    "chineseName" TEXT,
    "rankId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "workEmail" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerField" (
    "officerId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    CONSTRAINT "OfficerField_pkey" PRIMARY KEY ("officerId","fieldId")
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "sendingJurisdictionId" TEXT NOT NULL,
    "hostJurisdictionId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "nominationDeadline" DATE,
    "status" "CohortStatus" NOT NULL DEFAULT 'PLANNING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "hostUnitId" TEXT,
    "fieldId" TEXT,
    "postTitle" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "PlacementStatus" NOT NULL DEFAULT 'NOMINATED',
    "sendingApprovedById" TEXT,
    "sendingApprovedAt" TIMESTAMP(3),
    "hostApprovedById" TEXT,
    "hostApprovedAt" TIMESTAMP(3),
    "approvalResetReason" TEXT,
    "withdrawnReason" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleItem" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "placementId" TEXT,
    "type" "ScheduleItemType" NOT NULL,
    "title" TEXT NOT NULL,
    "location" TEXT,
    "notes" TEXT,
    "allDay" BOOLEAN NOT NULL DEFAULT false,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "jurisdictionId" TEXT,
    "officerId" TEXT,
    "hostUnitId" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "calendarTokenHash" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ipAddress" TEXT,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Jurisdiction_code_key" ON "Jurisdiction"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Department_jurisdictionId_code_key" ON "Department"("jurisdictionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Field_code_key" ON "Field"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Rank_jurisdictionId_code_key" ON "Rank"("jurisdictionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Rank_jurisdictionId_grade_level_key" ON "Rank"("jurisdictionId", "grade", "level");

-- CreateIndex
CREATE UNIQUE INDEX "HostUnit_jurisdictionId_code_key" ON "HostUnit"("jurisdictionId", "code");

-- CreateIndex
CREATE INDEX "Officer_surname_givenName_idx" ON "Officer"("surname", "givenName");

-- CreateIndex
CREATE INDEX "Officer_departmentId_idx" ON "Officer"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_jurisdictionId_staffNumber_key" ON "Officer"("jurisdictionId", "staffNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_code_key" ON "Cohort"("code");

-- CreateIndex
CREATE INDEX "Cohort_sendingJurisdictionId_idx" ON "Cohort"("sendingJurisdictionId");

-- CreateIndex
CREATE INDEX "Cohort_hostJurisdictionId_idx" ON "Cohort"("hostJurisdictionId");

-- CreateIndex
CREATE INDEX "Placement_cohortId_status_idx" ON "Placement"("cohortId", "status");

-- CreateIndex
CREATE INDEX "Placement_hostUnitId_cohortId_idx" ON "Placement"("hostUnitId", "cohortId");

-- CreateIndex
CREATE INDEX "Placement_officerId_idx" ON "Placement"("officerId");

-- CreateIndex
CREATE INDEX "ScheduleItem_cohortId_startsAt_idx" ON "ScheduleItem"("cohortId", "startsAt");

-- CreateIndex
CREATE INDEX "ScheduleItem_placementId_startsAt_idx" ON "ScheduleItem"("placementId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_officerId_key" ON "User"("officerId");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");

-- CreateIndex
CREATE INDEX "LoginAttempt_ipAddress_createdAt_idx" ON "LoginAttempt"("ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rank" ADD CONSTRAINT "Rank_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnit" ADD CONSTRAINT "HostUnit_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitField" ADD CONSTRAINT "HostUnitField_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitField" ADD CONSTRAINT "HostUnitField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitCapacity" ADD CONSTRAINT "HostUnitCapacity_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostUnitCapacity" ADD CONSTRAINT "HostUnitCapacity_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_rankId_fkey" FOREIGN KEY ("rankId") REFERENCES "Rank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerField" ADD CONSTRAINT "OfficerField_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerField" ADD CONSTRAINT "OfficerField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_sendingJurisdictionId_fkey" FOREIGN KEY ("sendingJurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_hostJurisdictionId_fkey" FOREIGN KEY ("hostJurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_sendingApprovedById_fkey" FOREIGN KEY ("sendingApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_hostApprovedById_fkey" FOREIGN KEY ("hostApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleItem" ADD CONSTRAINT "ScheduleItem_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleItem" ADD CONSTRAINT "ScheduleItem_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleItem" ADD CONSTRAINT "ScheduleItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "Jurisdiction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_hostUnitId_fkey" FOREIGN KEY ("hostUnitId") REFERENCES "HostUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Integrity that Prisma's schema language cannot express. Kept by hand; see docs/decisions/003-database-integrity.md.
-- Each violation names its constraint in the message text as well: adapter-pg passes on only the SQLSTATE and the
-- message, and lib/database-errors.ts translates by that name into a user-facing message.
-- ---------------------------------------------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_case" CHECK ("email" = lower("email"));
ALTER TABLE "User" ADD CONSTRAINT "User_failed_logins_non_negative" CHECK ("failedLoginCount" >= 0);
ALTER TABLE "User" ADD CONSTRAINT "User_officer_has_officer" CHECK ("role" <> 'OFFICER' OR "officerId" IS NOT NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_supervisor_has_host_unit" CHECK ("role" <> 'SUPERVISOR' OR "hostUnitId" IS NOT NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_coordinator_has_side" CHECK ("role" NOT IN ('COORDINATOR', 'SUPERVISOR') OR "jurisdictionId" IS NOT NULL);

ALTER TABLE "Rank" ADD CONSTRAINT "Rank_level_positive" CHECK ("level" >= 1);
ALTER TABLE "HostUnit" ADD CONSTRAINT "HostUnit_capacity_non_negative" CHECK ("defaultCapacity" >= 0);
ALTER TABLE "HostUnitCapacity" ADD CONSTRAINT "HostUnitCapacity_capacity_non_negative" CHECK ("capacity" >= 0);

ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_two_sides" CHECK ("sendingJurisdictionId" <> "hostJurisdictionId");
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_deadline_before_start" CHECK ("nominationDeadline" IS NULL OR "nominationDeadline" <= "startDate");

ALTER TABLE "Placement" ADD CONSTRAINT "Placement_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_withdrawal_has_reason" CHECK ("status" <> 'WITHDRAWN' OR length(trim(coalesce("withdrawnReason", ''))) > 0);
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_confirmed_needs_both_approvals"
  CHECK ("status" <> 'CONFIRMED' OR ("hostUnitId" IS NOT NULL AND "sendingApprovedAt" IS NOT NULL AND "hostApprovedAt" IS NOT NULL));
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_assigned_has_host_unit" CHECK ("status" NOT IN ('ASSIGNED', 'CONFIRMED') OR "hostUnitId" IS NOT NULL);
-- One officer never holds two overlapping placements that are not withdrawn.
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_officer_no_overlap"
  EXCLUDE USING gist ("officerId" WITH =, daterange("startDate", "endDate", '[]') WITH &&) WHERE ("status" <> 'WITHDRAWN');
CREATE UNIQUE INDEX "Placement_one_live_per_officer_and_cohort" ON "Placement" ("officerId", "cohortId") WHERE "status" <> 'WITHDRAWN';

ALTER TABLE "ScheduleItem" ADD CONSTRAINT "ScheduleItem_times_ordered" CHECK ("startsAt" <= "endsAt");

-- A placement belongs to its cohort: officer from the sending side, host unit from the host side, dates inside the
-- cohort window, and never more live placements in a host unit than its capacity for that cohort. The host unit row
-- is locked so that concurrent assignments to the same unit are counted one after another.
CREATE FUNCTION "placement_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_row "Cohort"%ROWTYPE;
  unit_capacity integer;
  used integer;
BEGIN
  SELECT * INTO cohort_row FROM "Cohort" WHERE "id" = NEW."cohortId";
  IF NEW."startDate" < cohort_row."startDate" OR NEW."endDate" > cohort_row."endDate" THEN
    RAISE EXCEPTION 'placement dates lie outside the cohort window (constraint "Placement_within_cohort_window")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_within_cohort_window';
  END IF;
  IF TG_OP = 'INSERT' OR OLD."officerId" IS DISTINCT FROM NEW."officerId" OR OLD."cohortId" IS DISTINCT FROM NEW."cohortId" THEN
    IF NOT EXISTS (SELECT 1 FROM "Officer" WHERE "id" = NEW."officerId" AND "jurisdictionId" = cohort_row."sendingJurisdictionId") THEN
      RAISE EXCEPTION 'officer is not from the sending side of the cohort (constraint "Placement_officer_from_sending_side")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_officer_from_sending_side';
    END IF;
  END IF;
  IF NEW."hostUnitId" IS NOT NULL AND NEW."status" <> 'WITHDRAWN' AND (
       TG_OP = 'INSERT' OR OLD."hostUnitId" IS DISTINCT FROM NEW."hostUnitId"
       OR OLD."cohortId" IS DISTINCT FROM NEW."cohortId" OR OLD."status" = 'WITHDRAWN') THEN
    IF NOT EXISTS (SELECT 1 FROM "HostUnit" WHERE "id" = NEW."hostUnitId" AND "jurisdictionId" = cohort_row."hostJurisdictionId") THEN
      RAISE EXCEPTION 'host unit is not on the host side of the cohort (constraint "Placement_host_unit_on_host_side")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_host_unit_on_host_side';
    END IF;
    PERFORM 1 FROM "HostUnit" WHERE "id" = NEW."hostUnitId" FOR NO KEY UPDATE;
    SELECT coalesce(
             (SELECT "capacity" FROM "HostUnitCapacity" WHERE "hostUnitId" = NEW."hostUnitId" AND "cohortId" = NEW."cohortId"),
             (SELECT "defaultCapacity" FROM "HostUnit" WHERE "id" = NEW."hostUnitId"))
      INTO unit_capacity;
    SELECT count(*) INTO used FROM "Placement"
      WHERE "hostUnitId" = NEW."hostUnitId" AND "cohortId" = NEW."cohortId" AND "status" <> 'WITHDRAWN' AND "id" <> NEW."id";
    IF used >= unit_capacity THEN
      RAISE EXCEPTION 'host unit has no place left in this cohort (constraint "Placement_host_unit_capacity")' USING ERRCODE = '23514', CONSTRAINT = 'Placement_host_unit_capacity';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "placement_integrity" BEFORE INSERT OR UPDATE ON "Placement" FOR EACH ROW EXECUTE FUNCTION "placement_integrity"();

-- Lowering a capacity below the places already taken, or moving a cohort window past its placements, is refused.
CREATE FUNCTION "host_unit_capacity_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used integer;
BEGIN
  PERFORM 1 FROM "HostUnit" WHERE "id" = NEW."hostUnitId" FOR NO KEY UPDATE;
  SELECT count(*) INTO used FROM "Placement"
    WHERE "hostUnitId" = NEW."hostUnitId" AND "cohortId" = NEW."cohortId" AND "status" <> 'WITHDRAWN';
  IF used > NEW."capacity" THEN
    RAISE EXCEPTION 'capacity is below the places already taken (constraint "HostUnitCapacity_not_below_used")' USING ERRCODE = '23514', CONSTRAINT = 'HostUnitCapacity_not_below_used';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "host_unit_capacity_integrity" BEFORE INSERT OR UPDATE ON "HostUnitCapacity" FOR EACH ROW EXECUTE FUNCTION "host_unit_capacity_integrity"();

CREATE FUNCTION "cohort_window_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Placement" WHERE "cohortId" = NEW."id" AND "status" <> 'WITHDRAWN'
             AND ("startDate" < NEW."startDate" OR "endDate" > NEW."endDate")) THEN
    RAISE EXCEPTION 'placements lie outside the new cohort window (constraint "Cohort_window_covers_placements")' USING ERRCODE = '23514', CONSTRAINT = 'Cohort_window_covers_placements';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "cohort_window_integrity" BEFORE UPDATE OF "startDate", "endDate" ON "Cohort" FOR EACH ROW EXECUTE FUNCTION "cohort_window_integrity"();

-- The audit log is append-only for everyone who connects through the application.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (constraint "AuditLog_append_only")' USING ERRCODE = '42501', CONSTRAINT = 'AuditLog_append_only';
END;
$$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
