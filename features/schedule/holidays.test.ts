import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addDays, isoDayOfWeek } from "@/lib/dates";
import { HOLIDAY_DATA_SOURCES, createHolidayCalendar, holidaySideOf, type HolidayEntry, type Side } from "./holidays";

// The package data alone; the merge with admin entries is tested in holiday-merge.test.ts.
const { countWorkingDays, hasHolidayData, holidaysOn, hostSideHolidayWarning, isWorkingDay, listHolidays } = createHolidayCalendar();

function dates(entries: HolidayEntry[], side: Side, kind: HolidayEntry["kind"] = "holiday"): string[] {
  return entries.filter((e) => e.side === side && e.kind === kind).map((e) => e.date);
}

function datesBetween(from: string, to: string): string[] {
  const result: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) result.push(date);
  return result;
}

describe("data sources", () => {
  it("documents the installed package versions", () => {
    const source = readFileSync(path.join(import.meta.dirname, "holidays.ts"), "utf8");
    for (const { package: name, version } of Object.values(HOLIDAY_DATA_SOURCES)) {
      const pkg = JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as {
        version: string;
      };
      expect(pkg.version).toBe(version);
      expect(source).toContain(`\`${name}\` ${version}`);
    }
  });

  it("has data for HK 2023–2027 and mainland 2023–2026 only", () => {
    for (const year of [2023, 2024, 2025, 2026, 2027]) expect(hasHolidayData("HK", `${year}-06-01`)).toBe(true);
    for (const year of [2023, 2024, 2025, 2026]) expect(hasHolidayData("MAINLAND", `${year}-06-01`)).toBe(true);
    expect(hasHolidayData("MAINLAND", "2027-06-01")).toBe(false);
    expect(dates(listHolidays("2027-01-01", "2027-12-31"), "MAINLAND")).toEqual([]);
  });
});

describe("HK general holidays", () => {
  it("lists the 17 gazetted general holidays (excluding Sundays) each year 2023–2027", () => {
    const expected: Record<number, string[]> = {
      2023: [
        "2023-01-02", "2023-01-23", "2023-01-24", "2023-01-25", "2023-04-05", "2023-04-07", "2023-04-08",
        "2023-04-10", "2023-05-01", "2023-05-26", "2023-06-22", "2023-07-01", "2023-09-30", "2023-10-02",
        "2023-10-23", "2023-12-25", "2023-12-26",
      ],
      2024: [
        "2024-01-01", "2024-02-10", "2024-02-12", "2024-02-13", "2024-03-29", "2024-03-30", "2024-04-01",
        "2024-04-04", "2024-05-01", "2024-05-15", "2024-06-10", "2024-07-01", "2024-09-18", "2024-10-01",
        "2024-10-11", "2024-12-25", "2024-12-26",
      ],
      2025: [
        "2025-01-01", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-04", "2025-04-18", "2025-04-19",
        "2025-04-21", "2025-05-01", "2025-05-05", "2025-05-31", "2025-07-01", "2025-10-01", "2025-10-07",
        "2025-10-29", "2025-12-25", "2025-12-26",
      ],
      2026: [
        "2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19", "2026-04-03", "2026-04-04", "2026-04-06",
        "2026-04-07", "2026-05-01", "2026-05-25", "2026-06-19", "2026-07-01", "2026-09-26", "2026-10-01",
        "2026-10-19", "2026-12-25", "2026-12-26",
      ],
      // Rule-derived by date-holidays (not yet cited from a gazette in the package).
      2027: [
        "2027-01-01", "2027-02-06", "2027-02-08", "2027-02-09", "2027-03-26", "2027-03-27", "2027-03-29",
        "2027-04-05", "2027-05-01", "2027-05-13", "2027-06-09", "2027-07-01", "2027-09-16", "2027-10-01",
        "2027-10-08", "2027-12-25", "2027-12-27",
      ],
    };
    for (const [year, list] of Object.entries(expected)) {
      expect(dates(listHolidays(`${year}-01-01`, `${year}-12-31`), "HK")).toEqual(list);
    }
  });

  it("never lists a Sunday as an HK holiday", () => {
    for (const e of listHolidays("2023-01-01", "2027-12-31").filter((e) => e.side === "HK")) {
      expect(isoDayOfWeek(e.date)).not.toBe(7);
    }
  });

  it("has trilingual names from the explicit table for every HK holiday 2023–2027", () => {
    for (const e of listHolidays("2023-01-01", "2027-12-31").filter((e) => e.side === "HK")) {
      expect(e.name.en).not.toMatch(/[\u2019]/);
      expect(e.name.zhHant).toMatch(/[\u4e00-\u9fff]/);
      expect(e.name.zhHans).toMatch(/[\u4e00-\u9fff]/);
      // No Traditional-only characters left in the Simplified names.
      expect(e.name.zhHans).not.toMatch(/[農曆節穌難復勞動誕別區紀國慶陽聖後個]/);
    }
    expect(holidaysOn("2023-12-26")[0]?.name).toEqual({
      en: "The first weekday after Christmas Day",
      zhHant: "聖誕節後第一個周日",
      zhHans: "圣诞节后第一个周日",
    });
    expect(holidaysOn("2024-02-13")[0]?.name.zhHans).toBe("农历年初四");
  });
});

