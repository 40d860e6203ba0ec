import { describe, expect, it } from "vitest";
import { createOfficerSchema, officerListParamsSchema, searchTerms, updateOfficerSchema } from "./schemas";

const valid = {
  staffNumber: " hk10023 ",
  surname: "Tai",
  givenName: "Lap-fo",
  otherName: "",
  chineseName: "戴立科",
  rankId: "rank",
  departmentId: "dept",
  workEmail: "Frankie.Tai@Example.gov.hk",
};

const issues = (input: Record<string, unknown>) => {
  const result = createOfficerSchema.safeParse({ ...valid, ...input });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message.startsWith("errors.") ? issue.message : issue.code}`);
};

describe("officer form", () => {
  it("normalises staff number and email, empties optional names, and accepts no fields", () => {
    expect(createOfficerSchema.parse(valid)).toEqual({
      staffNumber: "HK10023",
      surname: "Tai",
      givenName: "Lap-fo",
      otherName: null,
      chineseName: "戴立科",
      rankId: "rank",
      departmentId: "dept",
      workEmail: "frankie.tai@example.gov.hk",
      fieldIds: [],
    });
  });

  it("takes one field or several, from a checkbox group, without duplicates", () => {
    expect(createOfficerSchema.parse({ ...valid, fieldIds: "a" }).fieldIds).toEqual(["a"]);
    expect(createOfficerSchema.parse({ ...valid, fieldIds: ["a", "b", "a"] }).fieldIds).toEqual(["a", "b"]);
  });

  it("keeps Chinese names as written, in either script, including HKSCS characters and middle dots", () => {
    for (const name of ["陳雪盈", "陈雪盈", "程步一", "𠝹淑儀", "阿依古丽·买买提"]) expect(createOfficerSchema.parse({ ...valid, chineseName: name }).chineseName).toBe(name);
  });

  it("says which field is wrong and why", () => {
    expect(issues({ surname: " " })).toEqual(["surname:errors.required"]);
    expect(issues({ staffNumber: "HK 100" })).toEqual(["staffNumber:errors.invalidStaffNumber"]);
    expect(issues({ chineseName: "Chan Tai-man" })).toEqual(["chineseName:errors.invalidChineseName"]);
    expect(issues({ workEmail: "not-an-email" })).toEqual(["workEmail:invalid_format"]);
    expect(issues({ rankId: "" })).toEqual(["rankId:too_small"]);
    expect(issues({ givenName: "x".repeat(81) })).toEqual(["givenName:too_big"]);
  });

  it("requires the version an edit started from", () => {
    expect(updateOfficerSchema.safeParse({ ...valid, id: "o1" }).success).toBe(false);
    expect(updateOfficerSchema.parse({ ...valid, id: "o1", version: "3" }).version).toBe(3);
  });
});

describe("officer list parameters", () => {
  it("falls back to defaults for anything unreadable", () => {
    expect(officerListParamsSchema.parse({ sort: "salary", dir: "sideways", page: "-4", status: "x", q: "  " })).toEqual({
      q: undefined,
      rank: undefined,
      department: undefined,
      field: undefined,
      jurisdiction: undefined,
      status: "active",
      sort: "name",
      dir: "asc",
      page: 1,
    });
  });

  it("splits a search into words on spaces and commas in either language", () => {
    expect(searchTerms("TAI Lap-fo, Frankie")).toEqual(["TAI", "Lap-fo", "Frankie"]);
    expect(searchTerms("陳，雪盈")).toEqual(["陳", "雪盈"]);
    expect(searchTerms(undefined)).toEqual([]);
  });
});
