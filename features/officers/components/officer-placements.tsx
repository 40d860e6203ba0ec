import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { displayStatus } from "@/features/placements/display-status";
import type { OfficerPlacementRow } from "../queries";

/** An officer's placements, newest first: the cohort, where, in what post and field, when, and how far along. */
export async function OfficerPlacements({ placements, locale }: { placements: OfficerPlacementRow[]; locale: AppLocale }) {
  const [t, status] = await Promise.all([getTranslations("officers"), getTranslations("status.placement")]);
  if (placements.length === 0) return <EmptyState message={t("noPlacements")} />;
  const today = parseDateOnly(todayInHongKong());
  return (
    <DataTable caption={t("placementHistory")} headers={<HeaderCells labels={[t("cohort"), t("hostUnit"), t("post"), t("field"), t("dates"), t("status")]} />}>
          {placements.map((placement) => (
            <tr key={placement.id} className="border-t border-slate-200" data-testid="placement-row">
              <th scope="row" className="font-medium">{localizedName(placement.cohort, locale)}</th>
              <td>{placement.hostUnit ? localizedName(placement.hostUnit, locale) : t("notAssigned")}</td>
              <td>{placement.postTitle ?? "—"}</td>
              <td>{placement.field ? localizedName(placement.field, locale) : "—"}</td>
              <td className="whitespace-nowrap">
                {formatCalendarDate(placement.startDate, locale)} – {formatCalendarDate(placement.endDate, locale)}
              </td>
              <td>{status(displayStatus(placement, today))}</td>
            </tr>
          ))}
    </DataTable>
  );
}
