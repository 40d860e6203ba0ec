import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "./holidays";
import { defaultMonth, firstDayOfMonth, formatMonthParam, lastDayOfMonth, monthGrid, parseMonthParam, placementWeek, shiftMonth } from "./calendar";

const { holidaysOn, isWorkingDay } = createHolidayCalendar();

describe("month parameter", () => {
  it("parses YYYY-MM within the supported years and nothing else", () => {
    expect(parseMonthParam("2024-02")).toEqual({ year: 2024, month: 2 });
    expect(parseMonthParam("2024-13")).toBeNull();
    expect(parseMonthParam("2024-00")).toBeNull();
    expect(parseMonthParam("1999-12")).toBeNull();
    expect(parseMonthParam("2024-2")).toBeNull();
    expect(parseMonthParam(["2024-02"])).toBeNull();
    expect(parseMonthParam(undefined)).toBeNull();
    expect(formatMonthParam({ year: 2027, month: 1 })).toBe("2027-01");
  });

  it("shifts across year ends in both directions", () => {
    expect(shiftMonth({ year: 2023, month: 12 }, 1)).toEqual({ year: 2024, month: 1 });
    expect(shiftMonth({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
    expect(shiftMonth({ year: 2024, month: 2 }, -14)).toEqual({ year: 2022, month: 12 });
    expect(lastDayOfMonth({ year: 2024, month: 2 })).toBe("2024-02-29");
  });
});

describe("monthGrid", () => {
  it("covers February 2024 in five Monday-first weeks with ISO week numbers", () => {
    const weeks = monthGrid({ year: 2024, month: 2 });
    expect(weeks.map((week) => week.isoWeek)).toEqual([5, 6, 7, 8, 9]);
    expect(weeks[0].days[0]).toEqual({ date: "2024-01-29", inMonth: false });
    expect(weeks.at(-1)!.days.at(-1)).toEqual({ date: "2024-03-03", inMonth: false });
    expect(weeks.flatMap((week) => week.days).filter((day) => day.inMonth)).toHaveLength(29);
  });

  it("puts each mainland make-up Sunday in the last column of the week before its holiday", () => {
    const weeks = monthGrid({ year: 2024, month: 2 });
    const sundays = weeks.map((week) => week.days[6].date);
    expect(sundays).toContain("2024-02-04");
    expect(sundays).toContain("2024-02-18");
    const weekOf = (date: string) => weeks.find((week) => week.days.some((day) => day.date === date))!;
    expect(weekOf("2024-02-04").isoWeek).toBe(5);
    expect(weekOf("2024-02-18").isoWeek).toBe(7);
    // The break itself (10–17 Feb) spans weeks 6 and 7; the Sunday make-up day closes week 7.
    expect(weekOf("2024-02-10").isoWeek).toBe(6);
    expect(isWorkingDay("MAINLAND", "2024-02-18")).toBe(true);
    expect(holidaysOn("2024-02-18").map((entry) => entry.kind)).toEqual(["makeUpWorkday"]);
  });

  it("uses the week-numbering year across 1 January", () => {
    const weeks = monthGrid({ year: 2027, month: 1 });
    expect(weeks[0]).toMatchObject({ isoYear: 2026, isoWeek: 53 });
    expect(weeks[1]).toMatchObject({ isoYear: 2027, isoWeek: 1 });
  });
});

describe("placementWeek", () => {
  // The first cohort: Monday 18 December 2023 – Friday 8 March 2024.
  it("counts Monday–Sunday weeks from the placement's first week, make-up Sundays closing their week", () => {
    expect(placementWeek("2023-12-18", "2023-12-17")).toBeNull();
    expect(placementWeek("2023-12-18", "2023-12-18")).toBe(1);
    expect(placementWeek("2023-12-18", "2023-12-24")).toBe(1);
    expect(placementWeek("2023-12-18", "2023-12-25")).toBe(2);
    expect(placementWeek("2023-12-18", "2024-02-04")).toBe(7); // make-up Sunday
    expect(placementWeek("2023-12-18", "2024-02-05")).toBe(8);
    expect(placementWeek("2023-12-18", "2024-02-18")).toBe(9); // make-up Sunday
    expect(placementWeek("2023-12-18", "2024-02-19")).toBe(10);
    expect(placementWeek("2023-12-18", "2024-03-08")).toBe(12);
  });

  it("starts week 1 on the Monday before a mid-week start", () => {
    expect(placementWeek("2024-02-07", "2024-02-11")).toBe(1);
    expect(placementWeek("2024-02-07", "2024-02-12")).toBe(2);
  });
});

describe("defaultMonth", () => {
  it("opens today's month inside the window and the first month otherwise", () => {
    const window = { startDate: "2023-12-18", endDate: "2024-03-08" };
    expect(defaultMonth("2024-02-14", window)).toEqual({ year: 2024, month: 2 });
    expect(defaultMonth("2026-11-27", window)).toEqual({ year: 2023, month: 12 });
    expect(defaultMonth("2026-11-27", null)).toEqual({ year: 2026, month: 11 });
  });
});

describe("months of any year", () => {
  it("writes four-digit years, so a month of year 1 is still a date the calendar maths can read", () => {
    expect(firstDayOfMonth({ year: 1, month: 1 })).toBe("0001-01-01");
    expect(lastDayOfMonth({ year: 999, month: 2 })).toBe("0999-02-28");
  });
});
