import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { formatNumber } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** The list this row counts, filtered to it. */
  href?: string;
}

/**
 * A horizontal bar chart that is a table: the numbers are in the cells, the bars are decoration hidden from
 * assistive technology, so the chart is never the only way to read them.
 */
export function BarTable({
  caption,
  labelHeader,
  rows,
  locale,
  testId,
}: {
  caption: string;
  labelHeader: string;
  rows: BarRow[];
  locale: AppLocale;
  testId?: string;
}) {
  const t = useTranslations("dashboard");
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <DataTable
      caption={caption}
      showCaption
      framed={false}
      testId={testId}
      headers={
        <>
          <th scope="col" className="font-medium">
            {labelHeader}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("countColumn")}
          </th>
          <th scope="col" className="w-2/5">
            <span className="sr-only">{t("chartColumn")}</span>
          </th>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.key} className="border-t border-slate-100">
          <th scope="row" className="text-left font-normal">
            {row.href ? (
              <Link prefetch={false} href={row.href} className="text-brand-700 underline">
                {row.label}
              </Link>
            ) : (
              row.label
            )}
          </th>
          <td className="text-right tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
            {formatNumber(row.value, locale)}
          </td>
          <td aria-hidden="true">
            <div className="h-3 rounded bg-brand-700" style={{ width: `${(row.value / max) * 100}%` }} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
