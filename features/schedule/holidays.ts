/**
 * Hong Kong and mainland holidays, mainland make-up working days (调休) and working-day maths.
 *
 * Pure and side-effect free: safe on the server and in client components (no "server-only", no DB).
 * Bundle note: `date-holidays` ships every country's rules (~1.5 MB minified); prefer calling this module on the
 * server and passing `HolidayEntry[]` to client components.
 *
 * Data sources (versions from node_modules/<package>/package.json):
 * - HK: `date-holidays` 3.37.0, country "HK" (data/countries/HK.yaml, which cites the gov.hk general-holidays pages
 *   https://www.gov.hk/en/about/abouthk/holiday/2016.htm … /2026.htm). Only type "public" is used — these are the
 *   HK general holidays other than Sundays, with the Sunday-substitution rules (day following …, fourth day of Lunar
 *   New Year, first/second weekday after Christmas Day) and the 2026 Ching Ming / Easter Monday clash. 2027 is not
 *   cited by the package; it is computed from the same rules (lunar calendar + Easter), not from a gazette.
 *   English and Traditional Chinese names come from the package ("en" / "zh"); Simplified names come from
 *   HK_NAMES below (gov.hk's Simplified Chinese wording).
 * - Mainland: `chinese-days` 1.5.7, read from its data file `chinese-days/dist/chinese-days.json` (`holidays` = every
 *   day of each official break, incl. weekend days inside it; `workdays` = 调休 make-up working days). The package
 *   transcribes the State Council General Office (国务院办公厅) annual notices; it covers 2004–2026.
 *   No data for 2027 (the 2027 notice is not in this version): for 2027 the mainland side has no holiday or
 *   make-up entries unless an admin enters them (below); `hasHolidayData` says whether a year is known.
 *   The package's functional API (getDayDetail etc.) is deliberately not used: it parses "YYYY-MM-DD" as UTC and
 *   then reads local-time fields, so west of UTC it answers for the previous day.
 *
 * - Admin entries (the Holiday table, maintained at /admin/holidays) override the package per side and date; the
 *   server loads them (holiday-calendar.ts) and passes them to `createHolidayCalendar`, the one place that merges.
 *
 * Dates are plain calendar dates "YYYY-MM-DD" in Asia/Hong_Kong / Asia/Shanghai (both UTC+8, no DST). All arithmetic
 * below uses UTC-based Date fields only, so the machine's time zone never shifts a date.
 */
import Holidays from "date-holidays";
import chineseDaysData from "chinese-days/dist/chinese-days.json";
import { addDays, isoDayOfWeek, parseDateOnly } from "@/lib/dates";

export type Side = "HK" | "MAINLAND";

export interface HolidayName {
  en: string;
  zhHant: string;
  zhHans: string;
}

export interface HolidayEntry {
  /** YYYY-MM-DD */
  date: string;
  side: Side;
  kind: "holiday" | "makeUpWorkday";
  name: HolidayName;
  /** "admin" when the entry comes from the Holiday table rather than the bundled package. */
  source?: "package" | "admin";
}

