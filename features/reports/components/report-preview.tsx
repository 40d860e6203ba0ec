import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatNumber, formatCalendarDate } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { todayInHongKong } from "@/lib/dates";
import { EmptyState } from "@/components/empty-state";
import { formatOfficerName } from "@/features/officers/names";
import type { ReportRecord } from "../queries";
import { displayStatus } from "@/features/placements/display-status";
import { REPORT_PAGE_SIZE } from "../schemas";

const cell = "px-3 py-2 align-top";

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
  const today = todayInHongKong();
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
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
        {t("previewHeading")}
      </h2>
      <div className="overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full text-left text-sm" data-testid="report-preview">
          <caption className="px-3 py-2 text-left text-slate-700">
            {t("previewCaption", { from: formatNumber(first, locale), to: formatNumber(last, locale), total: formatNumber(total, locale) })}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={cell}>{t("columns.officerName")}</th>
              {includeStaffNumber && <th scope="col" className={cell}>{t("columns.staffNumber")}</th>}
              <th scope="col" className={cell}>{t("columns.rank")}</th>
              <th scope="col" className={cell}>{t("columns.homeDepartment")}</th>
              <th scope="col" className={cell}>{t("columns.hostUnit")}</th>
              <th scope="col" className={cell}>{t("columns.post")}</th>
              <th scope="col" className={cell}>{t("columns.field")}</th>
              <th scope="col" className={cell}>{t("columns.dates")}</th>
              <th scope="col" className={cell}>{t("columns.status")}</th>
              <th scope="col" className={cell}>{t("columns.approvals")}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id} className="border-t border-slate-200" data-testid="report-row">
                <th scope="row" className={`${cell} font-medium`}>
                  {formatOfficerName(record)}
                  {record.chineseName && (
                    <span lang="zh" className="block font-normal">
                      {record.chineseName}
                    </span>
                  )}
                </th>
                {includeStaffNumber && <td className={cell}>{record.staffNumber ?? "—"}</td>}
                <td className={cell}>{record.rank}</td>
                <td className={cell}>{record.homeDepartment}</td>
                <td className={cell}>{record.hostUnit ?? t("notAssigned")}</td>
                <td className={cell}>{record.postTitle ?? "—"}</td>
                <td className={cell}>{record.field ?? "—"}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  {formatCalendarDate(record.startDate, locale)} –<br />
                  {formatCalendarDate(record.endDate, locale)}
                </td>
                <td className={cell}>{status(displayStatus(record, today))}</td>
                <td className={cell}>
                  <span className="block">{record.sendingApprovedOn ? t("sendingApproved") : t("sendingPending")}</span>
                  <span className="block">{record.hostApprovedOn ? t("hostApproved") : t("hostPending")}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
    </section>
  );
}
