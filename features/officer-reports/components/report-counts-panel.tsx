import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { PageSection } from "@/components/page-section";
import { formatNumber } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { SessionUser } from "@/lib/auth/session";
import { dashboardReportStates, findReportCounts } from "../dashboard";

/** The coordinator dashboard's panel of reports per cohort: due / submitted / returned / accepted, evaluations done. */
export async function ReportCountsPanel({ user }: { user: SessionUser }) {
  const [t, list, locale, rows] = await Promise.all([getTranslations("officerReports.dashboard"), getTranslations("cohortReports"), getLocale() as Promise<AppLocale>, findReportCounts(user)]);
  if (rows.length === 0) return null;
  const stateLabels = { due: t("due"), submitted: t("submitted"), returned: t("returned"), accepted: t("accepted") };
  const columns = [t("cohort"), ...dashboardReportStates.map((state) => stateLabels[state]), t("evaluations")];
  return (
    <PageSection id="officer-reports" title={t("title")} intro={t("intro")} className="rounded border border-slate-300 bg-white p-5">
      <DataTable
        caption={t("caption")}
        cardLabels={columns}
        testId="report-counts"
        headers={columns.map((label) => (
          <th key={label} scope="col" className="text-left font-medium">
            {label}
          </th>
        ))}
      >
        {rows.map((row) => (
          <tr key={row.cohortId} className="border-t border-slate-100" data-cohort={row.cohortId}>
            <th scope="row" className="text-left font-normal">
              {localizedName(row.cohort, locale)}
            </th>
            {dashboardReportStates.map((state) => (
              <td key={state} className="tabular-nums">
                {row[state] > 0 ? (
                  // Each count opens the list of the reports it counts.
                  <Link href={`/cohorts/${row.cohortId}/reports?state=${state}`} className="text-brand-700 underline" aria-label={list("open", { count: formatNumber(row[state], locale), state: stateLabels[state], cohort: localizedName(row.cohort, locale) })}>
                    {formatNumber(row[state], locale)}
                  </Link>
                ) : (
                  formatNumber(row[state], locale)
                )}
              </td>
            ))}
            <td className="tabular-nums">{t("evaluationsOf", { done: formatNumber(row.evaluationsDone, locale), total: formatNumber(row.placements, locale) })}</td>
          </tr>
        ))}
      </DataTable>
    </PageSection>
  );
}
