import { describe, expect, it } from "vitest";
import { parseHolidayPaste, readKindWord } from "./paste";

describe("parseHolidayPaste", () => {
  it("reads date, name, kind lines with commas or tabs, a header, comments and blank lines", () => {
    const text = ["date, name, kind", "# 2027 State Council notice", "2027-01-01, 元旦, holiday", "", "2027-02-06\tSpring Festival\t班", '2027-02-08,"Spring Festival, day 2",holiday'].join("\n");
    const { entries, errors } = parseHolidayPaste(text, "MAINLAND", 2027);
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { line: 3, date: "2027-01-01", kind: "HOLIDAY", name: { en: "New Year's Day", zhHant: "元旦", zhHans: "元旦" } },
      { line: 5, date: "2027-02-06", kind: "MAKE_UP_WORKDAY", name: { en: "Spring Festival", zhHant: "春節", zhHans: "春节" } },
      { line: 6, date: "2027-02-08", kind: "HOLIDAY", name: { en: "Spring Festival, day 2", zhHant: "Spring Festival, day 2", zhHans: "Spring Festival, day 2" } },
    ]);
  });

  it("takes the Traditional and Simplified names from the fourth and fifth columns", () => {
    const { entries } = parseHolidayPaste("2027-05-01, Labour Day holiday, holiday, 勞動節假期, 劳动节假期", "MAINLAND", 2027);
    expect(entries[0].name).toEqual({ en: "Labour Day holiday", zhHant: "勞動節假期", zhHans: "劳动节假期" });
  });

  it("reports every bad line with its number and the value entered", () => {
    const text = ["2027-02-30, Spring Festival, holiday", "2026-12-31, New Year's Eve, holiday", "2027-03-01, Something, sometimes", "just one cell", "2027-04-05, , holiday", "2027-01-01, 元旦, holiday", "2027-01-01, 元旦, holiday", "1999-01-01, Old, holiday"].join("\n");
    const { entries, errors } = parseHolidayPaste(text, "MAINLAND", 2027);
    expect(errors).toEqual([
      { line: 1, problem: "invalidDate", value: "2027-02-30" },
      { line: 2, problem: "otherYear", value: "2026-12-31" },
      { line: 3, problem: "kind", value: "sometimes" },
      { line: 4, problem: "columns", value: "just one cell" },
      { line: 5, problem: "name", value: "" },
      { line: 7, problem: "duplicate", value: "2027-01-01" },
      { line: 8, problem: "dateOutOfRange", value: "1999-01-01" },
    ]);
    expect(entries.map((entry) => entry.line)).toEqual([6]);
  });

  it("refuses an over-long name and a paste of more lines than a year has", () => {
    expect(parseHolidayPaste(`2027-01-01, ${"x".repeat(121)}, holiday`, "HK", 2027).errors[0]).toMatchObject({ problem: "nameTooLong" });
    const many = Array.from({ length: 401 }, (_, index) => `2027-01-01, Day ${index}, holiday`).join("\n");
    expect(parseHolidayPaste(many, "HK", 2027).errors.some((error) => error.problem === "tooManyLines")).toBe(true);
  });

  it("knows the kind words in English and Chinese", () => {
    expect(readKindWord(" Make-up  Workday ")).toBe("MAKE_UP_WORKDAY");
    expect(readKindWord("調休")).toBe("MAKE_UP_WORKDAY");
    expect(readKindWord("休")).toBe("HOLIDAY");
    expect(readKindWord("working day")).toBe("WORKING_DAY");
    expect(readKindWord("festival")).toBeNull();
  });
});
