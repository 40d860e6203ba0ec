import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHolidayCalendar, type Side } from "./holidays";
import { proposeStandardSchedule } from "./standard-schedule";
import { addDays } from "@/lib/dates";

const packageCalendar = createHolidayCalendar();
const { isWorkingDay } = packageCalendar;

const datesOf = (startDate: string, endDate: string, hostSide: Side) =>
  Object.fromEntries(proposeStandardSchedule({ startDate, endDate, hostSide }, packageCalendar).map((item) => [item.key, item.date]));

describe("proposeStandardSchedule", () => {
  it("proposes the four usual items for the first cohort (18 Dec 2023 – 8 Mar 2024, Shenzhen host)", () => {
    const items = proposeStandardSchedule({ startDate: "2023-12-18", endDate: "2024-03-08", hostSide: "MAINLAND" }, packageCalendar);
    expect(items).toEqual([
      { key: "firstDay", type: "ORIENTATION", allDay: false, date: "2023-12-18", startTime: "09:30", endTime: "12:00" },
      // The middle (Sat 27 Jan) is a weekend: the nearest working day is Friday 26 Jan.
      { key: "midTermCheckIn", type: "MEETING", allDay: false, date: "2024-01-26", startTime: "10:00", endTime: "11:00" },
      { key: "finalReportDue", type: "MILESTONE", allDay: true, date: "2024-03-01", startTime: "", endTime: "" },
      { key: "reviewMeeting", type: "REVIEW_MEETING", allDay: false, date: "2024-03-05", startTime: "10:00", endTime: "11:30" },
    ]);
  });

  it("moves the first day past host-side holidays only", () => {
    // 25–26 Dec 2023 are Hong Kong holidays but Shenzhen working days.
    expect(datesOf("2023-12-25", "2024-03-15", "HK").firstDay).toBe("2023-12-27");
    expect(datesOf("2023-12-25", "2024-03-15", "MAINLAND").firstDay).toBe("2023-12-25");
    expect(datesOf("2024-01-01", "2024-03-29", "MAINLAND").firstDay).toBe("2024-01-02");
  });

  it("moves a mid-term check-in out of the Spring Festival break onto the make-up Sunday when that is nearest", () => {
    // Middle of 15 Jan – 15 Mar 2024 is Wed 14 Feb: a mainland holiday (10–17 Feb) but a Hong Kong working day.
    expect(datesOf("2024-01-15", "2024-03-15", "MAINLAND").midTermCheckIn).toBe("2024-02-18");
    expect(isWorkingDay("MAINLAND", "2024-02-18")).toBe(true);
    expect(datesOf("2024-01-15", "2024-03-15", "HK").midTermCheckIn).toBe("2024-02-14");
  });

  it("moves the final report and the review meeting back to host working days", () => {
    // End Tue 8 Oct 2024: a week before is Tue 1 Oct (National Day break 1–7 Oct); last working day before: Mon 30 Sep.
    const dates = datesOf("2024-07-15", "2024-10-08", "MAINLAND");
    expect(dates.finalReportDue).toBe("2024-09-30");
    // Three days before the end is Sat 5 Oct, inside the break; the make-up Sunday 29 Sep comes before Mon 30 Sep.
    expect(dates.reviewMeeting).toBe("2024-09-30");
  });

  it("rejects a placement that ends before it starts", () => {
    expect(() => proposeStandardSchedule({ startDate: "2024-02-10", endDate: "2024-02-09", hostSide: "HK" }, packageCalendar)).toThrow(RangeError);
  });

  it("keeps every date inside the placement and in order, however short or long, on either side", () => {
    const start = "2023-01-01";
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 0, max: 140 }), fc.constantFrom<Side>("HK", "MAINLAND"), (offset, length, side) => {
        const startDate = addDays(start, offset);
        const endDate = addDays(startDate, length);
        const dates = proposeStandardSchedule({ startDate, endDate, hostSide: side }, packageCalendar).map((item) => item.date);
        expect([...dates].sort()).toEqual(dates);
        for (const date of dates) expect(date >= startDate && date <= endDate).toBe(true);
        // A placement of two weeks or more always has host working days near each target.
        if (length >= 14) for (const date of dates) expect(isWorkingDay(side, date), `${side} ${date}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