export const HOLIDAY_DATA_SOURCES = {
  HK: { package: "date-holidays", version: "3.37.0", country: "HK" },
  MAINLAND: { package: "chinese-days", version: "1.5.7", firstYear: 2004, lastYear: 2026 },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Calendar-date helpers (lib/dates.ts works on plain dates in UTC, so the machine's time zone never moves a date)

function isWeekend(date: string): boolean {
  return isoDayOfWeek(date) >= 6;
}

function* eachDate(from: string, to: string): Generator<string> {
  for (let date = from; date <= to; date = addDays(date, 1)) yield date;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------------------------
// HK general holidays (date-holidays)

/**
 * Keyed by date-holidays' English name. `en` keeps the package's wording (apostrophe normalised); `zhHant` is the
 * package's "zh" name; `zhHans` follows gov.hk's Simplified Chinese pages.
 */
const HK_NAMES: Record<string, HolidayName> = {
  "The first day of January": { en: "The first day of January", zhHant: "一月一日", zhHans: "一月一日" },
  "The day following the first day of January": {
    en: "The day following the first day of January",
    zhHant: "一月一日翌日",
    zhHans: "一月一日翌日",
  },
  "Lunar New Year's Day": { en: "Lunar New Year's Day", zhHant: "農曆年初一", zhHans: "农历年初一" },
  "The second day of Lunar New Year": {
    en: "The second day of Lunar New Year",
    zhHant: "農曆年初二",
    zhHans: "农历年初二",
  },
  "The third day of Lunar New Year": {
    en: "The third day of Lunar New Year",
    zhHant: "農曆年初三",
    zhHans: "农历年初三",
  },
  "The fourth day of Lunar New Year": {
    en: "The fourth day of Lunar New Year",
    zhHant: "農曆年初四",
    zhHans: "农历年初四",
  },
  "Ching Ming Festival": { en: "Ching Ming Festival", zhHant: "清明節", zhHans: "清明节" },
  "The day following Ching Ming Festival": {
    en: "The day following Ching Ming Festival",
    zhHant: "清明節翌日",
    zhHans: "清明节翌日",
  },
  "Good Friday": { en: "Good Friday", zhHant: "耶穌受難節", zhHans: "耶稣受难节" },
  "The day following Good Friday": {
    en: "The day following Good Friday",
    zhHant: "耶穌受難節翌日",
    zhHans: "耶稣受难节翌日",
  },
  "Easter Monday": { en: "Easter Monday", zhHant: "復活節星期一", zhHans: "复活节星期一" },
  "The day following Easter Monday": {
    en: "The day following Easter Monday",
    zhHant: "復活節星期一翌日",
    zhHans: "复活节星期一翌日",
  },
  "Labour Day": { en: "Labour Day", zhHant: "勞動節", zhHans: "劳动节" },
  "The day following Labour Day": { en: "The day following Labour Day", zhHant: "勞動節翌日", zhHans: "劳动节翌日" },
  "Birthday of the Buddha": { en: "Birthday of the Buddha", zhHant: "佛誕", zhHans: "佛诞" },
  "The day following Birthday of the Buddha": {
    en: "The day following Birthday of the Buddha",
    zhHant: "佛誕翌日",
    zhHans: "佛诞翌日",
  },
  "Tuen Ng Festival": { en: "Tuen Ng Festival", zhHant: "端午節", zhHans: "端午节" },
  "The day following Tuen Ng Festival": {
    en: "The day following Tuen Ng Festival",
    zhHant: "端午節翌日",
    zhHans: "端午节翌日",
  },
  "Hong Kong Special Administrative Region Establishment Day": {
    en: "Hong Kong Special Administrative Region Establishment Day",
    zhHant: "香港特別行政區成立紀念日",
    zhHans: "香港特别行政区成立纪念日",
  },
  "The day following Hong Kong Special Administrative Region Establishment Day": {
    en: "The day following Hong Kong Special Administrative Region Establishment Day",
    zhHant: "香港特別行政區成立紀念日翌日",
    zhHans: "香港特别行政区成立纪念日翌日",
  },
  "The day following the Chinese Mid-Autumn Festival": {
    en: "The day following the Chinese Mid-Autumn Festival",
    zhHant: "中秋節翌日",
    zhHans: "中秋节翌日",
  },
  "The second day following the Chinese Mid-Autumn Festival": {
    en: "The second day following the Chinese Mid-Autumn Festival",
    zhHant: "中秋節後第二日",
    zhHans: "中秋节后第二日",
  },
  "National Day": { en: "National Day", zhHant: "國慶日", zhHans: "国庆日" },
  "The day following National Day": {
    en: "The day following National Day",
    zhHant: "國慶日翌日",
    zhHans: "国庆日翌日",
  },
  "Chung Yeung Festival": { en: "Chung Yeung Festival", zhHant: "重陽節", zhHans: "重阳节" },
  "The day following Chung Yeung Festival": {
    en: "The day following Chung Yeung Festival",
    zhHant: "重陽節翌日",
    zhHans: "重阳节翌日",
  },
  "Christmas Day": { en: "Christmas Day", zhHant: "聖誕節", zhHans: "圣诞节" },
  "The first weekday after Christmas Day": {
    en: "The first weekday after Christmas Day",
    zhHant: "聖誕節後第一個周日",
    zhHans: "圣诞节后第一个周日",
  },
  "The second weekday after Christmas Day": {
    en: "The second weekday after Christmas Day",
    zhHant: "聖誕節後第二個周日",
    zhHans: "圣诞节后第二个周日",
  },
};

let hkCalendar: Holidays | undefined;

function hkHolidaysOfYear(year: number): HolidayEntry[] {
  hkCalendar ??= new Holidays("HK", { types: ["public"] });
  const chineseNames = new Map(hkCalendar.getHolidays(year, "zh").map((h) => [h.date, h.name]));
  return hkCalendar
    .getHolidays(year, "en")
    .filter((h) => h.type === "public")
    .map((h) => {
      // `h.date` is "YYYY-MM-DD hh:mm:ss" in the country's own calendar; `h.start` is an instant and must not be
      // read with local-time getters.
      const date = h.date.slice(0, 10);
      const en = h.name.replace(/\u2019/g, "'");
      const zhHant = chineseNames.get(h.date) ?? en;
      // Unknown name (a future package rule): keep the package's Traditional name in both Chinese slots.
      const name = HK_NAMES[en] ?? { en, zhHant, zhHans: zhHant };
      return { date, side: "HK" as const, kind: "holiday" as const, name };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Mainland holidays and make-up working days (chinese-days)

/** chinese-days stores "English,简体,n" per date (n = days added by the notice; unused here). */
type ChineseDaysMap = Record<string, string>;
const mainlandHolidayMap: ChineseDaysMap = chineseDaysData.holidays;
const mainlandWorkdayMap: ChineseDaysMap = chineseDaysData.workdays;

const MAINLAND_FIRST_YEAR = HOLIDAY_DATA_SOURCES.MAINLAND.firstYear;
const MAINLAND_LAST_YEAR = Math.max(
  ...Object.keys(mainlandHolidayMap).map(yearOf),
  ...Object.keys(mainlandWorkdayMap).map(yearOf),
);

/** Keyed by the package's Simplified name; official names as used in the State Council notices. */
const MAINLAND_NAMES: Record<string, HolidayName> = {
  元旦: { en: "New Year's Day", zhHant: "元旦", zhHans: "元旦" },
  春节: { en: "Spring Festival", zhHant: "春節", zhHans: "春节" },
  清明: { en: "Tomb-sweeping Day (Qingming Festival)", zhHant: "清明節", zhHans: "清明节" },
  劳动节: { en: "Labour Day", zhHant: "勞動節", zhHans: "劳动节" },
  端午: { en: "Dragon Boat Festival", zhHant: "端午節", zhHans: "端午节" },
  中秋: { en: "Mid-Autumn Festival", zhHant: "中秋節", zhHans: "中秋节" },
  国庆节: { en: "National Day", zhHant: "國慶節", zhHans: "国庆节" },
};

function mainlandHolidayName(raw: string): HolidayName {
  const [en = raw, zhHans = raw] = raw.split(",");
  return MAINLAND_NAMES[zhHans] ?? { en, zhHant: zhHans, zhHans };
}

function mainlandMakeUpName(raw: string): HolidayName {
  const holiday = mainlandHolidayName(raw);
  return {
    en: `Make-up working day (${holiday.en})`,
    zhHant: `${holiday.zhHant}調休上班`,
    zhHans: `${holiday.zhHans}调休上班`,
  };
}

function mainlandEntriesOfYear(year: number): HolidayEntry[] {
  const prefix = `${year}-`;
  const entries: HolidayEntry[] = [];
  for (const [date, raw] of Object.entries(mainlandHolidayMap)) {
    if (date.startsWith(prefix)) {
      entries.push({ date, side: "MAINLAND", kind: "holiday", name: mainlandHolidayName(raw) });
    }
  }
  for (const [date, raw] of Object.entries(mainlandWorkdayMap)) {
    if (date.startsWith(prefix)) {
      entries.push({ date, side: "MAINLAND", kind: "makeUpWorkday", name: mainlandMakeUpName(raw) });
    }
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Package data per year (cached: it never changes while the process runs)

const packageYears = new Map<number, HolidayEntry[]>();

const SIDE_ORDER: Record<Side, number> = { HK: 0, MAINLAND: 1 };

function compareEntries(a: HolidayEntry, b: HolidayEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return SIDE_ORDER[a.side] - SIDE_ORDER[b.side];
}

function packageEntriesOfYear(year: number): HolidayEntry[] {
  let list = packageYears.get(year);
  if (!list) {
    list = [...hkHolidaysOfYear(year), ...mainlandEntriesOfYear(year)].sort(compareEntries);
    packageYears.set(year, list);
  }
  return list;
}

/** Whether the bundled package knows this side's holidays for a year (HK rules: any year; chinese-days: 2004–2026). */
export function packageHasYear(side: Side, year: number): boolean {
  return side === "HK" || (year >= MAINLAND_FIRST_YEAR && year <= MAINLAND_LAST_YEAR);
}

/** The package's entries of one side and year, as the admin page shows them beside the admin's own. */
export function packageHolidaysOfYear(side: Side, year: number): HolidayEntry[] {
  return packageEntriesOfYear(year).filter((entry) => entry.side === side);
}

// ---------------------------------------------------------------------------------------------------------------
// Admin entries merged over the package data

/**
 * An admin's entry for one side and date (the Holiday table). It replaces everything the package says for that side
 * and date: "holiday" and "makeUpWorkday" become the day's only entry, "workingDay" removes the package's entry and
 * leaves an ordinary day (Monday–Friday working, weekend off). See docs/decisions/064-admin-holidays.md.
 */
export interface HolidayOverride {
  date: string;
  side: Side;
  kind: "holiday" | "makeUpWorkday" | "workingDay";
  name: HolidayName;
}

export interface HolidayCalendar {
  /** Every holiday and make-up working day of both sides in [from, to] (inclusive), sorted by date, then HK first. */
  listHolidays(from: string, to: string): HolidayEntry[];
  /** Both sides' entries on one date (HK first). */
  holidaysOn(date: string): HolidayEntry[];
  /**
   * Monday–Friday are working days unless they are a holiday of that side; Saturday and Sunday are days off, except
   * make-up working days (调休). For a year without data (see `hasHolidayData`) this is plain Monday–Friday.
   */
  isWorkingDay(side: Side, date: string): boolean;
  /** Number of working days of `side` in [from, to] (inclusive); 0 when from > to. */
  countWorkingDays(side: Side, from: string, to: string): number;
  /**
   * Host-side holidays (not make-up working days) within [startDate, endDate] inclusive — for warning when a schedule
   * item is placed on a day the host side is off. Pass the same date twice for a single-day item.
   */
  hostSideHolidayWarning(hostSide: Side, startDate: string, endDate: string): HolidayEntry[];
  /**
   * Whether the side's holidays of the date's year are known: the package covers the year, or an admin has entered at
   * least one holiday for that side and year. The .ics description and the web page's note both use this rule.
   */
  hasHolidayData(side: Side, date: string): boolean;
  /** The years touched by the windows for which `side` has no holiday data, ascending. */
  yearsWithoutData(side: Side, windows: readonly { startDate: string; endDate: string }[]): number[];
}

/** The one holiday calendar: package data by default, each admin entry overriding its side and date. */
export function createHolidayCalendar(overrides: readonly HolidayOverride[] = []): HolidayCalendar {
  const overridesByYear = new Map<number, HolidayOverride[]>();
  const adminYears = new Set<string>();
  for (const override of overrides) {
    parseDateOnly(override.date);
    const year = yearOf(override.date);
    overridesByYear.set(year, [...(overridesByYear.get(year) ?? []), override]);
    if (override.kind === "holiday") adminYears.add(`${override.side}|${year}`);
  }

  const merged = new Map<number, { list: HolidayEntry[]; byDate: Map<string, HolidayEntry[]> }>();
  function yearData(year: number) {
    let data = merged.get(year);
    if (!data) {
      const yearOverrides = overridesByYear.get(year) ?? [];
      const overridden = new Set(yearOverrides.map((override) => `${override.side}|${override.date}`));
      const list = [
        ...packageEntriesOfYear(year).filter((entry) => !overridden.has(`${entry.side}|${entry.date}`)),
        ...yearOverrides.flatMap((override): HolidayEntry[] =>
          override.kind === "workingDay" ? [] : [{ date: override.date, side: override.side, kind: override.kind, name: override.name, source: "admin" }],
        ),
      ].sort(compareEntries);
      const byDate = new Map<string, HolidayEntry[]>();
      for (const entry of list) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
      data = { list, byDate };
      merged.set(year, data);
    }
    return data;
  }

  function entriesOn(date: string): HolidayEntry[] {
    parseDateOnly(date);
    return yearData(yearOf(date)).byDate.get(date) ?? [];
  }

  const calendar: HolidayCalendar = {
    listHolidays(from, to) {
      if (parseDateOnly(from) > parseDateOnly(to)) return [];
      const result: HolidayEntry[] = [];
      for (let year = yearOf(from); year <= yearOf(to); year++) {
        for (const entry of yearData(year).list) {
          if (entry.date >= from && entry.date <= to) result.push(entry);
        }
      }
      return result;
    },
    holidaysOn(date) {
      return [...entriesOn(date)];
    },
    isWorkingDay(side, date) {
      const entries = entriesOn(date).filter((entry) => entry.side === side);
      if (entries.some((entry) => entry.kind === "makeUpWorkday")) return true;
      if (entries.some((entry) => entry.kind === "holiday")) return false;
      return !isWeekend(date);
    },
    countWorkingDays(side, from, to) {
      if (parseDateOnly(from) > parseDateOnly(to)) return 0;
      let count = 0;
      for (const date of eachDate(from, to)) if (calendar.isWorkingDay(side, date)) count++;
      return count;
    },
    hostSideHolidayWarning(hostSide, startDate, endDate) {
      return calendar.listHolidays(startDate, endDate).filter((entry) => entry.side === hostSide && entry.kind === "holiday");
    },
    hasHolidayData(side, date) {
      parseDateOnly(date);
      const year = yearOf(date);
      return packageHasYear(side, year) || adminYears.has(`${side}|${year}`);
    },
    yearsWithoutData(side, windows) {
      const years = new Set<number>();
      for (const window of windows) {
        for (let year = yearOf(window.startDate); year <= yearOf(window.endDate); year++) {
          if (!calendar.hasHolidayData(side, `${year}-01-01`)) years.add(year);
        }
      }
      return [...years].sort((a, b) => a - b);
    },
  };
  return calendar;
}

/**
 * Which holiday calendar a jurisdiction keeps, from its kind rather than its code: the Hong Kong SAR keeps Hong Kong
 * general holidays; mainland cities and provinces keep the State Council's.
 */
export function holidaySideOf(jurisdiction: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" }): Side {
  return jurisdiction.kind === "SAR" ? "HK" : "MAINLAND";
}

/**
 * The three-language name of a holiday the package knows, looked up by any of its names ("春节", "Spring Festival",
 * "春節"), so an admin who types one name gets the other two; null for a name the package does not know.
 */
export function knownHolidayName(side: Side, text: string): HolidayName | null {
  const wanted = text.trim().toLowerCase();
  const names = side === "HK" ? Object.values(HK_NAMES) : Object.values(MAINLAND_NAMES);
  return names.find((name) => [name.en, name.zhHant, name.zhHans].some((candidate) => candidate.toLowerCase() === wanted)) ?? null;
}
