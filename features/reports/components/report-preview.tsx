import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/page-section";
import { formatNumber, formatCalendarDate } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { EmptyState } from "@/components/empty-state";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { reportTexts } from "../export-service";
import type { ExportColumn, PlacementReportRow } from "../export/types";
import type { ReportRecord } from "../queries";
import { createRowFormatter } from "../rows";
import { REPORT_PAGE_SIZE } from "../schemas";

const WIDE_TEXT = "[overflow-wrap:anywhere]";

/**
 * One page of the report with the columns the downloads carry (the user's choice; the staff number only where the
 * reader may see it), formatted as the files format them, dates in the reader's language. A table from 768 px, a
 * card per placement below, so that a phone never scrolls sideways.
 */
export async function ReportPreview({
  records,
  total,
  page,
  includeStaffNumber,
  columns,
  query,
  locale,
}: {
  records: ReportRecord[];
  total: number;
  page: number;
  includeStaffNumber: boolean;
  columns: ExportColumn[];
  /** The filters as a query string, for the page links. */
  query: URLSearchParams;
  locale: AppLocale;
}) {
  const t = await getTranslations("reports");
  if (total === 0) return <EmptyState message={t("empty")} />;
  const format = createRowFormatter(reportTexts(locale), locale, parseDateOnly(todayInHongKong()), includeStaffNumber);
  const rows = records.map((record) => ({ id: record.id, row: format(record) }));
  const text = (row: PlacementReportRow, key: keyof PlacementReportRow) => {
    const value = row[key];
    if (value instanceof Date) return formatCalendarDate(value, locale);
    return value || "—";
  };
  // The officer's name heads each row (and each card) when it is shown; otherwise the first column does.
  const headingKey = columns.some((column) => column.key === "officerNameEn") ? "officerNameEn" : columns[0].key;
  const first = (page - 1) * REPORT_PAGE_SIZE + 1;
  const last = first + records.length - 1;
  const pageCount = Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE));
  const caption = t("previewCaption", { from: formatNumber(first, locale), to: formatNumber(last, locale), total: formatNumber(total, locale) });
  const pageHref = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `/reports?${search}` : "/reports";
  };
  return (
    <PageSection id="preview" title={t("previewHeading")}>
      <div className="hidden md:block">
        <DataTable
          showCaption
          testId="report-preview"
          caption={caption}
          headers={<HeaderCells labels={columns.map((column) => column.header)} />}
        >
          {rows.map(({ id, row }) => (
            <tr key={id} className="border-t border-slate-200" data-testid="report-row">
              {columns.map((column) =>
                column.key === headingKey ? (
                  <th key={column.key} scope="row" className={`font-medium ${WIDE_TEXT}`}>
                    {text(row, column.key)}
                  </th>
                ) : (
                  <td key={column.key} className={column.key === "startDate" || column.key === "endDate" ? "whitespace-nowrap" : WIDE_TEXT}>
                    {text(row, column.key)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </DataTable>
      </div>
      <div className="md:hidden">
        <p className="mb-2 font-medium text-slate-800">{caption}</p>
        <ul className="space-y-3" data-testid="report-cards">
          {rows.map(({ id, row }) => (
            <li key={id} className="rounded border border-slate-300 bg-white p-3" data-testid="report-card">
              <h3 className={`font-semibold ${WIDE_TEXT}`}>{text(row, headingKey)}</h3>
              <dl className="mt-2 grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-3 gap-y-1 text-sm">
                {columns
                  .filter((column) => column.key !== headingKey)
                  .map((column) => (
                    <div key={column.key} className="contents">
                      <dt className={`text-slate-700 ${WIDE_TEXT}`}>{column.header}</dt>
                      <dd className={WIDE_TEXT}>{text(row, column.key)}</dd>
                    </div>
                  ))}
              </dl>
            </li>
          ))}
        </ul>
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
    </PageSection>
  );
}
