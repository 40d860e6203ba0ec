import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { PageSection } from "@/components/page-section";
import { formatNumber } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { SessionUser } from "@/lib/auth/session";
import { findReportCounts } from "../dashboard";

/** The coordinator dashboard's panel of reports per cohort: due / submitted / returned / accepted, evaluations done. */
export async function ReportCountsPanel({ user }: { user: SessionUser }) {
  const [t, locale, rows] = await Promise.all([getTranslations("officerReports.dashboard"), getLocale() as Promise<AppLocale>, findReportCounts(user)]);
  if (rows.length === 0) return null;
  const columns = [t("cohort"), t("due"), t("submitted"), t("returned"), t("accepted"), t("evaluations")];
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
            <td className="tabular-nums">{formatNumber(row.due, locale)}</td>
            <td className="tabular-nums">{formatNumber(row.submitted, locale)}</td>
            <td className="tabular-nums">{formatNumber(row.returned, locale)}</td>
            <td className="tabular-nums">{formatNumber(row.accepted, locale)}</td>
            <td className="tabular-nums">{t("evaluationsOf", { done: formatNumber(row.evaluationsDone, locale), total: formatNumber(row.placements, locale) })}</td>
          </tr>
        ))}
      </DataTable>
    </PageSection>
  );
}
