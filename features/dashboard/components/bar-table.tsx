import { useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";

export interface BarRow {
  key: string;
  label: string;
  value: number;
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
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="text-left">
          <th scope="col" className="py-1 pr-2 font-medium">
            {labelHeader}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            {t("countColumn")}
          </th>
          <th scope="col" className="w-2/5 py-1">
            <span className="sr-only">{t("chartColumn")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {row.label}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
              {formatNumber(row.value, locale)}
            </td>
            <td className="py-1" aria-hidden="true">
              <div className="h-3 rounded bg-brand-700" style={{ width: `${(row.value / max) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
