import { describe, expect, it } from "vitest";
import { isTimeZone, referenceRecordSchema } from "./schemas";

const names = { nameEn: "Beijing", nameZhHant: "北京市", nameZhHans: "北京市" };

describe("reference data validation", () => {
  it("adds a new side as data: code upper-cased, kind and time zone checked", () => {
    expect(referenceRecordSchema.parse({ referenceKind: "jurisdictions", code: " bj ", jurisdictionKind: "MAINLAND_CITY", timeZone: "Asia/Shanghai", ...names })).toMatchObject({
      code: "BJ",
      id: null,
      version: null,
    });
  });

  it("reports bad codes, kinds, time zones and missing names against their fields", () => {
    const result = referenceRecordSchema.safeParse({ referenceKind: "jurisdictions", code: "B J", jurisdictionKind: "PLANET", timeZone: "Mars/Olympus", nameEn: "", nameZhHant: "北京市", nameZhHans: "北京市" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message.startsWith("errors.") ? issue.message : issue.code]));
    expect(byField).toEqual({ code: "errors.invalidCode", jurisdictionKind: "invalid_value", timeZone: "errors.invalidTimeZone", nameEn: "errors.required" });
  });

  it("reads ranks' order and directorate flag from a form", () => {
    const rank = referenceRecordSchema.parse({ referenceKind: "ranks", jurisdictionId: "hk", grade: "eo", level: "3", code: "seo", isDirectorate: "true", ...names });
    expect(rank).toMatchObject({ grade: "EO", level: 3, code: "SEO", isDirectorate: true, jurisdictionId: "hk" });
    expect(referenceRecordSchema.parse({ referenceKind: "ranks", grade: "EO", level: "1", code: "EOII", ...names })).toMatchObject({ isDirectorate: false, jurisdictionId: null });
    expect(referenceRecordSchema.safeParse({ referenceKind: "ranks", grade: "EO", level: "0", code: "X", ...names }).success).toBe(false);
  });

  it("takes a host unit's fields from a checkbox group and its capacity as a whole number", () => {
    const unit = referenceRecordSchema.parse({ referenceKind: "host-units", jurisdictionId: "sz", code: "qha", defaultCapacity: "2", fieldIds: "f1", district: "", ...names });
    expect(unit).toMatchObject({ code: "QHA", defaultCapacity: 2, fieldIds: ["f1"], district: null });
    expect(referenceRecordSchema.safeParse({ referenceKind: "host-units", code: "Q", defaultCapacity: "1.5", ...names }).success).toBe(false);
  });

  it("knows a time zone when it sees one", () => {
    expect(isTimeZone("Asia/Hong_Kong")).toBe(true);
    expect(isTimeZone("UTC")).toBe(false);
    expect(isTimeZone("Nowhere/Special")).toBe(false);
  });
});
