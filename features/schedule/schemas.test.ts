import { describe, expect, it } from "vitest";
import { createScheduleItemSchema, deleteScheduleItemSchema, standardScheduleSchema, updateScheduleItemSchema } from "./schemas";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

const timed = { type: "SITE_VISIT", title: "Site visit: Qianhai", startDate: "2024-02-05", startTime: "14:00", endTime: "17:00" };

describe("createScheduleItemSchema", () => {
  it("parses a timed placement item into Hong Kong instants and blanks into nulls", () => {
    const result = createScheduleItemSchema.parse({ ...timed, placementId: "p1", location: "  ", notes: "" });
    expect(result).toMatchObject({ placementId: "p1", cohortId: "", allDay: false, location: null, notes: null });
    expect(result.startsAt.toISOString()).toBe("2024-02-05T06:00:00.000Z");
    expect(result.endsAt.toISOString()).toBe("2024-02-05T09:00:00.000Z");
  });

  it("reads the all-day checkbox as a browser sends it and ignores times then", () => {
    const result = createScheduleItemSchema.parse({ type: "MILESTONE", title: "Final report due", startDate: "2024-03-01", allDay: "on", cohortId: "c1", startTime: "" });
    expect(result.allDay).toBe(true);
    expect(result.endsAt.getTime() - result.startsAt.getTime()).toBe(86_400_000);
  });

  it("reports every bad field at once, each on its own field", () => {
    const result = createScheduleItemSchema.safeParse({ type: "PARTY", title: " ", startDate: "2024-02-30", startTime: "25:00", placementId: "p1" });
    expect(issuesOf(result)).toEqual({
      type: "errors.invalidValue",
      title: "errors.required",
      startDate: "errors.invalidDate",
      startTime: "errors.invalidTime",
      endTime: "errors.required",
    });
  });

  it("says a date outside 2000–2100 is out of range, on the field", () => {
    const result = createScheduleItemSchema.safeParse({ ...timed, startDate: "0001-02-05", endDate: "2101-01-01", placementId: "p1" });
    expect(issuesOf(result)).toEqual({ startDate: "errors.dateOutOfRange", endDate: "errors.dateOutOfRange" });
  });

  it("puts an end before the start on the end time for a same-day item and on the end date otherwise", () => {
    expect(issuesOf(createScheduleItemSchema.safeParse({ ...timed, endTime: "13:00", placementId: "p1" }))).toEqual({ endTime: "errors.endBeforeStart" });
    expect(issuesOf(createScheduleItemSchema.safeParse({ ...timed, endDate: "2024-02-04", placementId: "p1" }))).toEqual({ endDate: "errors.endBeforeStart" });
    expect(
      issuesOf(createScheduleItemSchema.safeParse({ type: "OTHER", title: "x", allDay: true, startDate: "2024-02-05", endDate: "2024-02-04", cohortId: "c1" })),
    ).toEqual({ endDate: "errors.endBeforeStart" });
  });

  it("needs exactly one target", () => {
    expect(createScheduleItemSchema.safeParse({ ...timed }).success).toBe(false);
    expect(createScheduleItemSchema.safeParse({ ...timed, placementId: "p1", cohortId: "c1" }).success).toBe(false);
  });

  it("limits the lengths", () => {
    const result = createScheduleItemSchema.safeParse({ ...timed, placementId: "p1", title: "x".repeat(201), notes: "y".repeat(2001) });
    expect(Object.keys(issuesOf(result)).sort()).toEqual(["notes", "title"]);
  });
});

describe("update, delete and standard schedule", () => {
  it("requires the id and the version the user saw", () => {
    expect(updateScheduleItemSchema.safeParse({ ...timed, id: "i1", version: "3" }).data?.version).toBe(3);
    expect(issuesOf(updateScheduleItemSchema.safeParse({ ...timed, id: "i1" }))).toHaveProperty("version");
    expect(deleteScheduleItemSchema.safeParse({ id: "i1", version: "0" }).success).toBe(false);
  });

  it("keys the errors of a standard-schedule row by its index", () => {
    const result = standardScheduleSchema.safeParse({ placementId: "p1", items: [timed, { ...timed, title: "" }] });
    expect(issuesOf(result)).toEqual({ "items.1.title": "errors.required" });
    expect(issuesOf(standardScheduleSchema.safeParse({ placementId: "p1", items: [] }))).toEqual({ items: "errors.selectAtLeastOne" });
  });
});
