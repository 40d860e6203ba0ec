import "server-only";
import { db } from "@/lib/db";
import { formatDateOnly } from "@/lib/dates";
import { cohortResource, isAllowed, placementResource, sideInCohort, type Actor } from "@/lib/authorization";
import { formatOfficerName } from "@/features/officers/names";
import { findCohortForActor } from "@/features/cohorts/queries";
import { containsPattern } from "@/lib/sql-search";
import { canSeeStaffNumber, scopeSql, scopeWhere } from "@/lib/scopes";
import { trilingualJson } from "@/lib/sql-fragments";
import { Prisma } from "@/generated/prisma/client";
import type { JurisdictionKind, PlacementStatus } from "@/generated/prisma/enums";
import { displayStatus, type PlacementDisplayStatus } from "../display-status";
import { approvalSideOf } from "../policy";
import { approvalsPageSize, type ApprovalSide } from "../schemas";
import type { TrilingualName } from "@/lib/i18n/locales";
import { trilingualNameSelect } from "@/lib/i18n/locales";

const sides = { sendingJurisdictionId: true, hostJurisdictionId: true } as const;

/** Of an officer, what every side that sees the placement may see; the staff number is added only for those allowed. */
const officerSelect = {
  id: true,
  surname: true,
  givenName: true,
  otherName: true,
  jurisdiction: { select: { kind: true } },
  chineseName: true,
  workEmail: true,
  rank: { select: trilingualNameSelect },
  department: { select: trilingualNameSelect },
  fields: { select: { field: { select: { id: true, sortOrder: true, ...trilingualNameSelect } } } },
} as const;

export interface OfficerSummary {
  id: string;
  name: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  fields: (TrilingualName & { id: string })[];
  workEmail: string;
  /** Null whenever the viewer may not see it (the host side, supervisors). */
  staffNumber: string | null;
}

type OfficerRow = Prisma.OfficerGetPayload<{ select: typeof officerSelect }>;

function toOfficerSummary(officer: OfficerRow, staffNumber: string | null): OfficerSummary {
  return {
    id: officer.id,
    name: formatOfficerName(officer),
    chineseName: officer.chineseName,
    rank: officer.rank,
    department: officer.department,
    fields: [...officer.fields].sort((a, b) => a.field.sortOrder - b.field.sortOrder).map(({ field }) => field),
    workEmail: officer.workEmail,
    staffNumber,
  };
}

/** Staff numbers of these officers, read only when the viewer may see them. */
async function staffNumbersFor(actor: Actor, placements: { officerId: string; hostUnitId: string | null; cohort: { sendingJurisdictionId: string; hostJurisdictionId: string } }[]) {
  const allowed = placements.filter((placement) => canSeeStaffNumber(actor, placement)).map((placement) => placement.officerId);
  if (allowed.length === 0) return new Map<string, string>();
  const rows = await db.officer.findMany({ where: { id: { in: allowed } }, select: { id: true, staffNumber: true } });
  return new Map(rows.map((row) => [row.id, row.staffNumber]));
}

export interface BoardPlacement {
  id: string;
  version: number;
  status: PlacementStatus;
  displayStatus: PlacementDisplayStatus;
  officer: OfficerSummary;
  hostUnit: TrilingualName | null;
  field: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  sendingApprovedAt: Date | null;
  hostApprovedAt: Date | null;
  approvalResetReason: string | null;
}

/** As the other lists: 25 rows (with their action buttons) keep a page quick to render and to scan. */
export const boardPageSize = 25;

export interface BoardFilters {
  /** Officer name in any script. */
  query?: string;
  status?: PlacementStatus;
  page?: number;
}

export interface PlacementBoardPage {
  rows: BoardPlacement[];
  total: number;
  page: number;
  pageCount: number;
}

/** A board row as the statement returns it: BoardPlacement's own columns, plus what the rest is built from. */
interface BoardSqlRow extends Omit<BoardPlacement, "displayStatus" | "officer"> {
  officerId: string;
  hostUnitId: string | null;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
  officer: {
    surname: string;
    givenName: string;
    otherName: string | null;
    chineseName: string | null;
    workEmail: string;
    staffNumber: string;
    jurisdictionKind: JurisdictionKind;
    rank: TrilingualName;
    department: TrilingualName;
    fields: (TrilingualName & { id: string })[];
  };
  total: number;
}

/**
 * One page of a cohort's placements the actor may see, in workflow order (the enum's order) then by name; empty for
 * a cohort outside its scope. Paged in SQL: a large cohort must not render hundreds of rows at once. One raw
 * statement with the total: through Prisma's includes the page cost about 9 ms of app CPU per request.
 */
