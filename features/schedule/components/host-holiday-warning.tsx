"use client";

import { useTranslations } from "@/lib/i18n/client";

export interface HostHoliday {
  date: string;
  /** Already formatted for the reader: "Saturday 10 February 2024: Spring Festival". */
  label: string;
}

/**
 * Warns, without blocking, when an item falls on a host-side holiday (the host unit is closed then). A live region
 * that is always present, so the warning is announced when a date change makes it appear.
 */
export function HostHolidayWarning({ holidays, startDate, endDate, sideLabel }: { holidays: HostHoliday[]; startDate: string; endDate?: string; sideLabel: string }) {
  const t = useTranslations("schedule.form");
  const last = endDate && endDate >= startDate ? endDate : startDate;
  const hits = startDate ? holidays.filter((holiday) => holiday.date >= startDate && holiday.date <= last) : [];
  return (
    <div role="status" aria-live="polite">
      {hits.length > 0 && (
        <div className="rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="host-holiday-warning">
          <p className="font-semibold">{t("hostHolidayWarning", { side: sideLabel, count: hits.length })}</p>
          <ul className="list-disc pl-5">
            {hits.map((holiday) => (
              <li key={holiday.date}>{holiday.label}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
