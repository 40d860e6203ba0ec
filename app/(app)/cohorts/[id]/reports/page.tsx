import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { parseDateOnly } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { firstParam } from "@/lib/list-params";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { dashboardReportStates, findCohortReportList, type DashboardReportState } from "@/features/officer-reports/dashboard";

export async function generateMetadata() {
  const t = await getTranslations("cohortReports");
  return { title: t("metaTitle") };
}

function parseState(value: string | undefined): DashboardReportState {
  return dashboardReportStates.find((state) => state === value) ?? "due";
}

/** The reports of one cohort in one of the dashboard's states: where each count of the report panel leads. */
export default async function CohortReportsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officerReport:view")) forbidden();
  const { id } = await params;
  const state = parseState(firstParam((await searchParams).state));
  const [t, panel, reports, locale, list] = await Promise.all([
    getTranslations("cohortReports"),
    getTranslations("officerReports.dashboard"),
    getTranslations("officerReports"),
    getLocale() as Promise<AppLocale>,
    findCohortReportList(user, id, state),
  ]);
  if (!list) notFound();
  const stateLabels: Record<DashboardReportState, string> = { due: panel("due"), submitted: panel("submitted"), returned: panel("returned"), accepted: panel("accepted") };
  const columns = [t("officer"), t("hostUnit"), t("report"), t("status"), t("dueOn")];
  return (
    <>
      <PageHeader title={t("title", { cohort: localizedName(list.cohort, locale) })} description={t("intro")} />
      <nav aria-label={t("states")} className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {dashboardReportStates.map((choice) =>
          choice === state ? (
            <span key={choice} aria-current="page" className="font-semibold">
              {stateLabels[choice]}
            </span>
          ) : (
            <Link key={choice} href={`/cohorts/${id}/reports?state=${choice}`} className="text-brand-700 underline">
              {stateLabels[choice]}
            </Link>
          ),
        )}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <DataTable
          caption={t("caption", { state: stateLabels[state] })}
          cardLabels={columns}
          testId="cohort-reports"
          headers={columns.map((label) => (
            <th key={label} scope="col" className="text-left font-medium">
              {label}
            </th>
          ))}
        >
          {list.rows.map((row) => (
            <tr key={`${row.placementId}-${row.kind}`} className="border-t border-slate-100">
              <th scope="row" className="text-left font-normal">
                <Link href={`/placements/${row.placementId}/reports`} className="text-brand-700 underline">
                  {[row.officerName, row.officerChineseName].filter(Boolean).join(" ")}
                </Link>
              </th>
              <td>{row.hostUnit ? localizedName(row.hostUnit, locale) : "—"}</td>
              <td>{reports(row.kind === "FINAL" ? "kinds.FINAL" : "kinds.MID_TERM")}</td>
              <td>{row.status === null ? reports("status.NOT_STARTED") : reports(`status.${row.status as "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED"}`)}</td>
              <td>{formatCalendarDate(parseDateOnly(row.dueOn), locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