describe("known cross-border cases", () => {
  it("25 and 26 Dec 2023 are HK holidays but mainland working days", () => {
    for (const date of ["2023-12-25", "2023-12-26"]) {
      expect(holidaysOn(date).map((e) => e.side)).toEqual(["HK"]);
      expect(isWorkingDay("HK", date)).toBe(false);
      expect(isWorkingDay("MAINLAND", date)).toBe(true);
    }
    expect(holidaysOn("2023-12-25")[0]?.name.en).toBe("Christmas Day");
  });

  it("Spring Festival 2024: every day 10–17 Feb is a mainland holiday; 14–16 Feb are HK working days", () => {
    const mainland = dates(listHolidays("2024-02-01", "2024-02-29"), "MAINLAND");
    expect(mainland).toEqual(datesBetween("2024-02-10", "2024-02-17"));
    for (const date of mainland) {
      expect(isWorkingDay("MAINLAND", date)).toBe(false);
      expect(holidaysOn(date).find((e) => e.side === "MAINLAND")?.name).toEqual({
        en: "Spring Festival",
        zhHant: "春節",
        zhHans: "春节",
      });
    }
    for (const date of ["2024-02-14", "2024-02-15", "2024-02-16"]) {
      expect(isWorkingDay("HK", date)).toBe(true);
      expect(holidaysOn(date).map((e) => e.side)).toEqual(["MAINLAND"]);
    }
  });

  it("Sun 4 Feb and Sun 18 Feb 2024 are mainland make-up working days (调休), not HK ones", () => {
    expect(dates(listHolidays("2024-02-01", "2024-02-29"), "MAINLAND", "makeUpWorkday")).toEqual([
      "2024-02-04",
      "2024-02-18",
    ]);
    for (const date of ["2024-02-04", "2024-02-18"]) {
      expect(isWorkingDay("MAINLAND", date)).toBe(true);
      expect(isWorkingDay("HK", date)).toBe(false);
      const [entry] = holidaysOn(date);
      expect(entry).toMatchObject({ side: "MAINLAND", kind: "makeUpWorkday" });
      expect(entry?.name).toEqual({
        en: "Make-up working day (Spring Festival)",
        zhHant: "春節調休上班",
        zhHans: "春节调休上班",
      });
    }
  });

  it("1 Oct 2024 is a holiday on both sides", () => {
    expect(holidaysOn("2024-10-01").map((e) => [e.side, e.kind])).toEqual([
      ["HK", "holiday"],
      ["MAINLAND", "holiday"],
    ]);
    expect(isWorkingDay("HK", "2024-10-01")).toBe(false);
    expect(isWorkingDay("MAINLAND", "2024-10-01")).toBe(false);
    // Mainland National Day break 1–7 Oct; HK is back at work on 2 Oct.
    expect(isWorkingDay("MAINLAND", "2024-10-02")).toBe(false);
    expect(isWorkingDay("HK", "2024-10-02")).toBe(true);
    expect(isWorkingDay("MAINLAND", "2024-10-12")).toBe(true); // Saturday make-up day
  });

  it("2025 mainland (13 public holidays): Spring Festival 28 Jan – 4 Feb, make-up 26 Jan and 8 Feb", () => {
    const jan = listHolidays("2025-01-20", "2025-02-10");
    expect(dates(jan, "MAINLAND")).toEqual(datesBetween("2025-01-28", "2025-02-04"));
    expect(dates(jan, "MAINLAND", "makeUpWorkday")).toEqual(["2025-01-26", "2025-02-08"]);
    expect(isWorkingDay("MAINLAND", "2025-01-26")).toBe(true); // Sunday
    expect(isWorkingDay("MAINLAND", "2025-02-08")).toBe(true); // Saturday
    expect(isWorkingDay("MAINLAND", "2025-01-27")).toBe(true); // Monday before the break
    expect(isWorkingDay("HK", "2025-02-03")).toBe(true);
    expect(isWorkingDay("MAINLAND", "2025-02-03")).toBe(false);
    // Labour Day 1–5 May 2025 (extended to 2 statutory days from 2025), make-up Sun 27 Apr.
    expect(dates(listHolidays("2025-04-20", "2025-05-10"), "MAINLAND")).toEqual(
      datesBetween("2025-05-01", "2025-05-05"),
    );
    expect(isWorkingDay("MAINLAND", "2025-04-27")).toBe(true);
  });

  it("2026: mainland Spring Festival 15–23 Feb with make-up 14 and 28 Feb; HK Lunar New Year 17–19 Feb", () => {
    const feb = listHolidays("2026-02-01", "2026-02-28");
    expect(dates(feb, "MAINLAND")).toEqual(datesBetween("2026-02-15", "2026-02-23"));
    expect(dates(feb, "MAINLAND", "makeUpWorkday")).toEqual(["2026-02-14", "2026-02-28"]);
    expect(dates(feb, "HK")).toEqual(["2026-02-17", "2026-02-18", "2026-02-19"]);
    expect(isWorkingDay("HK", "2026-02-16")).toBe(true);
    expect(isWorkingDay("MAINLAND", "2026-02-16")).toBe(false);
    expect(isWorkingDay("MAINLAND", "2026-01-04")).toBe(true); // Sunday make-up for New Year
    // HK: Ching Ming (Sun 5 Apr) and Easter Monday clash, so 6 and 7 Apr are both holidays.
    expect(isWorkingDay("HK", "2026-04-06")).toBe(false);
    expect(isWorkingDay("HK", "2026-04-07")).toBe(false);
    expect(isWorkingDay("MAINLAND", "2026-04-07")).toBe(true);
  });

  it("2027: HK holidays exist; mainland has no data and falls back to Monday–Friday", () => {
    expect(isWorkingDay("HK", "2027-02-08")).toBe(false);
    expect(isWorkingDay("HK", "2027-12-27")).toBe(false);
    expect(holidaysOn("2027-10-01").map((e) => e.side)).toEqual(["HK"]);
    expect(isWorkingDay("MAINLAND", "2027-10-01")).toBe(true);
    expect(isWorkingDay("MAINLAND", "2027-10-02")).toBe(false);
  });
});

