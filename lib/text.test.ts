import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as audit from "@/features/audit/schemas";
import * as cohorts from "@/features/cohorts/schemas";
import * as hostUnits from "@/features/host-units/schemas";
import * as officers from "@/features/officers/schemas";
import * as placements from "@/features/placements/schemas";
import * as referenceData from "@/features/reference-data/schemas";
import * as reports from "@/features/reports/schemas";
import * as schedule from "@/features/schedule/schemas";
import { validateOfficerSheet, type ImportReferences } from "@/features/import/validate";
import { findControlCharacters, hasInvisibleCharacters } from "./text";
import { issueMessageKey } from "./validation-messages";

// Issue 10 §3: NUL and other control characters, invisible / direction-override characters in names, and length
// limits that say the limit. The rules live in lib/text.ts; these tests go through the feature schemas that use them.

const keyAt = (schema: z.ZodType, input: Record<string, unknown>, field: string) => {
  const result = schema.safeParse(input);
  const issue = result.error?.issues.find((candidate) => candidate.path.join(".") === field);
  return issue ? issueMessageKey(issue) : null;
};

const officer = { staffNumber: "HK1", surname: "Chan", givenName: "Tai-man", otherName: "", chineseName: "陳大文", rankId: "r", departmentId: "d", workEmail: "a@example.test" };
const names = { nameEn: "Qianhai Authority", nameZhHant: "前海管理局", nameZhHans: "前海管理局" };
const hostUnit = { referenceKind: "host-units", code: "QH", district: "Nanshan", defaultCapacity: "2", jurisdictionId: "sz", ...names };
const cohort = { code: "C-1", ...names, sendingJurisdictionId: "hk", hostJurisdictionId: "sz", startDate: "2027-01-04", endDate: "2027-03-26", status: "PLANNING" };
const item = { type: "SITE_VISIT", title: "Site visit", startDate: "2027-02-05", startTime: "14:00", endTime: "17:00", placementId: "p1" };
const assignment = { placementId: "p", version: "1", hostUnitId: "h", fieldId: "f", postTitle: "Planner", startDate: "2027-01-04", endDate: "2027-03-26" };

/** Every free-text field of every form, with a valid input of its schema. */
const textFields: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  ["officer", officers.createOfficerSchema, officer, ["surname", "givenName", "otherName", "chineseName"]],
  ["host unit", referenceData.referenceRecordSchema, hostUnit, ["nameEn", "nameZhHant", "nameZhHans", "district"]],
  ["cohort", cohorts.createCohortSchema, cohort, ["nameEn", "nameZhHant", "nameZhHans"]],
  ["schedule item", schedule.createScheduleItemSchema, item, ["title", "location", "notes"]],
  ["assignment", placements.assignPlacementSchema, assignment, ["postTitle"]],
  ["withdrawal", placements.withdrawPlacementSchema, { placementId: "p", version: "1", reason: "Recalled" }, ["reason"]],
];

describe("control characters (NUL) in text", () => {
  it.each(textFields)("are refused beside every text field of the %s form", (_form, schema, valid, fields) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const field of fields) {
      expect(keyAt(schema, { ...valid, [field]: "Chan\u0000" }, field), field).toEqual({ key: "controlCharacters" });
      expect(keyAt(schema, { ...valid, [field]: "\u0007Chan" }, field), field).toEqual({ key: "controlCharacters" });
    }
  });

  it("leave tabs and line breaks in multi-line notes alone", () => {
    const parsed = schedule.createScheduleItemSchema.parse({ ...item, notes: "Bring:\r\n\t- passport" });
    expect(parsed.notes).toBe("Bring:\r\n\t- passport");
  });

  it("in a search or list parameter fall back to no filter instead of reaching the database", () => {
    expect(officers.officerListParamsSchema.parse({ q: "chan\u0000", rank: "\u0000" })).toMatchObject({ q: undefined, rank: undefined });
    expect(cohorts.cohortListParamsSchema.parse({ q: "\u0000" }).q).toBeUndefined();
    expect(hostUnits.hostUnitListParamsSchema.parse({ q: "a\u0000", district: "\u0000" })).toMatchObject({ q: undefined, district: undefined });
    expect(referenceData.referenceListParamsSchema.parse({ q: "\u0000", jurisdiction: "\u0000" })).toMatchObject({ q: undefined, jurisdiction: undefined });
    expect(audit.auditListParamsSchema.parse({ actor: "\u0000", entityId: "x\u0000" })).toMatchObject({ actor: undefined, entityId: undefined });
    expect(reports.reportFiltersSchema.safeParse({ cohort: "c\u0000" }).success).toBe(false);
    expect(officers.officerListParamsSchema.parse({ q: " chan " }).q).toBe("chan");
  });

  it("are found anywhere in an action's payload, for the guard in lib/action.ts", () => {
    expect(findControlCharacters({ title: "ok\u0000", officerIds: ["a", "b\u0000"] })).toEqual([["title"], ["officerIds", 1]]);
    expect(findControlCharacters({ nested: { id: "\u0000" } })).toEqual([["nested", "id"]]);
    expect(findControlCharacters({ notes: "line\r\nline\tend", count: 3, empty: null })).toEqual([]);
    expect(findControlCharacters("\u0000")).toEqual([[]]);
  });
});

