import { describe, expect, it } from "vitest";
import { createHolidayCalendar, type HolidayOverride } from "./holidays";

const springFestival2027 = { en: "Spring Festival", zhHant: "春節", zhHans: "春节" };
const override = (date: string, kind: HolidayOverride["kind"], side: HolidayOverride["side"] = "MAINLAND"): HolidayOverride => ({
  date,
  side,
  kind,
  name: kind === "makeUpWorkday" ? { en: "Make-up working day", zhHant: "調休上班", zhHans: "调休上班" } : springFestival2027,
});

describe("package data merged with admin entries", () => {
  it("knows nothing of mainland 2027 from the package alone", () => {
    const calendar = createHolidayCalendar();
    expect(calendar.hasHolidayData("MAINLAND", "2027-02-06")).toBe(false);
    expect(calendar.yearsWithoutData("MAINLAND", [{ startDate: "2026-11-01", endDate: "2027-03-31" }])).toEqual([2027]);
    expect(calendar.isWorkingDay("MAINLAND", "2027-02-08")).toBe(true);
  });

  it("adds an admin's 2027 holidays and make-up working days, and then counts the year as known", () => {
    // 2027-02-08 is a Monday, 2027-02-06 a Saturday.
    const calendar = createHolidayCalendar([override("2027-02-08", "holiday"), override("2027-02-06", "makeUpWorkday")]);
    expect(calendar.isWorkingDay("MAINLAND", "2027-02-08")).toBe(false);
    expect(calendar.isWorkingDay("MAINLAND", "2027-02-06")).toBe(true);
    expect(calendar.isWorkingDay("HK", "2027-02-06")).toBe(false);
    expect(calendar.hasHolidayData("MAINLAND", "2027-12-31")).toBe(true);
    expect(calendar.yearsWithoutData("MAINLAND", [{ startDate: "2026-11-01", endDate: "2028-01-31" }])).toEqual([2028]);
    const entries = calendar.listHolidays("2027-02-01", "2027-02-28").filter((entry) => entry.side === "MAINLAND");
    expect(entries.map((entry) => [entry.date, entry.kind, entry.source])).toEqual([
      ["2027-02-06", "makeUpWorkday", "admin"],
      ["2027-02-08", "holiday", "admin"],
    ]);
  });

  it("does not count a year as known from make-up days or removals alone", () => {
    const calendar = createHolidayCalendar([override("2027-02-06", "makeUpWorkday"), override("2027-02-09", "workingDay")]);
    expect(calendar.hasHolidayData("MAINLAND", "2027-02-06")).toBe(false);
  });

  it("replaces the package's entry on the same side and date, leaving the other side alone", () => {
    // 2024-10-01 is National Day on both sides in the package.
    const renamed = { ...override("2024-10-01", "holiday"), name: { en: "National Day (renamed)", zhHant: "國慶", zhHans: "国庆" } };
    const calendar = createHolidayCalendar([renamed]);
    const onDay = calendar.holidaysOn("2024-10-01");
    expect(onDay.map((entry) => [entry.side, entry.name.en])).toEqual([
      ["HK", "National Day"],
      ["MAINLAND", "National Day (renamed)"],
    ]);
  });

  it("removes a package holiday with a working-day entry: the weekday becomes a working day again", () => {
    // 2024-10-07 (Monday) is the last day of the mainland's 2024 National Day break in the package.
    expect(createHolidayCalendar().isWorkingDay("MAINLAND", "2024-10-07")).toBe(false);
    const calendar = createHolidayCalendar([override("2024-10-07", "workingDay")]);
    expect(calendar.isWorkingDay("MAINLAND", "2024-10-07")).toBe(true);
    expect(calendar.holidaysOn("2024-10-07").filter((entry) => entry.side === "MAINLAND")).toEqual([]);
    expect(calendar.hostSideHolidayWarning("MAINLAND", "2024-10-07", "2024-10-07")).toEqual([]);
    expect(calendar.countWorkingDays("MAINLAND", "2024-10-07", "2024-10-11")).toBe(5);
  });

  it("removes a package make-up working day: the Saturday is a day off again", () => {
    // 2024-10-12 (Saturday) is a make-up working day in the package.
    expect(createHolidayCalendar().isWorkingDay("MAINLAND", "2024-10-12")).toBe(true);
    expect(createHolidayCalendar([override("2024-10-12", "workingDay")]).isWorkingDay("MAINLAND", "2024-10-12")).toBe(false);
  });

  it("turns a package holiday into a make-up working day when the admin says so", () => {
    const calendar = createHolidayCalendar([override("2024-10-07", "makeUpWorkday")]);
    expect(calendar.holidaysOn("2024-10-07").filter((entry) => entry.side === "MAINLAND").map((entry) => entry.kind)).toEqual(["makeUpWorkday"]);
    expect(calendar.isWorkingDay("MAINLAND", "2024-10-07")).toBe(true);
  });

  it("keeps the merged list sorted by date with HK first on a shared date", () => {
    const calendar = createHolidayCalendar([override("2027-01-01", "holiday")]);
    const january = calendar.listHolidays("2027-01-01", "2027-01-01");
    expect(january.map((entry) => entry.side)).toEqual(["HK", "MAINLAND"]);
  });
});
