import { useTranslations } from "next-intl";

/**
 * Says plainly when the mainland's holidays of a year are not in the data yet (the State Council publishes them each
 * autumn; see features/schedule/holidays.ts), so an empty day is not mistaken for a working day that is certain.
 */
export function HolidayDataNote({ years }: { years: number[] }) {
  const t = useTranslations("schedule.holidays");
  if (years.length === 0) return null;
  return <p className="rounded border-l-4 border-slate-500 bg-slate-50 px-3 py-2 text-sm text-slate-800">{t("mainlandDataMissing", { years: years.join(", ") })}</p>;
}