describe("invisible and direction-override characters in names", () => {
  const invisible = ["\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

  it("are exactly U+200B–U+200F, U+202A–U+202E and U+2066–U+2069", () => {
    for (const character of invisible) expect(hasInvisibleCharacters(`Chan${character}`)).toBe(true);
    for (const character of ["\u200A", "\u2010", "\u2029", "\u202F", "\u2065", "\u206A", "·", "‧"]) expect(hasInvisibleCharacters(character)).toBe(false);
  });

  it.each(textFields.slice(0, 3))("are refused in every name of the %s form", (_form, schema, valid, fields) => {
    for (const field of fields.filter((name) => name !== "district")) {
      for (const character of invisible) {
        const value = field === "chineseName" ? `陳${character}大文` : `Ch${character}an`;
        expect(keyAt(schema, { ...valid, [field]: value }, field), `${field} ${character.codePointAt(0)!.toString(16)}`).toEqual({ key: "invisibleCharacters" });
      }
    }
  });

  it("are refused in the officer import's rows with the same message", () => {
    const references: ImportReferences = {
      ranks: new Map([["EOII", { id: "rank", active: true }]]),
      departments: new Map([["CSB", { id: "dept", active: true }]]),
      fields: new Map(),
      existing: new Map(),
    };
    const headers = ["Staff number", "Surname", "Given name", "Other name", "Chinese name", "Rank code", "Department code", "Work email"];
    const row = (cells: string[], rowNumber: number) => ({ rowNumber, cells });
    const result = validateOfficerSheet(
      {
        format: "csv",
        headers,
        rows: [
          row(["hk1", "Chan\u202E", "Tai-man", "", "陳大文", "EOII", "CSB", "a@example.test"], 2),
          row(["hk2", "Wong", "Siu\u200Bming", "Peter\u2066", "黃\u200D小明", "EOII", "CSB", "b@example.test"], 3),
          row(["hk3", "Lee\u0000", "Ka-yan", "", "", "EOII", "CSB", "c@example.test"], 4),
        ],
      },
      references,
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map(({ row: rowNumber, column, key }) => [rowNumber, column, key])).toEqual([
      [2, "surname", "errors.invisibleCharacters"],
      [3, "givenName", "errors.invisibleCharacters"],
      [3, "otherName", "errors.invisibleCharacters"],
      [3, "chineseName", "errors.invisibleCharacters"],
      [4, "surname", "errors.controlCharacters"],
    ]);
  });
});

/** Walks an object schema (through refinements and transforms) to its fields. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] } } })._zod.def;
  if (def.type === "object") return def.shape!;
  if (def.type === "pipe") return shapeOf(def.in!);
  return null;
}

describe("length limits", () => {
  const modules: Record<string, unknown>[] = [officers, cohorts, placements, schedule, hostUnits];
  const formSchemas = modules
    .flatMap((module) => Object.entries(module))
    .flatMap(([name, value]) => (name.endsWith("Schema") && !/List|Params|Filters/.test(name) && value instanceof z.ZodType ? [[name, value] as [string, z.ZodType]] : []));

  it("a schedule item title over 200 characters says the limit, not that the field is required", () => {
    expect(keyAt(schedule.createScheduleItemSchema, { ...item, title: "x".repeat(201) }, "title")).toEqual({ key: "tooLong", values: { maximum: 200 } });
    expect(keyAt(schedule.createScheduleItemSchema, { ...item, title: undefined }, "title")).toEqual({ key: "required" });
  });

  it("every over-long text field of every form is reported with its limit", () => {
    const checked: string[] = [];
    const reference = referenceData.referenceRecordSchema;
    const cases: [string, z.ZodType, Record<string, z.ZodType> | null][] = [
      ...formSchemas.map(([name, schema]) => [name, schema, shapeOf(schema)] as [string, z.ZodType, Record<string, z.ZodType> | null]),
      ...["jurisdictions", "departments", "ranks", "fields", "host-units"].map(
        (kind) => [`reference ${kind}`, reference, shapeOf((reference as unknown as { options: z.ZodType[] }).options.find((option) => shapeOf(option)!.referenceKind.safeParse(kind).success)!)] as [string, z.ZodType, Record<string, z.ZodType> | null],
      ),
    ];
    for (const [name, schema, shape] of cases) {
      if (!shape) continue;
      const kind = name.startsWith("reference ") ? { referenceKind: name.slice("reference ".length) } : {};
      for (const field of Object.keys(shape)) {
        const result = schema.safeParse({ ...kind, [field]: "A".repeat(5000) });
        const issue = result.error?.issues.find((candidate) => candidate.path.join(".") === field);
        if (!issue) continue;
        const { key, values } = issueMessageKey(issue);
        expect(key, `${name}.${field}`).not.toBe("required");
        if (issue.code === "too_big") expect(values?.maximum, `${name}.${field}`).toBeGreaterThan(0);
        checked.push(`${name}.${field}:${key}`);
      }
    }
    expect(checked).toContain("createScheduleItemSchema.title:tooLong");
    expect(checked).toContain("createOfficerSchema.surname:tooLong");
    expect(checked).toContain("reference host-units.nameEn:tooLong");
  });
});