describe("countWorkingDays", () => {
  it("counts across the 2024 Spring Festival (Mon 5 Feb – Sun 25 Feb) for both sides", () => {
    // Mainland: weekdays 5–9 and 19–23 Feb (10) + make-up Sun 18 Feb = 11.
    expect(countWorkingDays("MAINLAND", "2024-02-05", "2024-02-25")).toBe(11);
    // HK: 15 weekdays minus 12 and 13 Feb = 13.
    expect(countWorkingDays("HK", "2024-02-05", "2024-02-25")).toBe(13);
  });

  it("includes both ends and the make-up Sunday at the start", () => {
    expect(countWorkingDays("MAINLAND", "2024-02-04", "2024-02-04")).toBe(1);
    expect(countWorkingDays("HK", "2024-02-04", "2024-02-04")).toBe(0);
    expect(countWorkingDays("MAINLAND", "2024-02-04", "2024-02-18")).toBe(7); // 4, 5–9, 18
    expect(countWorkingDays("HK", "2024-02-04", "2024-02-18")).toBe(8); // 5–9, 14–16
  });

  it("counts December 2023 and whole years", () => {
    expect(countWorkingDays("HK", "2023-12-18", "2023-12-31")).toBe(8);
    expect(countWorkingDays("MAINLAND", "2023-12-18", "2023-12-31")).toBe(10);
    // 2024 has 262 weekdays. Mainland: 19 break days fall on weekdays, 8 weekend make-up days → 251.
    expect(countWorkingDays("MAINLAND", "2024-01-01", "2024-12-31")).toBe(262 - 19 + 8);
    // HK: 17 general holidays, of which 10 Feb and 30 Mar are Saturdays → 15 weekday holidays.
    expect(countWorkingDays("HK", "2024-01-01", "2024-12-31")).toBe(262 - 15);
  });

  it("returns 0 for an empty range", () => {
    expect(countWorkingDays("HK", "2024-02-10", "2024-02-09")).toBe(0);
  });
});

