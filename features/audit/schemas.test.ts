import { describe, expect, it } from "vitest";
import { auditListParamsSchema, hongKongDayRange } from "./schemas";

describe("audit filters", () => {
  it("bounds a range of Hong Kong calendar days in UTC instants", () => {
    expect(hongKongDayRange("2024-02-10", "2024-02-10")).toEqual({ gte: new Date("2024-02-09T16:00:00Z"), lt: new Date("2024-02-10T16:00:00Z") });
    expect(hongKongDayRange("2024-02-10", undefined)).toEqual({ gte: new Date("2024-02-09T16:00:00Z"), lt: undefined });
    expect(hongKongDayRange(undefined, undefined)).toEqual({ gte: undefined, lt: undefined });
  });

  it("reads a reversed range the right way round", () => {
    expect(hongKongDayRange("2024-02-12", "2024-02-10")).toEqual({ gte: new Date("2024-02-09T16:00:00Z"), lt: new Date("2024-02-12T16:00:00Z") });
  });

  it("ignores unreadable parameters", () => {
    expect(auditListParamsSchema.parse({ from: "yesterday", to: "2024-13-45", page: "x", action: " officer.update " })).toMatchObject({
      from: undefined,
      to: undefined,
      page: 1,
      action: "officer.update",
    });
  });
});
