import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ScheduleEntry } from "../queries";
import { formatIsoDateRange, localizedName } from "./format";

export interface EntryDisplayOptions {
  /** Views with several officers name the officer of each placement item. */
  showOfficer?: boolean;
  /** Edit links for items the viewer may change (never in print). */
  linkToEdit?: boolean;
  /** Show the date range of items that last several days. */
  showDates?: boolean;
}

export function entryTime(entry: ScheduleEntry, allDayLabel: string): string {
  return entry.allDay ? allDayLabel : `${entry.startTime}–${entry.endTime}`;
}

/** One schedule item: time, type, title, and where, for whom and what to note. */
export function EntryLine({ entry, showOfficer, linkToEdit, showDates }: { entry: ScheduleEntry } & EntryDisplayOptions) {
  const t = useTranslations("schedule");
  const locale = useLocale() as AppLocale;
  const multiDay = entry.startDate !== entry.endDate;
  return (
    <div className="flex flex-col gap-0.5" data-testid="schedule-entry">
      <p className="text-sm">
        <span className="font-semibold tabular-nums">{entryTime(entry, t("allDay"))}</span>
        {showDates && multiDay && <span className="text-slate-700"> · {formatIsoDateRange(entry.startDate, entry.endDate, locale)}</span>}
        <span className="ml-2 inline-block rounded bg-brand-50 px-1.5 text-xs font-medium text-brand-800">{t(`types.${entry.type}`)}</span>
        {!entry.placementId && <span className="ml-1 inline-block rounded bg-slate-100 px-1.5 text-xs text-slate-800">{t("cohortWide")}</span>}
      </p>
      <p className="font-medium">
        {linkToEdit && entry.canEdit ? (
          <Link href={`/schedule/items/${entry.id}`} className="text-brand-700 underline">
            {entry.title}
            <span className="sr-only"> ({t("editItem")})</span>
          </Link>
        ) : (
          entry.title
        )}
      </p>
      {showOfficer && entry.officerName && (
        <p className="text-sm text-slate-700">
          {entry.officerName}
          {entry.hostUnit && ` · ${localizedName(entry.hostUnit, locale)}`}
        </p>
      )}
      {entry.location && (
        <p className="text-sm text-slate-700">
          <span className="sr-only">{t("location")}: </span>
          {entry.location}
        </p>
      )}
      {entry.notes && <p className="whitespace-pre-line text-sm text-slate-700">{entry.notes}</p>}
    </div>
  );
}
