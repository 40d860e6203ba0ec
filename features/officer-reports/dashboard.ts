import "server-only";
import { db } from "@/lib/db";
import { hasPermission, type Actor } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";
import type { TrilingualName } from "@/lib/i18n/locales";
import { reportKinds } from "./schemas";

// The coordinator dashboard's report panel: per cohort of the coordinator's side (either side) that is running or
// planned, its confirmed placements' reports by the state of their latest revision, and evaluations written.
// A report not yet started counts as due; a new version opened after acceptance counts as due again.

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
    where: { status: "CONFIRMED", cohort: { AND: [scopeWhere("cohort", actor), { status: { not: "COMPLETED" } }] } },
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
      const latest = placement.officerReports.find((report) => report.kind === kind);
      if (latest?.status === "SUBMITTED") counts.submitted += 1;
      else if (latest?.status === "RETURNED") counts.returned += 1;
      else if (latest?.status === "ACCEPTED") counts.accepted += 1;
      else counts.due += 1;
    }
  }
  return [...byCohort.values()].sort((a, b) => b.startDate.getTime() - a.startDate.getTime()).map(({ startDate: _startDate, ...counts }) => counts);
}
