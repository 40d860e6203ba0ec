import { describe, expect, it } from "vitest";
import { issueMessageKey } from "@/lib/validation-messages";
import { savePreferencesSchema, saveSettingsSchema, saveUnitMatchingSchema } from "./schemas";

// What each form refuses, and next to which field: the key of the "errors" catalog per field path.
function fieldErrors(result: { success: boolean; error?: { issues: Parameters<typeof issueMessageKey>[0][] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".") || "_form"] ??= issueMessageKey(issue).key;
  return errors;
}

const settings = { cohortId: "c", version: "0", fieldFitWeight: "4", preferenceWeight: "3", wishWeight: "2", rankBandWeight: "1", maxPerDepartmentPerUnit: "" };

describe("the settings form", () => {
  it("reads whole numbers 0–1000 from the form and an empty cap as no limit", () => {
    expect(saveSettingsSchema.parse({ ...settings, fieldFitWeight: " 1000 ", wishWeight: "0" })).toEqual({
      cohortId: "c",
      version: 0,
      fieldFitWeight: 1000,
      preferenceWeight: 3,
      wishWeight: 0,
      rankBandWeight: 1,
      maxPerDepartmentPerUnit: null,
    });
    expect(saveSettingsSchema.parse({ ...settings, maxPerDepartmentPerUnit: "2" }).maxPerDepartmentPerUnit).toBe(2);
  });

  it("refuses fractions, negatives, too large, empty and text next to each weight", () => {
    const result = saveSettingsSchema.safeParse({ ...settings, fieldFitWeight: "2.5", preferenceWeight: "-1", wishWeight: "1001", rankBandWeight: "", maxPerDepartmentPerUnit: "0" });
    expect(fieldErrors(result)).toEqual({
      fieldFitWeight: "matchingInputs.weightRange",
      preferenceWeight: "matchingInputs.weightRange",
      wishWeight: "matchingInputs.weightRange",
      rankBandWeight: "matchingInputs.weightRange",
      maxPerDepartmentPerUnit: "matchingInputs.capRange",
    });
    expect(fieldErrors(saveSettingsSchema.safeParse({ ...settings, fieldFitWeight: "four" }))).toEqual({ fieldFitWeight: "matchingInputs.weightRange" });
  });
});

describe("the preference list", () => {
  it("keeps the order given, reads one value as a list of one and none as empty", () => {
    expect(savePreferencesSchema.parse({ placementId: "p", version: "3", hostUnitIds: ["b", "a"] }).hostUnitIds).toEqual(["b", "a"]);
    expect(savePreferencesSchema.parse({ placementId: "p", version: "3", hostUnitIds: "a" }).hostUnitIds).toEqual(["a"]);
    expect(savePreferencesSchema.parse({ placementId: "p", version: "0" }).hostUnitIds).toEqual([]);
    expect(savePreferencesSchema.parse({ placementId: "p", version: "3", hostUnitIds: "a", fieldIds: ["f2", "f1"] }).fieldIds).toEqual(["f2", "f1"]);
    expect(savePreferencesSchema.parse({ placementId: "p", version: "3", fieldIds: "f1" }).fieldIds).toEqual(["f1"]);
    expect(savePreferencesSchema.parse({ placementId: "p", version: "0" }).fieldIds).toEqual([]);
  });

  it("refuses a sixth unit and a unit twice", () => {
    expect(fieldErrors(savePreferencesSchema.safeParse({ placementId: "p", version: "1", hostUnitIds: ["a", "b", "c", "d", "e", "f"] }))).toEqual({ hostUnitIds: "matchingInputs.tooManyPreferences" });
    expect(fieldErrors(savePreferencesSchema.safeParse({ placementId: "p", version: "1", hostUnitIds: ["a", "b", "a"] }))).toEqual({ hostUnitIds: "matchingInputs.duplicateInList" });
    expect(fieldErrors(savePreferencesSchema.safeParse({ placementId: "p", version: "-1", hostUnitIds: [] }))).toEqual({ version: "tooSmall" });
  });

  it("refuses a fourth field and a field twice, next to the fields", () => {
    expect(fieldErrors(savePreferencesSchema.safeParse({ placementId: "p", version: "1", fieldIds: ["a", "b", "c", "d"] }))).toEqual({ fieldIds: "matchingInputs.tooManyFieldPreferences" });
    expect(fieldErrors(savePreferencesSchema.safeParse({ placementId: "p", version: "1", hostUnitIds: ["a"], fieldIds: ["x", "x"] }))).toEqual({ fieldIds: "matchingInputs.duplicateInList" });
  });
});

describe("a unit's band and wishes", () => {
  const unit = { cohortId: "c", hostUnitId: "u", version: "0", rankMinLevel: "", rankMaxLevel: "", placementIds: [] };

  it("reads empty bounds as open and refuses a lowest rank above the highest next to the highest", () => {
    expect(saveUnitMatchingSchema.parse(unit)).toMatchObject({ rankMinLevel: null, rankMaxLevel: null, placementIds: [] });
    expect(saveUnitMatchingSchema.parse({ ...unit, rankMinLevel: "2", rankMaxLevel: "2" })).toMatchObject({ rankMinLevel: 2, rankMaxLevel: 2 });
    expect(fieldErrors(saveUnitMatchingSchema.safeParse({ ...unit, rankMinLevel: "3", rankMaxLevel: "2" }))).toEqual({ rankMaxLevel: "matchingInputs.bandOrder" });
    expect(fieldErrors(saveUnitMatchingSchema.safeParse({ ...unit, placementIds: ["x", "x"] }))).toEqual({ placementIds: "matchingInputs.duplicateInList" });
  });
});
