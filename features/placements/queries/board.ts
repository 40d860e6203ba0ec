import "server-only";
import type { Actor } from "@/lib/authorization";
import { formatOfficerName } from "@/features/officers/names";
import { canSeeStaffNumber, scopeSql } from "@/lib/scopes";
import { trilingualJson } from "@/lib/sql-fragments";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { sql, type SqlBool } from "kysely";
import { jsonBuildObject } from "kysely/helpers/postgres";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { displayStatus, type PlacementDisplayStatus } from "../display-status";
import type { TrilingualName } from "@/lib/i18n/locales";
import type { OfficerSummary } from "./officer-summary";
import { officerNameMatches } from "./name-filter";

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

/** The board's rows: the cohort's placements the actor may see, filtered (no order, no page yet). */
function boardPlacements(actor: Actor, cohortId: string, filters: BoardFilters) {
  const query = filters.query?.trim();
  // The board is a view of the cohort: those who may see the cohort (its coordinators, admins) see all its placements,
  // which for them is also exactly the placement scope. Supervisors and officers see no cohort, hence no board.
  let placements = sqlBuilder
    .selectFrom("Placement as p")
    .innerJoin("Cohort as c", "c.id", "p.cohortId")
    .innerJoin("Officer as o", "o.id", "p.officerId")
    .where("p.cohortId", "=", cohortId)
    .where(prismaFragment<SqlBool>(scopeSql("cohort", actor, { Cohort: "c" })));
  if (filters.status) placements = placements.where("p.status", "=", sql<PlacementStatus>`${filters.status}::"PlacementStatus"`);
  // Latin names in any case; Chinese names in either script (as the officer search does).
  if (query) placements = placements.where(officerNameMatches(query));
  return placements;
}

/**
 * One page of the board. The page is chosen first, from the three tables its order and scope need; names, ranks and
 * fields are looked up for its 25 rows only. As one nine-table join this cost PostgreSQL 9 ms of planning and a scan
 * of every officer per view (decision 023).
 */
function readBoardPage(placements: ReturnType<typeof boardPlacements>, page: number) {
  return runQuery(
    sqlBuilder
      .with(
        (cte) => cte("page").materialized(),
        () =>
          placements
            .select(["p.id", "p.status", "o.surname", "o.givenName", sql<number>`count(*) OVER ()::int`.as("total")])
            .orderBy("p.status", "asc")
            .orderBy("o.surname", "asc")
            .orderBy("o.givenName", "asc")
            .orderBy("p.id", "asc")
            .limit(boardPageSize)
            .offset((page - 1) * boardPageSize),
      )
      .selectFrom("page")
      .innerJoin("Placement as p", "p.id", "page.id")
      .innerJoin("Cohort as c", "c.id", "p.cohortId")
      .innerJoin("Officer as o", "o.id", "p.officerId")
      .select([
        "p.id", "p.version", "p.status", "p.officerId", "p.hostUnitId", "p.postTitle", "p.startDate", "p.endDate",
        "p.sendingApprovedAt", "p.hostApprovedAt", "p.approvalResetReason", "c.sendingJurisdictionId", "c.hostJurisdictionId",
      ])
      .select((eb) => [
        jsonBuildObject({
          surname: eb.ref("o.surname"),
          givenName: eb.ref("o.givenName"),
          otherName: eb.ref("o.otherName"),
          chineseName: eb.ref("o.chineseName"),
          workEmail: eb.ref("o.workEmail"),
          staffNumber: eb.ref("o.staffNumber"),
          jurisdictionKind: eb.selectFrom("Jurisdiction as oj").select("oj.kind").whereRef("oj.id", "=", "o.jurisdictionId").$asScalar().$notNull(),
          rank: eb.selectFrom("Rank as r").select(trilingualJson("r").as("name")).whereRef("r.id", "=", "o.rankId").$asScalar().$notNull(),
          department: eb.selectFrom("Department as d").select(trilingualJson("d").as("name")).whereRef("d.id", "=", "o.departmentId").$asScalar().$notNull(),
          fields: eb
            .selectFrom("OfficerField as ofd")
            .innerJoin("Field as f2", "f2.id", "ofd.fieldId")
            .select(sql<(TrilingualName & { id: string })[]>`coalesce(json_agg(${trilingualJson("f2", { withId: true })} ORDER BY ${sql.ref("f2.sortOrder")}), '[]'::json)`.as("fields"))
            .whereRef("ofd.officerId", "=", "o.id")
            .$asScalar()
            .$notNull(),
        }).as("officer"),
        eb.selectFrom("HostUnit as h").select(trilingualJson("h").as("name")).whereRef("h.id", "=", "p.hostUnitId").$asScalar().as("hostUnit"),
        eb.selectFrom("Field as f").select(trilingualJson("f").as("name")).whereRef("f.id", "=", "p.fieldId").$asScalar().as("field"),
        "page.total",
      ])
      .orderBy("page.status", "asc")
      .orderBy("page.surname", "asc")
      .orderBy("page.givenName", "asc")
      .orderBy("page.id", "asc"),
  );
}

/**
 * One page of a cohort's placements the actor may see, in workflow order (the enum's order) then by name; empty for
 * a cohort outside its scope. Paged in SQL: a large cohort must not render hundreds of rows at once. One statement
 * with the total: through Prisma's includes the page cost about 9 ms of app CPU per request.
 */
export async function findPlacementBoard(actor: Actor, cohortId: string, filters: BoardFilters = {}): Promise<PlacementBoardPage> {
  const scoped = boardPlacements(actor, cohortId, filters);
  const readPage = (page: number) => readBoardPage(scoped, page);
  let page = Math.max(1, filters.page ?? 1);
  let placements = await readPage(page);
  if (placements.length === 0 && page > 1) {
    // Past the last page (an old link): show the last page.
    const [{ count }] = await runQuery(scoped.select(sql<number>`count(*)::int`.as("count")));
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
