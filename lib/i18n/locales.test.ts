import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime } from "./format";
import { fromDatabaseLocale, negotiateLocale, toDatabaseLocale } from "./locales";

describe("locales", () => {
  it.each([
    ["zh-HK,zh;q=0.9,en;q=0.8", "zh-Hant"],
    ["zh-TW", "zh-Hant"],
    ["zh-CN,zh;q=0.9", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR", "en"],
    ["", "en"],
    ["en;q=0.1,zh-Hant;q=0.9", "zh-Hant"],
  ])("negotiates %s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("maps to and from the database enum", () => {
    expect(toDatabaseLocale("zh-Hant")).toBe("zh_Hant");
    expect(fromDatabaseLocale("zh_Hans")).toBe("zh-Hans");
  });

  it("formats calendar dates per language without shifting the day", () => {
    const date = new Date(Date.UTC(2023, 11, 18));
    expect(formatCalendarDate(date, "en")).toBe("18 December 2023");
    expect(formatCalendarDate(date, "zh-Hant")).toBe("2023年12月18日");
    expect(formatCalendarDate(date, "zh-Hans")).toBe("2023年12月18日");
  });

  it("shows instants in Hong Kong time", () => {
    expect(formatDateTime(new Date("2024-02-09T16:30:00Z"), "en")).toMatch(/10 Feb 2024.*12:30/);
  });
});