export async function findPlacementBoard(actor: Actor, cohortId: string, filters: BoardFilters = {}): Promise<PlacementBoardPage> {
  const query = filters.query?.trim();
  // The board is a view of the cohort: those who may see the cohort (its coordinators, admins) see all its placements,
  // which for them is also exactly the placement scope. Supervisors and officers see no cohort, hence no board.
  const conditions = [Prisma.sql`p."cohortId" = ${cohortId}`, scopeSql("cohort", actor, { Cohort: "c" })];
  if (filters.status) conditions.push(Prisma.sql`p."status" = ${filters.status}::"PlacementStatus"`);
  if (query) {
    const pattern = containsPattern(query);
    // Latin names in any case; Chinese names as written (as the officer search does).
    conditions.push(Prisma.sql`(o."surname" ILIKE ${pattern} OR o."givenName" ILIKE ${pattern} OR o."otherName" ILIKE ${pattern} OR o."chineseName" LIKE ${pattern})`);
  }
  const where = Prisma.join(conditions, " AND ");
  // The page is chosen first, from the three tables its order and scope need; names, ranks and fields are looked up
  // for its 25 rows only. As one nine-table join this cost PostgreSQL 9 ms of planning and a scan of every officer
  // per view (decision 023).
  const readPage = (page: number) => db.$queryRaw<BoardSqlRow[]>`
    WITH page AS MATERIALIZED (
      SELECT p."id", p."status", o."surname", o."givenName", count(*) OVER ()::int AS "total"
      FROM "Placement" p
      JOIN "Cohort" c ON c."id" = p."cohortId"
      JOIN "Officer" o ON o."id" = p."officerId"
      WHERE ${where}
      ORDER BY p."status" ASC, o."surname" ASC, o."givenName" ASC, p."id" ASC
      LIMIT ${boardPageSize} OFFSET ${(page - 1) * boardPageSize}
    )
    SELECT p."id", p."version", p."status", p."officerId", p."hostUnitId", p."postTitle", p."startDate", p."endDate",
      p."sendingApprovedAt", p."hostApprovedAt", p."approvalResetReason", c."sendingJurisdictionId", c."hostJurisdictionId",
      json_build_object(
        'surname', o."surname", 'givenName', o."givenName", 'otherName', o."otherName", 'chineseName', o."chineseName",
        'workEmail', o."workEmail", 'staffNumber', o."staffNumber",
        'jurisdictionKind', (SELECT oj."kind" FROM "Jurisdiction" oj WHERE oj."id" = o."jurisdictionId"),
        'rank', (SELECT ${trilingualJson("r")} FROM "Rank" r WHERE r."id" = o."rankId"),
        'department', (SELECT ${trilingualJson("d")} FROM "Department" d WHERE d."id" = o."departmentId"),
        'fields', (SELECT coalesce(json_agg(${trilingualJson("f2", { withId: true })} ORDER BY f2."sortOrder"), '[]'::json)
                   FROM "OfficerField" ofd JOIN "Field" f2 ON f2."id" = ofd."fieldId" WHERE ofd."officerId" = o."id")
      ) AS "officer",
      (SELECT ${trilingualJson("h")} FROM "HostUnit" h WHERE h."id" = p."hostUnitId") AS "hostUnit",
      (SELECT ${trilingualJson("f")} FROM "Field" f WHERE f."id" = p."fieldId") AS "field",
      page."total"
    FROM page
    JOIN "Placement" p ON p."id" = page."id"
    JOIN "Cohort" c ON c."id" = p."cohortId"
    JOIN "Officer" o ON o."id" = p."officerId"
    ORDER BY page."status" ASC, page."surname" ASC, page."givenName" ASC, page."id" ASC`;
  let page = Math.max(1, filters.page ?? 1);
  let placements = await readPage(page);
  if (placements.length === 0 && page > 1) {
    // Past the last page (an old link): show the last page.
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId" JOIN "Officer" o ON o."id" = p."officerId" WHERE ${where}`;
    page = Math.max(1, Math.ceil(count / boardPageSize));
    placements = count === 0 ? [] : await readPage(page);
  }
  const total = placements[0]?.total ?? 0;
  const rows = placements.map((placement) => {
    const cohort = { sendingJurisdictionId: placement.sendingJurisdictionId, hostJurisdictionId: placement.hostJurisdictionId };
    const { officer } = placement;
    return {
      id: placement.id,
      version: placement.version,
      status: placement.status,
      displayStatus: displayStatus(placement),
      officer: {
        id: placement.officerId,
        name: formatOfficerName({ ...officer, jurisdiction: { kind: officer.jurisdictionKind } }),
        chineseName: officer.chineseName,
        rank: officer.rank,
        department: officer.department,
        fields: officer.fields,
        workEmail: officer.workEmail,
        // Read with the row, shown only to those who may see it (the policy decides per placement, as before).
        staffNumber: canSeeStaffNumber(actor, { officerId: placement.officerId, cohort }) ? officer.staffNumber : null,
      },
      hostUnit: placement.hostUnit,
      field: placement.field,
      postTitle: placement.postTitle,
      startDate: placement.startDate,
      endDate: placement.endDate,
      sendingApprovedAt: placement.sendingApprovedAt,
      hostApprovedAt: placement.hostApprovedAt,
      approvalResetReason: placement.approvalResetReason,
    };
  });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / boardPageSize)) };
}

