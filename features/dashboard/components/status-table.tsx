import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { formatNumber } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";

const order: PlacementStatus[] = ["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN"];

/** Counts as a bar chart with the same numbers in a table (a DataTable whose last column draws them), so the chart is never the only way to read them. */
export function PlacementStatusSummary({ caption, counts }: { caption: string; counts: Partial<Record<PlacementStatus, number>> }) {
  const t = useTranslations("status.placement");
  const d = useTranslations("dashboard");
  const max = Math.max(1, ...order.map((status) => counts[status] ?? 0));
  return (
    <DataTable
      caption={caption}
      framed={false}
      headers={
        <>
          <th scope="col" className="font-medium">
            {d("statusColumn")}
          </th>
          <th scope="col" className="font-medium">
            {d("countColumn")}
          </th>
          <th scope="col" className="w-1/2">
            <span className="sr-only">{d("placementsByStatus")}</span>
          </th>
        </>
      }
    >
      {order.map((status) => {
        const count = counts[status] ?? 0;
        return (
          <tr key={status} className="border-t border-slate-100">
            <th scope="row" className="text-left font-normal">
              {t(status)}
            </th>
            <td className="tabular-nums" data-testid={`count-${status}`}>
              {count}
            </td>
            <td aria-hidden="true">
              <div className="h-3 rounded bg-brand-700" style={{ width: `${(count / max) * 100}%` }} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export interface CohortStatusRow {
  id: string;
  name: string;
  side: "sending" | "host";
  dates: string;
  status: string;
  counts: Partial<Record<PlacementStatus, number>>;
  waitingForMyApproval: number;
}

const barColours: Record<PlacementStatus, string> = {
  NOMINATED: "bg-slate-400",
  ASSIGNED: "bg-amber-600",
  CONFIRMED: "bg-green-700",
  WITHDRAWN: "bg-red-700",
};

/**
 * The coordinator's cohorts in one table: a row per cohort with its placements by status and those waiting for the
 * reader's approval. The bar under each name draws the same numbers (the swatches in the column headers are its
 * legend) and is hidden from assistive technology. One table instead of a card and a table per cohort: a quarter of
 * the elements, and the cohorts line up for comparison.
 */
export function CohortStatusTable({ caption, rows, locale }: { caption: string; rows: CohortStatusRow[]; locale: AppLocale }) {
  const t = useTranslations("status.placement");
  const d = useTranslations("dashboard");
  return (
    <DataTable
      caption={caption}
      headers={
        <>
          <HeaderCells labels={[d("cohortColumn"), d("sideColumn"), d("datesColumn"), d("statusColumn")]} />
          {order.map((status) => (
            <th key={status} scope="col" className="text-right">
              <span className={`mr-1 inline-block h-2 w-2 rounded-sm ${barColours[status]}`} aria-hidden="true" />
              {t(status)}
            </th>
          ))}
          <th scope="col" className="text-right">
            {d("waitingForApproval")}
          </th>
        </>
      }
    >
      {rows.map((row) => {
        const total = order.reduce((sum, status) => sum + (row.counts[status] ?? 0), 0);
        return (
          <tr key={row.id} className="border-t border-slate-200" data-testid="cohort-row">
            <th scope="row" className="font-medium">
              <Link prefetch={false} href={`/cohorts/${row.id}`} className="text-brand-700 underline">
                {row.name}
              </Link>
              {total > 0 && (
                <span className="mt-1 flex h-2 w-40 overflow-hidden rounded bg-slate-100" aria-hidden="true">
                  {order.map((status) =>
                    row.counts[status] ? <span key={status} className={barColours[status]} style={{ width: `${((row.counts[status] ?? 0) / total) * 100}%` }} /> : null,
                  )}
                </span>
              )}
            </th>
            <td className="whitespace-nowrap">{d(row.side)}</td>
            <td className="whitespace-nowrap">{row.dates}</td>
            <td>{row.status}</td>
            {order.map((status) => (
              <td key={status} className="text-right tabular-nums" data-testid={`count-${status}`}>
                {formatNumber(row.counts[status] ?? 0, locale)}
              </td>
            ))}
            <td className="text-right tabular-nums" data-testid="cohort-waiting">
              {formatNumber(row.waitingForMyApproval, locale)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
