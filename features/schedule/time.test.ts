import { describe, expect, it } from "vitest";
import {
  addDaysToIsoDate,
  daysBetweenIsoDates,
  formTimesFromItem,
  hongKongParts,
  instantInHongKong,
  instantsFromForm,
  isIsoDate,
  isTimeOfDay,
  itemDateRange,
  todayInHongKongIso,
} from "./time";

describe("date and time parsing", () => {
  it("accepts only real calendar dates and 24-hour times", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-2-1")).toBe(false);
    expect(isIsoDate(20240201)).toBe(false);
    expect(isTimeOfDay("00:00")).toBe(true);
    expect(isTimeOfDay("23:59")).toBe(true);
    expect(isTimeOfDay("24:00")).toBe(false);
    expect(isTimeOfDay("9:30")).toBe(false);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDaysToIsoDate("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysToIsoDate("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDaysToIsoDate("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetweenIsoDates("2023-12-18", "2024-03-08")).toBe(81);
    expect(daysBetweenIsoDates("2024-03-08", "2023-12-18")).toBe(-81);
  });
});

describe("Hong Kong instants", () => {
  it("turns Hong Kong wall-clock time into UTC+8 instants whatever the machine's zone", () => {
    expect(instantInHongKong("2024-02-10", "09:30").toISOString()).toBe("2024-02-10T01:30:00.000Z");
    expect(instantInHongKong("2024-01-01").toISOString()).toBe("2023-12-31T16:00:00.000Z");
    expect(hongKongParts(new Date("2023-12-31T16:00:00Z"))).toEqual({ date: "2024-01-01", time: "00:00" });
    expect(hongKongParts(new Date("2023-12-31T15:59:00Z"))).toEqual({ date: "2023-12-31", time: "23:59" });
  });

  it("knows today's date in Hong Kong, which is ahead of UTC in the evening", () => {
    expect(todayInHongKongIso(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
    expect(todayInHongKongIso(new Date("2026-11-27T15:59:59Z"))).toBe("2026-11-27");
  });

  it("refuses malformed input instead of guessing", () => {
    expect(() => instantInHongKong("2024-02-30")).toThrow(RangeError);
    expect(() => instantInHongKong("2024-02-10", "25:00")).toThrow(RangeError);
  });
});

describe("form values and stored instants", () => {
  it("stores a one-day all-day item from midnight to the next midnight and reads it back as one day", () => {
    const stored = instantsFromForm({ allDay: true, startDate: "2024-02-10" });
    expect(stored.startsAt.toISOString()).toBe("2024-02-09T16:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2024-02-10T16:00:00.000Z");
    expect(itemDateRange({ allDay: true, ...stored })).toEqual({ startDate: "2024-02-10", endDate: "2024-02-10" });
    expect(formTimesFromItem({ allDay: true, ...stored })).toEqual({ allDay: true, startDate: "2024-02-10", endDate: "2024-02-10", startTime: "", endTime: "" });
  });

  it("round-trips a multi-day all-day item and a timed item", () => {
    const allDay = instantsFromForm({ allDay: true, startDate: "2024-02-10", endDate: "2024-02-17" });
    expect(itemDateRange({ allDay: true, ...allDay })).toEqual({ startDate: "2024-02-10", endDate: "2024-02-17" });
    const timed = instantsFromForm({ allDay: false, startDate: "2024-02-05", startTime: "14:00", endTime: "17:30" });
    expect(timed.endsAt.getTime() - timed.startsAt.getTime()).toBe(3.5 * 3_600_000);
    expect(formTimesFromItem({ allDay: false, ...timed })).toEqual({
      allDay: false,
      startDate: "2024-02-05",
      startTime: "14:00",
      endDate: "2024-02-05",
      endTime: "17:30",
    });
  });

  it("counts a timed item ending exactly at midnight on the day it started", () => {
    const timed = instantsFromForm({ allDay: false, startDate: "2024-02-05", startTime: "22:00", endDate: "2024-02-06", endTime: "00:00" });
    expect(itemDateRange({ allDay: false, ...timed })).toEqual({ startDate: "2024-02-05", endDate: "2024-02-05" });
    const instant = instantsFromForm({ allDay: false, startDate: "2024-02-05", startTime: "10:00", endTime: "10:00" });
    expect(itemDateRange({ allDay: false, ...instant })).toEqual({ startDate: "2024-02-05", endDate: "2024-02-05" });
  });
});