export interface NominationCandidate {
  id: string;
  name: string;
  chineseName: string | null;
  staffNumber: string;
  rank: TrilingualName;
  department: TrilingualName;
  /** Already holds a live placement that overlaps this cohort's window (the database would refuse it). */
  hasOverlap: boolean;
}

/**
 * Active officers of the cohort's sending side who are not yet in it, searched by name in any script or staff
 * number. Only for those who may nominate to this cohort; anyone else gets nothing.
 */
export async function findNominationCandidates(actor: Actor, cohortId: string, query: string | undefined): Promise<NominationCandidate[]> {
  const cohort = await findCohortForActor(actor, cohortId);
  if (!cohort || !isAllowed(actor, "placement:nominate", cohortResource(cohort))) return [];
  const term = query?.trim();
  const pattern = term ? containsPattern(term) : null;
  const search = pattern
    ? Prisma.sql`AND (o."surname" ILIKE ${pattern} OR o."givenName" ILIKE ${pattern} OR o."otherName" ILIKE ${pattern} OR o."chineseName" ILIKE ${pattern} OR o."staffNumber" ILIKE ${pattern})`
    : Prisma.empty;
  // One raw statement: through Prisma (officer, rank, department and the overlap check) this list cost about 4 ms
  // of app CPU on every view of the board. The overlap is checked after the LIMIT, for the 20 shown: inside it,
  // PostgreSQL hashed every live placement of every officer first (13 ms on 60,000 placements).
  const officers = await db.$queryRaw<
    { id: string; surname: string; givenName: string; otherName: string | null; chineseName: string | null; staffNumber: string; jurisdictionKind: JurisdictionKind; rank: TrilingualName; department: TrilingualName; hasOverlap: boolean }[]
  >`
    SELECT shown.*,
      EXISTS (SELECT 1 FROM "Placement" p WHERE p."officerId" = shown."id" AND p."status" <> 'WITHDRAWN'
              AND p."startDate" <= ${formatDateOnly(cohort.endDate)}::date AND p."endDate" >= ${formatDateOnly(cohort.startDate)}::date) AS "hasOverlap"
    FROM (
      SELECT o."id", o."surname", o."givenName", o."otherName", o."chineseName", o."staffNumber", j."kind" AS "jurisdictionKind",
        ${trilingualJson("r")} AS "rank",
        ${trilingualJson("d")} AS "department"
      FROM "Officer" o
      JOIN "Jurisdiction" j ON j."id" = o."jurisdictionId"
      JOIN "Rank" r ON r."id" = o."rankId"
      JOIN "Department" d ON d."id" = o."departmentId"
      WHERE o."jurisdictionId" = ${cohort.sendingJurisdictionId} AND o."active"
        AND NOT EXISTS (SELECT 1 FROM "Placement" p WHERE p."officerId" = o."id" AND p."cohortId" = ${cohort.id} AND p."status" <> 'WITHDRAWN')
        ${search}
      ORDER BY o."surname" ASC, o."givenName" ASC, o."id" ASC
      LIMIT 20
    ) shown
    ORDER BY shown."surname" ASC, shown."givenName" ASC, shown."id" ASC`;
  return officers.map((officer) => ({
    id: officer.id,
    name: formatOfficerName({ ...officer, jurisdiction: { kind: officer.jurisdictionKind } }),
    chineseName: officer.chineseName,
    staffNumber: officer.staffNumber,
    rank: officer.rank,
    department: officer.department,
    hasOverlap: officer.hasOverlap,
  }));
}

export interface HostUnitOption extends TrilingualName {
  id: string;
  district: string | null;
  capacity: number;
  used: number;
  remaining: number;
  fieldIds: string[];
}

/**
 * The host side's active host units with their places for this cohort (its own capacity, else the unit's
 * default) and fields, for the host side's assignment form. The counts are a guide: the database re-checks them
 * under a row lock at the moment of assignment.
 */