describe("listHolidays", () => {
  it("is sorted by date then side (HK first) and stays inside the inclusive range", () => {
    const from = "2023-12-25";
    const to = "2024-10-01";
    const list = listHolidays(from, to);
    expect(list[0]).toMatchObject({ date: "2023-12-25", side: "HK" });
    expect(list.at(-1)).toMatchObject({ date: "2024-10-01", side: "MAINLAND" });
    for (const e of list) {
      expect(e.date >= from && e.date <= to).toBe(true);
    }
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      expect(a.date < b.date || (a.date === b.date && a.side === "HK" && b.side === "MAINLAND")).toBe(true);
    }
  });

  it("spans year boundaries and returns [] for an inverted range", () => {
    expect(listHolidays("2024-12-31", "2025-01-01").map((e) => `${e.date} ${e.side}`)).toEqual([
      "2025-01-01 HK",
      "2025-01-01 MAINLAND",
    ]);
    expect(listHolidays("2024-02-17", "2024-02-10")).toEqual([]);
  });

  it("rejects malformed dates", () => {
    expect(() => listHolidays("2024-2-1", "2024-02-10")).toThrow(RangeError);
    expect(() => holidaysOn("2024-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay("HK", "not a date")).toThrow(RangeError);
  });

  it("returns copies, so callers cannot corrupt the cache", () => {
    holidaysOn("2024-10-01").pop();
    expect(holidaysOn("2024-10-01")).toHaveLength(2);
  });
});

describe("hostSideHolidayWarning", () => {
  it("returns only host-side holidays, never make-up days or the other side", () => {
    const mainlandHost = hostSideHolidayWarning("MAINLAND", "2024-02-04", "2024-02-18");
    expect(mainlandHost.map((e) => e.date)).toEqual(datesBetween("2024-02-10", "2024-02-17"));
    expect(mainlandHost.every((e) => e.side === "MAINLAND" && e.kind === "holiday")).toBe(true);

    const hkHost = hostSideHolidayWarning("HK", "2024-02-04", "2024-02-18");
    expect(hkHost.map((e) => e.date)).toEqual(["2024-02-10", "2024-02-12", "2024-02-13"]);
  });

  it("warns for a single-day item on a host holiday and not on a make-up day", () => {
    expect(hostSideHolidayWarning("HK", "2023-12-26", "2023-12-26")).toHaveLength(1);
    expect(hostSideHolidayWarning("MAINLAND", "2023-12-26", "2023-12-26")).toEqual([]);
    expect(hostSideHolidayWarning("MAINLAND", "2024-02-18", "2024-02-18")).toEqual([]);
  });
});

describe("holidaySideOf", () => {
  it("follows the jurisdiction's kind, not its code", () => {
    expect(holidaySideOf({ kind: "SAR" })).toBe("HK");
    expect(holidaySideOf({ kind: "MAINLAND_CITY" })).toBe("MAINLAND");
    expect(holidaySideOf({ kind: "PROVINCE" })).toBe("MAINLAND");
  });
});
