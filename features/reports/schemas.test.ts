import { describe, expect, it } from "vitest";
import { readFilterParams, reportColumnChoiceSchema, reportFiltersSchema } from "./schemas";

const issuesOf = (input: Record<string, string>) => {
  const result = reportFiltersSchema.safeParse(readFilterParams(input));
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
};

describe("report date filters from the URL", () => {
  it("accepts calendar dates of 2000–2100 and an empty filter", () => {
    expect(reportFiltersSchema.parse(readFilterParams({ from: "2000-01-01", to: "2100-12-31" }))).toMatchObject({ from: "2000-01-01", to: "2100-12-31" });
    expect(reportFiltersSchema.parse(readFilterParams({ from: "" })).from).toBeUndefined();
  });

  it("refuses an unreadable date and one outside 2000–2100 with a field error, not a failure", () => {
    expect(issuesOf({ from: "2024-02-30" })).toEqual({ from: "errors.invalidDate" });
    expect(issuesOf({ from: "0001-01-01", to: "9999-12-31" })).toEqual({ from: "errors.dateOutOfRange", to: "errors.dateOutOfRange" });
  });
});

describe("the report column choice", () => {
  it("keeps the ticked columns once each, and refuses none or an unknown one with a field error", () => {
    expect(reportColumnChoiceSchema.parse({ columns: ["status", "cohortCode", "status"] }).columns).toEqual(["status", "cohortCode"]);
    expect(reportColumnChoiceSchema.parse({ columns: "status" }).columns).toEqual(["status"]);
    const none = reportColumnChoiceSchema.safeParse({});
    expect(none.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["columns", "errors.chooseAtLeastOneColumn"]]);
    const unknown = reportColumnChoiceSchema.safeParse({ columns: ["status", "password"] });
    expect(unknown.error?.issues[0].path[0]).toBe("columns");
    expect(reportColumnChoiceSchema.safeParse({ columns: [] }).success).toBe(false);
  });
});