export async function findHostUnitOptions(actor: Actor, cohortId: string, currentHostUnitId?: string | null): Promise<HostUnitOption[]> {
  const cohort = await findCohortForActor(actor, cohortId);
  if (!cohort || !isAllowed(actor, "placement:assign", cohortResource(cohort))) return [];
  const [units, used] = await Promise.all([
    db.hostUnit.findMany({
      // A placement keeps showing its unit after the unit is deactivated, so an edit of the post need not move it.
      where: { jurisdictionId: cohort.hostJurisdictionId, OR: [{ active: true }, ...(currentHostUnitId ? [{ id: currentHostUnitId }] : [])] },
      orderBy: { code: "asc" },
      select: {
        id: true,
        district: true,
        defaultCapacity: true,
        ...trilingualNameSelect,
        capacities: { where: { cohortId: cohort.id }, select: { capacity: true } },
        fields: { select: { fieldId: true } },
      },
    }),
    db.placement.groupBy({ by: ["hostUnitId"], where: { cohortId: cohort.id, status: { not: "WITHDRAWN" }, hostUnitId: { not: null } }, _count: { _all: true } }),
  ]);
  const usedByUnit = new Map(used.map((row) => [row.hostUnitId, row._count._all]));
  return units.map((unit) => {
    const capacity = unit.capacities[0]?.capacity ?? unit.defaultCapacity;
    const taken = usedByUnit.get(unit.id) ?? 0;
    return {
      id: unit.id,
      nameEn: unit.nameEn,
      nameZhHant: unit.nameZhHant,
      nameZhHans: unit.nameZhHans,
      district: unit.district,
      capacity,
      used: taken,
      remaining: Math.max(0, capacity - taken),
      fieldIds: unit.fields.map((field) => field.fieldId),
    };
  });
}

export interface FieldOption extends TrilingualName {
  id: string;
}

export async function findFieldOptions(): Promise<FieldOption[]> {
  return db.field.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, ...trilingualNameSelect } });
}

interface Approval {
  at: Date;
  by: string | null;
}

export interface PlacementDetail {
  id: string;
  version: number;
  status: PlacementStatus;
  displayStatus: PlacementDisplayStatus;
  cohort: TrilingualName & {
    id: string;
    code: string;
    startDate: Date;
    endDate: Date;
    status: string;
    sendingJurisdictionId: string;
    hostJurisdictionId: string;
    sendingSide: TrilingualName;
    hostSide: TrilingualName;
  };
  /** The viewer's side in the cohort, for coordinators. */
  viewerSide: "sending" | "host" | null;
  /** The side this viewer approves for, when it is a coordinator of either side. */
  approvalSide: ApprovalSide | null;
  canAssign: boolean;
  canWithdraw: boolean;
  officer: OfficerSummary;
  hostUnit: (TrilingualName & { id: string }) | null;
  field: (TrilingualName & { id: string }) | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  sendingApproval: Approval | null;
  hostApproval: Approval | null;
  approvalResetReason: string | null;
  withdrawal: { at: Date | null; by: string | null; reason: string } | null;
  updatedAt: Date;
  updatedBy: string | null;
}

