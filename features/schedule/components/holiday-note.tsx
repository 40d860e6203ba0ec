import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import type { HolidayEntry, HolidayName, Side } from "../holidays";
import { holidayName } from "./format";

const tone: Record<string, string> = {
  "HK-holiday": "border-sky-700 bg-sky-50 text-sky-950",
  "MAINLAND-holiday": "border-red-700 bg-red-50 text-red-950",
  "HK-makeUpWorkday": "border-amber-700 bg-amber-50 text-amber-950",
  "MAINLAND-makeUpWorkday": "border-amber-700 bg-amber-50 text-amber-950",
};

/**
 * A holiday or make-up working day, always as words ("Mainland holiday: Spring Festival"), never only as a colour;
 * the border and background only repeat what the text says.
 */
export function HolidayNote({ side, kind, name, className = "" }: { side: Side; kind: HolidayEntry["kind"]; name: HolidayName; className?: string }) {
  const t = useTranslations("schedule.holidays");
  const locale = useLocale() as AppLocale;
  const text = t(kind === "holiday" ? "holidayLabel" : "makeUpLabel", { side: t(`sides.${side}`), name: holidayName(name, locale) });
  return (
    <span className={`block border-l-4 px-1.5 py-0.5 text-xs leading-snug ${tone[`${side}-${kind}`]} ${className}`} data-holiday-side={side} data-holiday-kind={kind}>
      {text}
    </span>
  );
}
