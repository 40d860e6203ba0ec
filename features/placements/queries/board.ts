import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { formatOfficerName } from "@/features/officers/names";
import { containsPattern } from "@/lib/sql-search";
import { canSeeStaffNumber, scopeSql } from "@/lib/scopes";
import { trilingualJson } from "@/lib/sql-fragments";
import { Prisma } from "@/generated/prisma/client";
import type { JurisdictionKind, PlacementStatus } from "@/generated/prisma/enums";
import { displayStatus, type PlacementDisplayStatus } from "../display-status";
import type { TrilingualName } from "@/lib/i18n/locales";
import type { OfficerSummary } from "./officer-summary";

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
