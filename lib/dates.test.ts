import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dateOnlyParam,
  optionalDateField,
  requiredDateField,
  daysBetween,
  formatDateOnly,
  hongKongParts,
  instantInHongKong,
  isDateOnly,
  isoDayOfWeek,
  isoWeek,
  isSupportedDateOnly,
  isTimeOfDay,
  parseDateOnly,
  placementProgress,
  startOfIsoWeek,
  todayInHongKong,
} from "./dates";

/** Any calendar date of the supported years, as a `Date` at UTC midnight. */
const calendarDate = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 }).map((day) => new Date(day * 86_400_000));
const dateOnly = calendarDate.map((date) => date.toISOString().slice(0, 10));
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) }).map((time) => new Date(time));

describe("date-only text", () => {
  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isDateOnly("2024-02-29")).toBe(true);
    expect(isDateOnly("2023-02-29")).toBe(false);
    expect(isDateOnly("2024-02-30")).toBe(false);
    expect(isDateOnly("2024-2-1")).toBe(false);
    expect(isDateOnly("2024-02-01T00:00:00Z")).toBe(false);
    expect(isDateOnly(20240201)).toBe(false);
    expect(isDateOnly("0001-01-01")).toBe(true);
  });

  it("supports the years 2000–2100 only", () => {
    expect(isSupportedDateOnly("2000-01-01")).toBe(true);
    expect(isSupportedDateOnly("2100-12-31")).toBe(true);
    expect(isSupportedDateOnly("1999-12-31")).toBe(false);
    expect(isSupportedDateOnly("2101-01-01")).toBe(false);
    expect(isSupportedDateOnly("0001-01-06")).toBe(false);
    expect(isSupportedDateOnly(undefined)).toBe(false);
  });

  it("parses to UTC midnight and formats back, whatever the machine's time zone", () => {
    expect(parseDateOnly("2024-02-10")).toEqual(new Date("2024-02-10T00:00:00Z"));
    expect(formatDateOnly(new Date("2024-02-10T00:00:00Z"))).toBe("2024-02-10");
    expect(() => parseDateOnly("2024-02-30")).toThrow(RangeError);
    expect(() => parseDateOnly("")).toThrow(RangeError);
    fc.assert(fc.property(dateOnly, (text) => formatDateOnly(parseDateOnly(text)) === text));
    fc.assert(fc.property(calendarDate, (date) => parseDateOnly(formatDateOnly(date)).getTime() === date.getTime()));
  });
});

describe("day arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays(new Date("2024-03-01T00:00:00Z"), -1)).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(daysBetween("2023-12-18", "2024-03-08")).toBe(81);
    expect(daysBetween("2024-03-08", "2023-12-18")).toBe(-81);
    expect(daysBetween(new Date("2023-12-18T00:00:00Z"), "2024-03-08")).toBe(81);
  });

  it("moves a date by exactly n whole days and back, in both forms (no daylight saving anywhere)", () => {
    const days = fc.integer({ min: -3660, max: 3660 });
    fc.assert(
      fc.property(dateOnly, days, (date, n) => {
        const moved = addDays(date, n);
        return isDateOnly(moved) && daysBetween(date, moved) === n && addDays(moved, -n) === date;
      }),
    );
    fc.assert(fc.property(calendarDate, days, (date, n) => addDays(date, n).getTime() - date.getTime() === n * 86_400_000));
  });

  it("counts a placement's days done and remaining, both ends inclusive", () => {
    expect(placementProgress("2024-02-05", "2024-02-11", "2024-02-04")).toEqual({ total: 7, done: 0, remaining: 7 });
    expect(placementProgress("2024-02-05", "2024-02-11", "2024-02-05")).toEqual({ total: 7, done: 1, remaining: 6 });
    expect(placementProgress(new Date("2024-02-05T00:00:00Z"), new Date("2024-02-11T00:00:00Z"), "2024-03-01")).toEqual({ total: 7, done: 7, remaining: 0 });
  });
});