/** One placement, or null when it does not exist or lies outside the actor's scope (the page answers 404). */
export async function findPlacementDetail(actor: Actor, id: string): Promise<PlacementDetail | null> {
  const placement = await db.placement.findFirst({
    where: { AND: [{ id }, scopeWhere("placement", actor)] },
    include: {
      cohort: {
        select: {
          id: true,
          code: true,
          startDate: true,
          endDate: true,
          status: true,
          ...trilingualNameSelect,
          ...sides,
          sendingJurisdiction: { select: trilingualNameSelect },
          hostJurisdiction: { select: trilingualNameSelect },
        },
      },
      officer: { select: officerSelect },
      hostUnit: { select: { id: true, ...trilingualNameSelect } },
      field: { select: { id: true, ...trilingualNameSelect } },
      sendingApprovedBy: { select: { name: true } },
      hostApprovedBy: { select: { name: true } },
      withdrawnBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
    },
  });
  // Belt and braces: the scoped query and the authorization module must agree.
  if (!placement || !isAllowed(actor, "placement:view", placementResource(placement))) return null;
  const staffNumbers = await staffNumbersFor(actor, [placement]);
  const resource = placementResource(placement);
  const { cohort } = placement;
  return {
    id: placement.id,
    version: placement.version,
    status: placement.status,
    displayStatus: displayStatus(placement),
    cohort: {
      id: cohort.id,
      code: cohort.code,
      nameEn: cohort.nameEn,
      nameZhHant: cohort.nameZhHant,
      nameZhHans: cohort.nameZhHans,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      status: cohort.status,
      sendingJurisdictionId: cohort.sendingJurisdictionId,
      hostJurisdictionId: cohort.hostJurisdictionId,
      sendingSide: cohort.sendingJurisdiction,
      hostSide: cohort.hostJurisdiction,
    },
    viewerSide: actor.role === "COORDINATOR" ? sideInCohort(actor, cohort) : null,
    approvalSide: approvalSideOf(actor, placement),
    canAssign: isAllowed(actor, "placement:assign", resource),
    canWithdraw: isAllowed(actor, "placement:withdraw", resource),
    officer: toOfficerSummary(placement.officer, staffNumbers.get(placement.officerId) ?? null),
    hostUnit: placement.hostUnit,
    field: placement.field,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    sendingApproval: placement.sendingApprovedAt ? { at: placement.sendingApprovedAt, by: placement.sendingApprovedBy?.name ?? null } : null,
    hostApproval: placement.hostApprovedAt ? { at: placement.hostApprovedAt, by: placement.hostApprovedBy?.name ?? null } : null,
    approvalResetReason: placement.approvalResetReason,
    withdrawal:
      placement.status === "WITHDRAWN"
        ? { at: placement.withdrawnAt, by: placement.withdrawnBy?.name ?? null, reason: placement.withdrawnReason ?? "" }
        : null,
    updatedAt: placement.updatedAt,
    updatedBy: placement.updatedBy?.name ?? null,
  };
}

export interface PlacementHistoryEntry {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  changedFields: string[];
}

/** The placement's own audit trail (who did what, which fields changed); only for a placement the actor may see. */
export async function findPlacementHistory(actor: Actor, id: string): Promise<PlacementHistoryEntry[]> {
  const visible = await db.placement.findFirst({ where: { AND: [{ id }, scopeWhere("placement", actor)] }, select: { id: true } });
  if (!visible) return [];
  const entries = await db.auditLog.findMany({
    where: { entityType: "Placement", entityId: id },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, createdAt: true, action: true, actorEmail: true, after: true, actor: { select: { name: true } } },
  });
  return entries.map((entry) => ({
    id: entry.id.toString(),
    at: entry.createdAt,
    actor: entry.actor?.name ?? entry.actorEmail,
    action: entry.action,
    changedFields: entry.after && typeof entry.after === "object" && !Array.isArray(entry.after) ? Object.keys(entry.after).filter((key) => key !== "version") : [],
  }));
}

export interface AwaitingApprovalRow {
  id: string;
  version: number;
  side: ApprovalSide;
  otherSideApproved: boolean;
  cohort: TrilingualName & { id: string };
  officer: { name: string; chineseName: string | null; rank: TrilingualName };
  hostUnit: TrilingualName | null;
  field: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
}

export interface AwaitingApprovalPage {
  rows: AwaitingApprovalRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Assigned placements still waiting for the approval of the actor's side, whichever side that is in each cohort. */
export async function findPlacementsAwaitingApproval(actor: Actor, requestedPage = 1): Promise<AwaitingApprovalPage> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.PlacementWhereInput = {
    status: "ASSIGNED",
    OR: [
      { cohort: { sendingJurisdictionId: actor.jurisdictionId }, sendingApprovedAt: null },
      { cohort: { hostJurisdictionId: actor.jurisdictionId }, hostApprovedAt: null },
    ],
  };
  const total = await db.placement.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / approvalsPageSize));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const placements = await db.placement.findMany({
    where,
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    skip: (page - 1) * approvalsPageSize,
    take: approvalsPageSize,
    include: {
      cohort: { select: { id: true, ...trilingualNameSelect, ...sides } },
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, rank: { select: trilingualNameSelect } } },
      hostUnit: { select: trilingualNameSelect },
      field: { select: trilingualNameSelect },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: placements.map((placement) => {
      const side: ApprovalSide = sideInCohort(actor, placement.cohort) === "sending" ? "sending" : "host";
      return {
        id: placement.id,
        version: placement.version,
        side,
        otherSideApproved: side === "sending" ? placement.hostApprovedAt !== null : placement.sendingApprovedAt !== null,
        cohort: placement.cohort,
        officer: { name: formatOfficerName(placement.officer), chineseName: placement.officer.chineseName, rank: placement.officer.rank },
        hostUnit: placement.hostUnit,
        field: placement.field,
        postTitle: placement.postTitle,
        startDate: placement.startDate,
        endDate: placement.endDate,
      };
    }),
  };
}
