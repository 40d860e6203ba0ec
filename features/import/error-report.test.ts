import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { importErrorReportCsv } from "./error-report";

const headers = ["Row", "Column", "Value entered", "Problem"] as const;

describe("importErrorReportCsv", () => {
  it("writes one line per problem with the value entered, readable by a CSV reader, Chinese intact", () => {
    const text = importErrorReportCsv(headers, [
      { row: 2, column: "Rank code", value: "NOPE", problem: "\"NOPE\" is not a rank code of your side." },
      { row: 3, column: "Chinese name", value: "陳, 大文", problem: "名稱無效" },
    ]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      ["Row", "Column", "Value entered", "Problem"],
      ["2", "Rank code", "NOPE", "\"NOPE\" is not a rank code of your side."],
      ["3", "Chinese name", "陳, 大文", "名稱無效"],
    ]);
  });

  it("escapes values a spreadsheet would run as formulas", () => {
    const values = ["=HYPERLINK(\"http://evil.test\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB"];
    const text = importErrorReportCsv(headers, values.map((value, index) => ({ row: index + 2, column: "Surname", value, problem: "Invalid" })));
    const cells = (parse(text.slice(1)) as string[][]).slice(1).map((record) => record[2]);
    expect(cells).toEqual(values.map((value) => `'${value}`));
  });
});