describe("ISO weeks", () => {
  it("keeps make-up Sundays in the ISO week of that Sunday", () => {
    expect(isoWeek("2024-02-04")).toEqual({ year: 2024, week: 5 });
    expect(isoWeek("2024-02-05")).toEqual({ year: 2024, week: 6 });
    expect(isoWeek("2024-02-18")).toEqual({ year: 2024, week: 7 });
    expect(isoWeek("2025-01-26")).toEqual({ year: 2025, week: 4 });
    expect(isoDayOfWeek("2024-02-04")).toBe(7);
    expect(isoDayOfWeek("2024-02-05")).toBe(1);
  });

  it("uses the week-numbering year around 1 January", () => {
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2023-01-01")).toEqual({ year: 2022, week: 52 });
    expect(isoWeek("2023-01-02")).toEqual({ year: 2023, week: 1 });
    expect(isoWeek(new Date("2021-01-01T00:00:00Z"))).toEqual({ year: 2020, week: 53 });
  });

  it("gives every day of a Monday–Sunday week the same week, starting on that Monday", () => {
    fc.assert(
      fc.property(dateOnly, (date) => {
        const monday = startOfIsoWeek(date);
        const offset = daysBetween(monday, date);
        return isoDayOfWeek(monday) === 1 && offset === isoDayOfWeek(date) - 1 && JSON.stringify(isoWeek(monday)) === JSON.stringify(isoWeek(date));
      }),
    );
    expect(startOfIsoWeek(new Date("2024-02-04T00:00:00Z"))).toEqual(new Date("2024-01-29T00:00:00Z"));
  });
});

describe("Hong Kong time", () => {
  it("turns Hong Kong wall-clock time into UTC+8 instants", () => {
    expect(instantInHongKong("2024-02-10", "09:30").toISOString()).toBe("2024-02-10T01:30:00.000Z");
    expect(instantInHongKong("2024-01-01").toISOString()).toBe("2023-12-31T16:00:00.000Z");
    expect(hongKongParts(new Date("2023-12-31T16:00:00Z"))).toEqual({ date: "2024-01-01", time: "00:00" });
    expect(hongKongParts(new Date("2023-12-31T15:59:00Z"))).toEqual({ date: "2023-12-31", time: "23:59" });
  });

  it("accepts only 24-hour HH:mm times and refuses malformed input instead of guessing", () => {
    expect(isTimeOfDay("00:00")).toBe(true);
    expect(isTimeOfDay("23:59")).toBe(true);
    expect(isTimeOfDay("24:00")).toBe(false);
    expect(isTimeOfDay("9:30")).toBe(false);
    expect(() => instantInHongKong("2024-02-30")).toThrow(RangeError);
    expect(() => instantInHongKong("2024-02-10", "25:00")).toThrow(RangeError);
  });

  it("knows today's date in Hong Kong, which is ahead of UTC from 16:00 UTC", () => {
    expect(todayInHongKong(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
    expect(todayInHongKong(new Date("2026-11-27T15:59:59.999Z"))).toBe("2026-11-27");
    expect(todayInHongKong(new Date("2026-11-27T16:00:00Z"))).toBe("2026-11-28");
  });

  it("is exactly UTC+8 all year: wall-clock parts and instants round-trip", () => {
    fc.assert(
      fc.property(instant, (moment) => {
        const minute = new Date(Math.floor(moment.getTime() / 60_000) * 60_000);
        const { date, time } = hongKongParts(minute);
        return instantInHongKong(date, time).getTime() === minute.getTime() && date === formatDateOnly(new Date(minute.getTime() + 8 * 3_600_000));
      }),
    );
  });
});

describe("dates from forms and URLs", () => {
  it("gives one field error per problem: required, unreadable, or outside 2000–2100", () => {
    const messageOf = (value: unknown) => requiredDateField.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(requiredDateField.parse(" 2030-09-02 ")).toEqual(new Date("2030-09-02T00:00:00Z"));
    expect(messageOf("")).toEqual(["errors.required"]);
    expect(messageOf(undefined)).toEqual(["errors.required"]);
    expect(messageOf("2030-02-30")).toEqual(["errors.invalidDate"]);
    expect(messageOf("0001-01-06")).toEqual(["errors.dateOutOfRange"]);
    expect(messageOf("2101-01-01")).toEqual(["errors.dateOutOfRange"]);
    expect(optionalDateField.parse("")).toBeNull();
    expect(optionalDateField.safeParse("1999-12-31").error?.issues.map((issue) => issue.message)).toEqual(["errors.dateOutOfRange"]);
  });

  it("reads a date from a URL only when it is a supported date, so a page falls back instead of failing", () => {
    expect(dateOnlyParam("2030-09-02")).toBe("2030-09-02");
    expect(dateOnlyParam("0001-01-01")).toBeNull();
    expect(dateOnlyParam("2030-02-30")).toBeNull();
    expect(dateOnlyParam(["2030-09-02"])).toBeNull();
    expect(dateOnlyParam(undefined)).toBeNull();
  });
});
