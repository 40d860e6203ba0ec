import { describe, expect, it } from "vitest";
import { columnForHeader, splitCodes } from "./columns";
import type { ParsedSheet } from "./parse";
import { mapHeaders, validateOfficerSheet, type ImportReferences } from "./validate";

const references: ImportReferences = {
  ranks: new Map([
    ["EOII", { id: "rank-eo2", active: true }],
    ["OLD", { id: "rank-old", active: false }],
  ]),
  departments: new Map([["CSB", { id: "dept-csb", active: true }]]),
  fields: new Map([
    ["TRANSPORT", { id: "field-transport", active: true }],
    ["URBAN_PLANNING", { id: "field-planning", active: true }],
    ["RETIRED", { id: "field-retired", active: false }],
  ]),
  existing: new Map([["HK2", { id: "officer-2", rankId: "rank-old", departmentId: "dept-csb", fieldIds: ["field-retired"] }]]),
};

const headers = ["Staff number", "Surname", "Given name", "Chinese name", "Rank code", "Department code", "Field codes", "Work email"];
const sheet = (rows: string[][], headerRow = headers): ParsedSheet => ({ format: "csv", headers: headerRow, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })) });
const good = ["hk1", "Chan", "Tai-man", "陳大文", "eoii", "CSB", "transport; urban_planning", "Tai.Man@Example.test"];

describe("header row", () => {
  it("accepts the template's headers in all three languages, camelCase keys and short forms", () => {
    expect(columnForHeader("Staff number *")).toBe("staffNumber");
    expect(columnForHeader("職員編號")).toBe("staffNumber");
    expect(columnForHeader("人员编号")).toBe("staffNumber");
    expect(columnForHeader("workEmail")).toBe("workEmail");
    expect(columnForHeader("WORK_EMAIL")).toBe("workEmail");
    expect(columnForHeader("Email")).toBe("workEmail");
    expect(columnForHeader("姓（拼音）")).toBe("surname");
    expect(columnForHeader("Salary")).toBeUndefined();
  });

  it("reports unknown, repeated and missing columns; blank headers are ignored", () => {
    const { problems, columnAt } = mapHeaders(["Staff number", "Surname", "Surname", "Salary", ""]);
    expect(columnAt).toEqual(["staffNumber", "surname", "surname", null, null]);
    expect(problems).toEqual([
      { key: "duplicateColumn", values: { header: "Surname" } },
      { key: "unknownColumn", values: { header: "Salary" } },
      { key: "missingColumn", values: { column: "givenName" } },
      { key: "missingColumn", values: { column: "rankCode" } },
      { key: "missingColumn", values: { column: "departmentCode" } },
      { key: "missingColumn", values: { column: "workEmail" } },
    ]);
  });
});

describe("rows", () => {
  it("normalises a valid row and resolves codes case-insensitively", () => {
    const result = validateOfficerSheet(sheet([good]), references);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        existingId: null,
        staffNumber: "HK1",
        surname: "Chan",
        givenName: "Tai-man",
        otherName: null,
        chineseName: "陳大文",
        rankId: "rank-eo2",
        departmentId: "dept-csb",
        workEmail: "tai.man@example.test",
        fieldIds: ["field-transport", "field-planning"],
      },
    ]);
  });

  it("reports every problem of a row, each against its column, translated by key", () => {
    const result = validateOfficerSheet(sheet([["", "", "Tai-man", "Chan", "NOPE", "XYZ", "TRANSPORT; MAGIC", "not-an-email"]]), references);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 2, column: "staffNumber", key: "errors.required", value: "" },
      { row: 2, column: "surname", key: "errors.required", value: "" },
      { row: 2, column: "chineseName", key: "errors.invalidChineseName", value: "Chan" },
      { row: 2, column: "workEmail", key: "errors.invalidEmail", value: "not-an-email" },
      { row: 2, column: "rankCode", key: "import.unknownRank", values: { code: "NOPE" }, value: "NOPE" },
      { row: 2, column: "departmentCode", key: "import.unknownDepartment", values: { code: "XYZ" }, value: "XYZ" },
      { row: 2, column: "fieldCodes", key: "import.unknownField", values: { code: "MAGIC" }, value: "TRANSPORT; MAGIC" },
    ]);
  });

  it("keeps at most 200 characters of the value entered in a report", () => {
    const long = "x".repeat(500);
    const [error] = validateOfficerSheet(sheet([[...good.slice(0, 7), long]]), references).errors;
    expect(error).toMatchObject({ column: "workEmail", value: `${"x".repeat(199)}…` });
  });

  it("finds a staff number repeated in the file, whatever its case", () => {
    const result = validateOfficerSheet(sheet([good, [...good.slice(0, 0), "HK1", ...good.slice(1)]]), references);
    expect(result.errors).toEqual([{ row: 3, column: "staffNumber", key: "import.duplicateStaffNumber", values: { row: 2 }, value: "HK1" }]);
  });

  it("refuses retired codes for new values but keeps them on an officer who already has them", () => {
    const retired = ["HK1", "Chan", "Tai-man", "", "OLD", "CSB", "RETIRED", "a@example.test"];
    expect(validateOfficerSheet(sheet([retired]), references).errors.map((error) => error.key)).toEqual(["import.inactiveRank", "import.inactiveField"]);
    const existing = ["hk2", "Chan", "Tai-man", "", "OLD", "CSB", "RETIRED", "a@example.test"];
    const result = validateOfficerSheet(sheet([existing]), references);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ existingId: "officer-2", rankId: "rank-old", fieldIds: ["field-retired"] });
  });

  it("flags data under a blank header instead of dropping it", () => {
    const result = validateOfficerSheet(sheet([[...good, "stray"]]), references);
    expect(result.errors).toEqual([{ row: 2, column: null, key: "import.valueWithoutColumn", values: { column: 9 }, value: "stray" }]);
  });

  it("marks fields as unknown when the file has no field column, so updates keep them", () => {
    const withoutFields = headers.filter((header) => header !== "Field codes");
    const row = good.filter((_, index) => index !== 6);
    expect(validateOfficerSheet(sheet([row], withoutFields), references).rows[0].fieldIds).toBeNull();
  });

  it("splits field codes on semicolons, commas, Chinese punctuation and spaces", () => {
    expect(splitCodes("A; B,C，D；E、F  G")).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    expect(splitCodes("  ")).toEqual([]);
  });
});
