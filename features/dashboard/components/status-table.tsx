import { useTranslations } from "next-intl";
import type { PlacementStatus } from "@/generated/prisma/enums";

const order: PlacementStatus[] = ["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN"];

/** Counts as a bar chart with the same numbers in a table, so the chart is never the only way to read them. */
export function PlacementStatusSummary({ caption, counts }: { caption: string; counts: Partial<Record<PlacementStatus, number>> }) {
  const t = useTranslations("status.placement");
  const d = useTranslations("dashboard");
  const max = Math.max(1, ...order.map((status) => counts[status] ?? 0));
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left">
          <th scope="col" className="py-1 pr-2 font-medium">
            {d("statusColumn")}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {d("countColumn")}
          </th>
          <th scope="col" className="w-1/2 py-1">
            <span className="sr-only">{d("placementsByStatus")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {order.map((status) => {
          const count = counts[status] ?? 0;
          return (
            <tr key={status}>
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {t(status)}
              </th>
              <td className="py-1 pr-2 tabular-nums" data-testid={`count-${status}`}>
                {count}
              </td>
              <td className="py-1" aria-hidden="true">
                <div className="h-3 rounded bg-brand-700" style={{ width: `${(count / max) * 100}%` }} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
