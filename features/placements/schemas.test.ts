import { describe, expect, it } from "vitest";
import { createCohortSchema, parseCohortListParams } from "@/features/cohorts/schemas";
import { approveSelectedSchema, assignPlacementSchema, nominateOfficersSchema, withdrawPlacementSchema } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("cohort form", () => {
  const valid = {
    code: "hksz-2026-09",
    nameEn: "Exchange",
    nameZhHant: "交流",
    nameZhHans: "交流",
    sendingJurisdictionId: "hk",
    hostJurisdictionId: "sz",
    startDate: "2026-09-07",
    endDate: "2026-11-27",
    nominationDeadline: "",
    status: "PLANNING",
  };

  it("accepts a complete cohort, upper-cases the code and stores dates as UTC midnight", () => {
    const result = createCohortSchema.parse(valid);
    expect(result.code).toBe("HKSZ-2026-09");
    expect(result.startDate.toISOString()).toBe("2026-09-07T00:00:00.000Z");
    expect(result.nominationDeadline).toBeNull();
  });

  it("reports each rule next to its field", () => {
    expect(messages(createCohortSchema.safeParse({ ...valid, hostJurisdictionId: "hk" }))).toEqual({ hostJurisdictionId: "errors.cohortNeedsTwoSides" });
    expect(messages(createCohortSchema.safeParse({ ...valid, endDate: "2026-09-01" }))).toEqual({ endDate: "errors.datesOutOfOrder" });
    expect(messages(createCohortSchema.safeParse({ ...valid, nominationDeadline: "2026-09-08" }))).toEqual({ nominationDeadline: "errors.deadlineAfterStart" });
    expect(messages(createCohortSchema.safeParse({ ...valid, startDate: "" }))).toMatchObject({ startDate: "errors.required" });
    expect(messages(createCohortSchema.safeParse({ ...valid, startDate: "2026-02-30" }))).toMatchObject({ startDate: "errors.invalidDate" });
    expect(messages(createCohortSchema.safeParse({ ...valid, code: "HK SZ" }))).toMatchObject({ code: "errors.cohortCodeFormat" });
    expect(messages(createCohortSchema.safeParse({ ...valid, nameZhHant: "  " }))).toMatchObject({ nameZhHant: "errors.required" });
  });

  it("falls back to defaults for malformed list parameters", () => {
    expect(parseCohortListParams({ sort: "bogus", page: "-3", status: "NOPE", q: "  Qianhai " })).toEqual({ q: "Qianhai", status: undefined, sort: "start-desc", page: 1 });
    expect(parseCohortListParams({ sort: "name", page: ["2", "9"], status: "MATCHING" })).toEqual({ q: undefined, status: "MATCHING", sort: "name", page: 2 });
  });
});

describe("placement forms", () => {
  it("takes one checkbox or several", () => {
    expect(nominateOfficersSchema.parse({ cohortId: "c", officerIds: "o1" }).officerIds).toEqual(["o1"]);
    expect(nominateOfficersSchema.parse({ cohortId: "c", officerIds: ["o1", "o2"] }).officerIds).toEqual(["o1", "o2"]);
    expect(messages(nominateOfficersSchema.safeParse({ cohortId: "c" }))).toEqual({ officerIds: "errors.chooseOfficers" });
  });

  it("needs every part of an assignment and dates in order", () => {
    const valid = { placementId: "p", version: "3", hostUnitId: "u", fieldId: "f", postTitle: " Special Assistant ", startDate: "2026-09-07", endDate: "2026-11-27" };
    const parsed = assignPlacementSchema.parse(valid);
    expect(parsed.version).toBe(3);
    expect(parsed.postTitle).toBe("Special Assistant");
    expect(messages(assignPlacementSchema.safeParse({ ...valid, endDate: "2026-09-01" }))).toEqual({ endDate: "errors.datesOutOfOrder" });
    expect(messages(assignPlacementSchema.safeParse({ ...valid, hostUnitId: "", postTitle: "" }))).toEqual({ hostUnitId: "errors.required", postTitle: "errors.required" });
  });

  it("refuses a withdrawal without a reason", () => {
    expect(messages(withdrawPlacementSchema.safeParse({ placementId: "p", version: 1, reason: "   " }))).toEqual({ reason: "errors.withdrawalNeedsReason" });
  });
});

describe("approveSelectedSchema", () => {
  it("reads each checkbox as a placement and the version its row showed", () => {
    expect(approveSelectedSchema.parse({ placements: ["abc:3", "def:1"] })).toEqual({
      placements: [
        { placementId: "abc", version: 3 },
        { placementId: "def", version: 1 },
      ],
    });
    expect(approveSelectedSchema.parse({ placements: "abc:12" })).toEqual({ placements: [{ placementId: "abc", version: 12 }] });
  });

  it("refuses an empty choice, a malformed value and a placement chosen twice", () => {
    for (const placements of [undefined, [], ["abc"], ["abc:0"], ["abc:x"], ["a b:1"], ["abc:1", "abc:2"]]) {
      expect(approveSelectedSchema.safeParse({ placements }).success, JSON.stringify(placements)).toBe(false);
    }
  });
});
