import { describe, expect, it } from "vitest";
import { createCohortSchema } from "./schemas";

const valid = {
  code: "HKSZ-2030",
  nameEn: "Exchange 2030",
  nameZhHant: "交流 2030",
  nameZhHans: "交流 2030",
  sendingJurisdictionId: "hk",
  hostJurisdictionId: "sz",
  startDate: "2030-09-02",
  endDate: "2030-11-22",
  nominationDeadline: "2030-07-31",
  status: "PLANNING",
};

function fieldErrors(input: Record<string, unknown>) {
  const result = createCohortSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("cohort dates", () => {
  it("stores a valid form's dates as calendar dates at UTC midnight", () => {
    const result = createCohortSchema.parse(valid);
    expect(result.startDate).toEqual(new Date("2030-09-02T00:00:00Z"));
    expect(result.nominationDeadline).toEqual(new Date("2030-07-31T00:00:00Z"));
    expect(createCohortSchema.parse({ ...valid, nominationDeadline: "" }).nominationDeadline).toBeNull();
  });

  it("refuses dates outside 2000–2100 with a field error that says so", () => {
    expect(fieldErrors({ ...valid, startDate: "0001-01-06", nominationDeadline: "" })).toEqual({ startDate: "errors.dateOutOfRange" });
    expect(fieldErrors({ ...valid, endDate: "2101-01-01" })).toEqual({ endDate: "errors.dateOutOfRange" });
    expect(fieldErrors({ ...valid, nominationDeadline: "1999-12-31" })).toEqual({ nominationDeadline: "errors.dateOutOfRange" });
    expect(fieldErrors({ ...valid, startDate: "2000-01-01", nominationDeadline: "", endDate: "2100-12-31" })).toEqual({});
  });

  it("keeps the required and invalid-date messages", () => {
    expect(fieldErrors({ ...valid, startDate: " " })).toMatchObject({ startDate: "errors.required" });
    expect(fieldErrors({ ...valid, startDate: "2030-02-30" })).toMatchObject({ startDate: "errors.invalidDate" });
  });
});
