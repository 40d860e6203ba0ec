import { describe, expect, it } from "vitest";
import { formTimesFromItem, instantsFromForm, itemDateRange } from "./time";

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
