import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { todayInHongKong } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { tableClass, tableWrapperClass } from "@/components/data-list";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { displayStatus } from "@/features/placements/display-status";
import type { OfficerPlacementRow } from "../queries";

/** An officer's placements, newest first: the cohort, where, in what post and field, when, and how far along. */
export async function OfficerPlacements({ placements, locale }: { placements: OfficerPlacementRow[]; locale: AppLocale }) {
  const [t, status] = await Promise.all([getTranslations("officers"), getTranslations("status.placement")]);
  if (placements.length === 0) return <EmptyState message={t("noPlacements")} />;
  const today = todayInHongKong();
  return (
    <div className={tableWrapperClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t("placementHistory")}</caption>
        <ColumnHeaders labels={[t("cohort"), t("hostUnit"), t("post"), t("field"), t("dates"), t("status")]} />
        <tbody>
          {placements.map((placement) => (
            <tr key={placement.id} className="border-t border-slate-200" data-testid="placement-row">
              <th scope="row" className="px-3 py-2 font-medium">{localizedName(placement.cohort, locale)}</th>
              <td className="px-3 py-2">{placement.hostUnit ? localizedName(placement.hostUnit, locale) : t("notAssigned")}</td>
              <td className="px-3 py-2">{placement.postTitle ?? "—"}</td>
              <td className="px-3 py-2">{placement.field ? localizedName(placement.field, locale) : "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatCalendarDate(placement.startDate, locale)} – {formatCalendarDate(placement.endDate, locale)}
              </td>
              <td className="px-3 py-2">{status(displayStatus(placement, today))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
