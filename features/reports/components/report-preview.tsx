import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";
import { formatNumber, formatCalendarDate } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { EmptyState } from "@/components/empty-state";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { formatOfficerName } from "@/features/officers/names";
import type { ReportRecord } from "../queries";
import { displayStatus } from "@/features/placements/display-status";
import { REPORT_PAGE_SIZE } from "../schemas";

/** One page of the report, with the same columns (and the same staff-number rule) as the downloads. */
export async function ReportPreview({
  records,
  total,
  page,
  includeStaffNumber,
  query,
  locale,
}: {
  records: ReportRecord[];
  total: number;
  page: number;
  includeStaffNumber: boolean;
  /** The filters as a query string, for the page links. */
  query: URLSearchParams;
  locale: AppLocale;
}) {
  const [t, status] = await Promise.all([getTranslations("reports"), getTranslations("status.placement")]);
  if (total === 0) return <EmptyState message={t("empty")} />;
  const today = parseDateOnly(todayInHongKong());
  const first = (page - 1) * REPORT_PAGE_SIZE + 1;
  const last = first + records.length - 1;
  const pageCount = Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE));
  const pageHref = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const text = params.toString();
    return text ? `/reports?${text}` : "/reports";
  };
  return (
    <PageSection id="preview" title={t("previewHeading")}>
      <DataTable
        showCaption
        testId="report-preview"
        caption={t("previewCaption", { from: formatNumber(first, locale), to: formatNumber(last, locale), total: formatNumber(total, locale) })}
        headers={
          <HeaderCells
            labels={[
              t("columns.officerName"),
              ...(includeStaffNumber ? [t("columns.staffNumber")] : []),
              t("columns.rank"),
              t("columns.homeDepartment"),
              t("columns.hostUnit"),
              t("columns.post"),
              t("columns.field"),
              t("columns.dates"),
              t("columns.status"),
              t("columns.approvals"),
            ]}
          />
        }
      >
        {records.map((record) => (
          <tr key={record.id} className="border-t border-slate-200" data-testid="report-row">
            <th scope="row" className="font-medium">
              {formatOfficerName(record)}
              {record.chineseName && (
                <span lang="zh" className="block font-normal">
                  {record.chineseName}
                </span>
              )}
            </th>
            {includeStaffNumber && <td>{record.staffNumber ?? "—"}</td>}
            <td>{record.rank}</td>
            <td>{record.homeDepartment}</td>
            <td>{record.hostUnit ?? t("notAssigned")}</td>
            <td>{record.postTitle ?? "—"}</td>
            <td>{record.field ?? "—"}</td>
            <td className="whitespace-nowrap">
              {formatCalendarDate(record.startDate, locale)} –<br />
              {formatCalendarDate(record.endDate, locale)}
            </td>
            <td>{status(displayStatus(record, today))}</td>
            <td>
              <span className="block">{record.sendingApprovedOn ? t("sendingApproved") : t("sendingPending")}</span>
              <span className="block">{record.hostApprovedOn ? t("hostApproved") : t("hostPending")}</span>
            </td>
          </tr>
        ))}
      </DataTable>
      {pageCount > 1 && (
        <nav aria-label={t("pagination.label")} className="mt-3 flex flex-wrap items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 underline" rel="prev">
              {t("pagination.previous")}
            </Link>
          ) : (
            <span className="text-slate-600">{t("pagination.previous")}</span>
          )}
          <span aria-current="page">{t("pagination.current", { page: formatNumber(page, locale), pages: formatNumber(pageCount, locale) })}</span>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 underline" rel="next">
              {t("pagination.next")}
            </Link>
          ) : (
            <span className="text-slate-600">{t("pagination.next")}</span>
          )}
        </nav>
      )}
    </PageSection>
  );
}
