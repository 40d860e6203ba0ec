import "server-only";
import { db } from "@/lib/db";
import { hasPermission, type Actor } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";
import type { TrilingualName } from "@/lib/i18n/locales";
import { formatOfficerName } from "@/features/officers/names";
import { reportDueOn } from "./due-dates";
import { reportKinds, type ReportKind } from "./schemas";

// The coordinator dashboard's report panel: per cohort of the coordinator's side (either side) that is running or
// planned, its confirmed placements' reports by the state of their latest revision, and evaluations written.
// A report not yet started counts as due; a new version opened after acceptance counts as due again.

/** The dashboard's four states of a placement's report of one kind. */
export const dashboardReportStates = ["due", "submitted", "returned", "accepted"] as const;
export type DashboardReportState = (typeof dashboardReportStates)[number];

type LatestReport = { kind: ReportKind; status: string } | undefined;

/** The state of a report from its latest revision: none yet, a draft, or a new version opened after acceptance is due. */
export function dashboardReportState(latest: LatestReport): DashboardReportState {
  if (latest?.status === "SUBMITTED") return "submitted";
  if (latest?.status === "RETURNED") return "returned";
  if (latest?.status === "ACCEPTED") return "accepted";
  return "due";
}

/** The placements the panel counts: confirmed, in a cohort of the coordinator's side that has not completed. */
const countedPlacements = (actor: Actor, cohortId?: string) => ({
  status: "CONFIRMED" as const,
  cohort: { AND: [scopeWhere("cohort", actor), { status: { not: "COMPLETED" as const } }, ...(cohortId ? [{ id: cohortId }] : [])] },
});

export interface CohortReportCounts {
  cohortId: string;
  cohort: TrilingualName;
  due: number;
  submitted: number;
  returned: number;
  accepted: number;
  evaluationsDone: number;
  placements: number;
}

export async function findReportCounts(actor: Actor): Promise<CohortReportCounts[]> {
  if (!hasPermission(actor, "officerReport:view")) return [];
  const placements = await db.placement.findMany({
    where: countedPlacements(actor),
    select: {
      id: true,
      cohortId: true,
      cohort: { select: { nameEn: true, nameZhHant: true, nameZhHans: true, startDate: true } },
      evaluation: { select: { id: true } },
      officerReports: { select: { kind: true, revision: true, status: true }, orderBy: { revision: "desc" } },
    },
  });
  const byCohort = new Map<string, CohortReportCounts & { startDate: Date }>();
  for (const placement of placements) {
    let counts = byCohort.get(placement.cohortId);
    if (!counts) {
      const { startDate, ...cohort } = placement.cohort;
      counts = { cohortId: placement.cohortId, cohort, startDate, due: 0, submitted: 0, returned: 0, accepted: 0, evaluationsDone: 0, placements: 0 };
      byCohort.set(placement.cohortId, counts);
    }
    counts.placements += 1;
    if (placement.evaluation) counts.evaluationsDone += 1;
    for (const kind of reportKinds) {
      counts[dashboardReportState(placement.officerReports.find((report) => report.kind === kind))] += 1;
    }
  }
  return [...byCohort.values()].sort((a, b) => b.startDate.getTime() - a.startDate.getTime()).map(({ startDate: _startDate, ...counts }) => counts);
}

// ---- digest: each count of the panel opens the list of the reports it counts (issue 15) ----

export interface CohortReportListRow {
  placementId: string;
  officerName: string;
  officerChineseName: string | null;
  hostUnit: TrilingualName | null;
  kind: ReportKind;
  /** The latest revision's status; null when the officer has not started the report. */
  status: string | null;
  dueOn: string;
}

/**
 * The reports of one cohort that the panel counts in `state`, by officer; null when the cohort is not one the panel
 * shows the reader (so the page answers 404). The same placements and the same state rule as findReportCounts.
 */
export async function findCohortReportList(actor: Actor, cohortId: string, state: DashboardReportState): Promise<{ cohort: TrilingualName; rows: CohortReportListRow[] } | null> {
  if (!hasPermission(actor, "officerReport:view")) return null;
  const cohort = await db.cohort.findFirst({ where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor), { status: { not: "COMPLETED" } }] }, select: { nameEn: true, nameZhHant: true, nameZhHans: true } });
  if (!cohort) return null;
  const placements = await db.placement.findMany({
    where: countedPlacements(actor, cohortId),
    select: {
      id: true,
      startDate: true,
      endDate: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } },
      hostUnit: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
      officerReports: { select: { kind: true, revision: true, status: true, dueOn: true }, orderBy: { revision: "desc" } },
    },
    orderBy: [{ officer: { surname: "asc" } }, { officer: { givenName: "asc" } }, { id: "asc" }],
  });
  const rows = placements.flatMap((placement) =>
    reportKinds.flatMap((kind) => {
      const latest = placement.officerReports.find((report) => report.kind === kind);
      if (dashboardReportState(latest) !== state) return [];
      return [
        {
          placementId: placement.id,
          officerName: formatOfficerName(placement.officer),
          officerChineseName: placement.officer.chineseName,
          hostUnit: placement.hostUnit,
          kind,
          status: latest?.status ?? null,
          dueOn: reportDueOn(kind, placement, latest),
        },
      ];
    }),
  );
  return { cohort, rows };
}
