import { describe, expect, it } from "vitest";
import { buildAgenda, groupHolidayRuns, isReportDue, reportDueAgendaEntries } from "./agenda";
import { createHolidayCalendar } from "./holidays";

const { listHolidays } = createHolidayCalendar();

describe("groupHolidayRuns", () => {
  it("joins the mainland Spring Festival break 2024 into one run and keeps Hong Kong's days apart", () => {
    const runs = groupHolidayRuns(listHolidays("2024-02-01", "2024-02-29"));
    const summary = runs.map((run) => `${run.side} ${run.kind} ${run.startDate}..${run.endDate} ${run.name.en}`);
    expect(summary).toEqual([
      "MAINLAND makeUpWorkday 2024-02-04..2024-02-04 Make-up working day (Spring Festival)",
      "HK holiday 2024-02-10..2024-02-10 Lunar New Year's Day",
      "MAINLAND holiday 2024-02-10..2024-02-17 Spring Festival",
      "HK holiday 2024-02-12..2024-02-12 The third day of Lunar New Year",
      "HK holiday 2024-02-13..2024-02-13 The fourth day of Lunar New Year",
      "MAINLAND makeUpWorkday 2024-02-18..2024-02-18 Make-up working day (Spring Festival)",
    ]);
  });
});

describe("buildAgenda", () => {
  const item = (id: string, startDate: string, endDate = startDate) => ({ id, startDate, endDate });

  it("lists upcoming days soonest first, then earlier days latest first", () => {
    const agenda = buildAgenda([item("a", "2024-02-01"), item("b", "2024-02-20"), item("c", "2024-02-14"), item("d", "2024-01-10")], [], "2024-02-14");
    expect(agenda.upcoming.map((day) => day.date)).toEqual(["2024-02-14", "2024-02-20"]);
    expect(agenda.earlier.map((day) => day.date)).toEqual(["2024-02-01", "2024-01-10"]);
  });

  it("lists something still running under today, and holidays with the items of their day", () => {
    const runs = groupHolidayRuns(listHolidays("2024-02-10", "2024-02-17").filter((entry) => entry.side === "MAINLAND"));
    const agenda = buildAgenda([item("visit", "2024-02-12", "2024-02-16"), item("call", "2024-02-14")], runs, "2024-02-14");
    expect(agenda.earlier).toEqual([]);
    expect(agenda.upcoming).toHaveLength(1);
    expect(agenda.upcoming[0].date).toBe("2024-02-14");
    expect(agenda.upcoming[0].entries.map((entry) => entry.id)).toEqual(["visit", "call"]);
    expect(agenda.upcoming[0].holidays.map((run) => run.name.en)).toEqual(["Spring Festival"]);
  });
});

describe("report due dates in the agenda", () => {
  it("lists each report on its due date beside that day's items, done or not", () => {
    const reports = reportDueAgendaEntries([
      { placementId: "p1", kind: "MID_TERM", dueOn: "2026-04-12", isDone: true },
      { placementId: "p1", kind: "FINAL", dueOn: "2026-05-18", isDone: false },
    ]);
    const agenda = buildAgenda([{ id: "visit", startDate: "2026-05-18", endDate: "2026-05-18" }, ...reports], [], "2026-05-01");
    expect(agenda.upcoming.map((day) => [day.date, day.entries.map((entry) => entry.id)])).toEqual([["2026-05-18", ["visit", "report-p1-FINAL"]]]);
    expect(agenda.earlier.map((day) => [day.date, day.entries.map((entry) => entry.id)])).toEqual([["2026-04-12", ["report-p1-MID_TERM"]]]);
    expect(agenda.upcoming[0].entries.map(isReportDue)).toEqual([false, true]);
  });
});
