import Link from "next/link";
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import { firstDayOfMonth, monthOfIsoDate, shiftMonth } from "../calendar";
import type { TrilingualName } from "@/lib/i18n/locales";
import type { ScheduleCohort, TimelinePlacement } from "../queries";
import { addDays, daysBetween } from "@/lib/dates";
import { formatIsoDate, formatMonth, localizedName } from "./format";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EmptyState } from "@/components/empty-state";
import { displayStatus } from "@/features/placements/display-status";

interface TimelineGroup {
  hostUnit: (TrilingualName & { id: string }) | null;
  placements: TimelinePlacement[];
}

/**
 * Placements per host unit across the cohort window: a bar chart for sighted users (hidden from assistive
 * technology) and, always shown, a table with the same facts.
 */
export function CohortTimeline({ cohort, groups, today }: { cohort: ScheduleCohort; groups: TimelineGroup[]; today: string }) {
  const t = useTranslations("schedule.timeline");
  const status = useTranslations("status.placement");
  const locale = useLocale() as AppLocale;
  const span = daysBetween(cohort.startDate, cohort.endDate) + 1;
  const offset = (date: string) => `${(Math.max(0, daysBetween(cohort.startDate, date)) / span) * 100}%`;
  const width = (start: string, end: string) => `${(Math.max(1, daysBetween(start, end) + 1) / span) * 100}%`;
  const months: string[] = [];
  for (let month = monthOfIsoDate(cohort.startDate); firstDayOfMonth(month) <= cohort.endDate; month = shiftMonth(month, 1)) months.push(firstDayOfMonth(month));
  const unitName = (group: TimelineGroup) => (group.hostUnit ? localizedName(group.hostUnit, locale) : t("unassigned"));
  const showToday = today >= cohort.startDate && today <= cohort.endDate;
  const captionId = useId();

  if (groups.length === 0) return <EmptyState message={t("empty")} />;

  return (
    <div className="flex flex-col gap-6">
      <figure aria-hidden="true" className="overflow-x-auto rounded border border-slate-300 bg-white p-3 print:overflow-visible">
        <div className="min-w-[48rem]">
          <div className="relative ml-64 h-6 border-b border-slate-300 text-xs text-slate-700">
            {months.map((first) => (
              <span key={first} className="absolute top-0 border-l border-slate-300 pl-1" style={{ left: offset(first < cohort.startDate ? cohort.startDate : first) }}>
                {formatMonth(monthOfIsoDate(first), locale)}
              </span>
            ))}
          </div>
          {groups.map((group) => (
            <div key={group.hostUnit?.id ?? "unassigned"} className="border-b border-slate-200 py-1">
              {group.placements.map((placement, index) => (
                <div key={placement.id} className="flex items-center">
                  <div className="w-64 shrink-0 truncate pr-2 text-xs">{index === 0 ? <span className="font-semibold">{unitName(group)}</span> : null}</div>
                  <div className="relative h-6 flex-1">
                    {showToday && <div className="absolute inset-y-0 w-px bg-slate-800" style={{ left: offset(today) }} />}
                    <div
                      className={`absolute inset-y-1 truncate rounded px-1 text-xs leading-4 ${placement.status === "CONFIRMED" ? "bg-brand-700 text-white" : "border border-dashed border-brand-700 bg-brand-50 text-brand-800"}`}
                      style={{ left: offset(placement.startDate), width: width(placement.startDate, placement.endDate) }}
                    >
                      {placement.officerName}
                    </div>
                  </div>
                </div>
              ))}
            </div>
          ))}
          <p className="mt-2 text-xs text-slate-700">
            {formatIsoDate(cohort.startDate, locale)} – {formatIsoDate(addDays(cohort.startDate, span - 1), locale)}
          </p>
        </div>
      </figure>
      <ScrollRegion labelledBy={captionId}>
        <table className="w-full text-left text-sm">
          <caption id={captionId} className="px-3 py-2 text-left font-semibold">{t("tableCaption", { cohort: localizedName(cohort.name, locale) })}</caption>
          <ColumnHeaders labels={[t("hostUnit"), t("officer"), t("post"), t("from"), t("to"), t("status")]} />
          {groups.map((group) => (
            <tbody key={group.hostUnit?.id ?? "unassigned"}>
              {group.placements.map((placement, index) => (
                <tr key={placement.id} className="border-t border-slate-200">
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={group.placements.length} className="px-3 py-2 align-top font-medium">
                      {unitName(group)}
                    </th>
                  )}
                  <td className="px-3 py-2">
                    <Link href={`/schedule/placements/${placement.id}`} className="text-brand-700 underline">
                      {placement.officerName}
                    </Link>
                    {placement.chineseName && <span> {placement.chineseName}</span>}
                  </td>
                  <td className="px-3 py-2">{placement.postTitle ?? "—"}</td>
                  <td className="px-3 py-2">{formatIsoDate(placement.startDate, locale)}</td>
                  <td className="px-3 py-2">{formatIsoDate(placement.endDate, locale)}</td>
                  <td className="px-3 py-2">{status(displayStatus(placement))}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
    </div>
  );
}
