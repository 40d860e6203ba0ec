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
 *   make-up entries and `isWorkingDay` falls back to Monday–Friday; use `hasHolidayData` to detect this.
 *   The package's functional API (getDayDetail etc.) is deliberately not used: it parses "YYYY-MM-DD" as UTC and
 *   then reads local-time fields, so west of UTC it answers for the previous day.
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
// Per-year cache, indexed by date

const entriesByYear = new Map<number, { list: HolidayEntry[]; byDate: Map<string, HolidayEntry[]> }>();

const SIDE_ORDER: Record<Side, number> = { HK: 0, MAINLAND: 1 };

function compareEntries(a: HolidayEntry, b: HolidayEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return SIDE_ORDER[a.side] - SIDE_ORDER[b.side];
}

function yearData(year: number) {
  let data = entriesByYear.get(year);
  if (!data) {
    const list = [...hkHolidaysOfYear(year), ...mainlandEntriesOfYear(year)].sort(compareEntries);
    const byDate = new Map<string, HolidayEntry[]>();
    for (const entry of list) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
    data = { list, byDate };
    entriesByYear.set(year, data);
  }
  return data;
}

function entriesOn(date: string): HolidayEntry[] {
  parseDateOnly(date);
  return yearData(yearOf(date)).byDate.get(date) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * Which holiday calendar a jurisdiction keeps, from its kind rather than its code: the Hong Kong SAR keeps Hong Kong
 * general holidays; mainland cities and provinces keep the State Council's.
 */
export function holidaySideOf(jurisdiction: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" }): Side {
  return jurisdiction.kind === "SAR" ? "HK" : "MAINLAND";
}

/**
 * Whether the bundled data knows this side's holidays for the date's year. HK rules are computed for any year;
 * mainland data exists only for the years published in chinese-days (2004–2026 in 1.5.7).
 */
export function hasHolidayData(side: Side, date: string): boolean {
  parseDateOnly(date);
  if (side === "HK") return true;
  const year = yearOf(date);
  return year >= MAINLAND_FIRST_YEAR && year <= MAINLAND_LAST_YEAR;
}

/** Every holiday and make-up working day of both sides in [from, to] (inclusive), sorted by date, then HK first. */
export function listHolidays(from: string, to: string): HolidayEntry[] {
  if (parseDateOnly(from) > parseDateOnly(to)) return [];
  const result: HolidayEntry[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    for (const entry of yearData(year).list) {
      if (entry.date >= from && entry.date <= to) result.push(entry);
    }
  }
  return result;
}

/** Both sides' entries on one date (HK first). */
export function holidaysOn(date: string): HolidayEntry[] {
  return [...entriesOn(date)];
}

/**
 * Monday–Friday are working days unless they are a holiday of that side; Saturday and Sunday are days off, except
 * mainland make-up working days (调休), which are always weekend days. For a mainland year without data (see
 * `hasHolidayData`) this is plain Monday–Friday.
 */
export function isWorkingDay(side: Side, date: string): boolean {
  const entries = entriesOn(date).filter((entry) => entry.side === side);
  if (entries.some((entry) => entry.kind === "makeUpWorkday")) return true;
  if (entries.some((entry) => entry.kind === "holiday")) return false;
  return !isWeekend(date);
}

/** Number of working days of `side` in [from, to] (inclusive); 0 when from > to. */
export function countWorkingDays(side: Side, from: string, to: string): number {
  if (parseDateOnly(from) > parseDateOnly(to)) return 0;
  let count = 0;
  for (const date of eachDate(from, to)) if (isWorkingDay(side, date)) count++;
  return count;
}

/**
 * Host-side holidays (not make-up working days) within [startDate, endDate] inclusive — for warning when a schedule
 * item is placed on a day the host side is off. Pass the same date twice for a single-day item.
 */
export function hostSideHolidayWarning(hostSide: Side, startDate: string, endDate: string): HolidayEntry[] {
  return listHolidays(startDate, endDate).filter(
    (entry) => entry.side === hostSide && entry.kind === "holiday",
  );
}
