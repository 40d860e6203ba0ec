import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildBombWorkbook, buildWorkbook, inlineRow } from "@/tests/factories/workbooks";
import { maxImportBytes, maxWorkbookUncompressedBytes, maxWorksheetColumns, maxWorksheetRows } from "./limits";
import { cellText, decodeText, detectDelimiter, parseImportFile } from "./parse";
import { checkWorkbookLimits } from "./workbook-limits";

const encode = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
const header = "Staff number,Surname,Given name,Rank code,Department code,Work email";

describe("reading CSV", () => {
  it("reads UTF-8 with and without a BOM alike, CRLF or LF, keeping Chinese text", async () => {
    const text = `${header}\r\nHK1,陳,Tai-man,EOII,CSB,a@example.test\r\n`;
    const plain = await parseImportFile(encode(text), "a.csv");
    const bom = await parseImportFile(withBom(encode(text)), "a.csv");
    expect(plain).toEqual(bom);
    expect(plain).toMatchObject({ ok: true, sheet: { format: "csv", headers: header.split(","), rows: [{ rowNumber: 2, cells: ["HK1", "陳", "Tai-man", "EOII", "CSB", "a@example.test"] }] } });
  });

  it("reads semicolon- and tab-separated files and quoted cells with separators and line breaks", async () => {
    const semicolon = await parseImportFile(encode(`a;b\n"x;1";"line\nbreak"\n`), "a.csv");
    expect(semicolon).toMatchObject({ ok: true, sheet: { headers: ["a", "b"], rows: [{ cells: ["x;1", "line\nbreak"] }] } });
    const tab = await parseImportFile(encode("a\tb\n1\t2\n"), "a.tsv");
    expect(tab).toMatchObject({ ok: true, sheet: { rows: [{ cells: ["1", "2"] }] } });
  });

  it("reads UTF-16 text as Excel's Unicode Text writes it", async () => {
    const text = "a\tb\n陳\t2\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) new DataView(bytes.buffer).setUint16(2 + index * 2, text.charCodeAt(index), true);
    expect(await parseImportFile(bytes, "a.txt")).toMatchObject({ ok: true, sheet: { rows: [{ cells: ["陳", "2"] }] } });
  });

  it("skips blank rows and # comment rows but numbers rows as a spreadsheet does", async () => {
    const result = await parseImportFile(encode(`# instructions\n"# more, with a comma"\n${header}\n\n,,,,,\nHK1,a,b,c,d,e\n`), "a.csv");
    expect(result).toMatchObject({ ok: true, sheet: { headers: header.split(","), rows: [{ rowNumber: 6, cells: ["HK1", "a", "b", "c", "d", "e"] }] } });
  });

  it("says why a file cannot be read", async () => {
    expect(await parseImportFile(new Uint8Array(), "a.csv")).toEqual({ ok: false, problem: { key: "emptyFile" } });
    expect(await parseImportFile(encode(header), "a.csv")).toEqual({ ok: false, problem: { key: "noRows" } });
    expect(await parseImportFile(encode("\n\n# only comments\n"), "a.csv")).toEqual({ ok: false, problem: { key: "noHeader" } });
    expect(await parseImportFile(encode(`${header}\n"unclosed,quote\n`), "a.csv")).toMatchObject({ ok: false, problem: { key: "malformedCsv" } });
    expect(await parseImportFile(encode("x"), "a.docx")).toEqual({ ok: false, problem: { key: "wrongFileType", values: { extension: "docx" } } });
    expect(await parseImportFile(encode("x"), "no-extension")).toEqual({ ok: false, problem: { key: "wrongFileType", values: { extension: "?" } } });
    expect(await parseImportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "a.xls")).toEqual({ ok: false, problem: { key: "legacyExcel" } });
    expect(await parseImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.xlsx")).toEqual({ ok: false, problem: { key: "notAWorkbook" } });
    expect(await parseImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.csv")).toEqual({ ok: false, problem: { key: "wrongFileType", values: { extension: "csv" } } });
    expect(await parseImportFile(new Uint8Array(maxImportBytes + 1), "a.csv")).toMatchObject({ ok: false, problem: { key: "fileTooLarge" } });
    const rows = Array.from({ length: 10_001 }, (_, index) => `S${index},a,b,c,d,e`).join("\n");
    expect(await parseImportFile(encode(`${header}\n${rows}\n`), "a.csv")).toEqual({ ok: false, problem: { key: "tooManyRows", values: { maximum: 10_000 } } });
  });

  it("refuses legacy code pages (Big5, GBK) rather than guess", () => {
    expect(decodeText(new Uint8Array([0xb3, 0xaf, 0xa4, 0x6a]))).toBeNull();
    expect(decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
    expect(decodeText(encode("陳大文"))).toBe("陳大文");
  });

  it("detects the separator from the header line, ignoring quoted text", () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3')).toBe(";");
    expect(detectDelimiter("a\tb,c\td")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("reading XLSX", () => {
  it("takes the Officers sheet when there is one, and the cell text the user sees", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Instructions").addRow(["read me"]);
    const sheet = workbook.addWorksheet("人員");
    sheet.addRow(["Staff number", "Surname"]);
    sheet.addRow([12345, { formula: "UPPER(\"chan\")", result: "CHAN" }]);
    const result = await parseImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "book.xlsx");
    expect(result).toMatchObject({ ok: true, sheet: { format: "xlsx", headers: ["Staff number", "Surname"], rows: [{ rowNumber: 2, cells: ["12345", "CHAN"] }] } });
  });

  it("turns every kind of cell value into text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(42)).toBe("42");
    expect(cellText(1.5)).toBe("1.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(new Date(Date.UTC(2024, 1, 3)))).toBe("2024-02-03");
    expect(cellText({ richText: [{ text: "陳" }, { text: "大文" }] })).toBe("陳大文");
    expect(cellText({ text: "a@example.test", hyperlink: "mailto:a@example.test" })).toBe("a@example.test");
    expect(cellText({ text: { richText: [{ text: "b@example.test" }] }, hyperlink: "mailto:b@example.test" })).toBe("b@example.test");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
  });
});

describe("reading XLSX within limits (before exceljs builds it in memory)", () => {
  const header = inlineRow(1, ["Staff number", "Surname"]);

  it("refuses a decompression bomb: a few hundred kilobytes that expand past the limit", async () => {
    const bomb = buildBombWorkbook({ rows: 4_000, cellBytes: 12_000 });
    expect(bomb.byteLength).toBeLessThan(maxImportBytes);
    expect(await parseImportFile(bomb, "bomb.xlsx")).toEqual({ ok: false, problem: { key: "workbookTooLarge", values: { megabytes: maxWorkbookUncompressedBytes / 1024 / 1024 } } });
  });

  it("refuses a sheet with more rows than the limit, counting row numbers as well as row elements", async () => {
    const rows = Array.from({ length: maxWorksheetRows }, (_, index) => `<row r="${index + 2}"><c r="A${index + 2}"><v>${index}</v></c></row>`).join("");
    expect(await parseImportFile(buildWorkbook(header + rows), "rows.xlsx")).toEqual({ ok: false, problem: { key: "worksheetTooManyRows", values: { maximum: maxWorksheetRows } } });
    const farDown = `<row r="${maxWorksheetRows + 1}"><c r="A${maxWorksheetRows + 1}"><v>1</v></c></row>`;
    expect(await parseImportFile(buildWorkbook(header + farDown), "far.xlsx")).toMatchObject({ ok: false, problem: { key: "worksheetTooManyRows" } });
  });

  it("refuses cells, merged ranges and column records beyond the column limits", async () => {
    const wide = `<row r="2"><c r="A2"><v>1</v></c><c r="BM2"><v>2</v></c></row>`;
    expect(await parseImportFile(buildWorkbook(header + wide), "wide.xlsx")).toEqual({ ok: false, problem: { key: "tooManyColumns", values: { maximum: maxWorksheetColumns } } });
    const manyCells = `<row r="2">${Array.from({ length: maxWorksheetColumns + 1 }, () => "<c><v>1</v></c>").join("")}</row>`;
    expect(await parseImportFile(buildWorkbook(header + manyCells), "cells.xlsx")).toMatchObject({ ok: false, problem: { key: "tooManyColumns" } });
    const merged = buildWorkbook(header, { afterSheetData: `<mergeCells count="1"><mergeCell ref="A2:A30000"/></mergeCells>` });
    expect(await parseImportFile(merged, "merged.xlsx")).toMatchObject({ ok: false, problem: { key: "worksheetTooManyRows" } });
    const columnRecord = buildWorkbook(header, { beforeSheetData: `<cols><col min="1" max="20000" width="9"/></cols>` });
    expect(await parseImportFile(columnRecord, "cols.xlsx")).toMatchObject({ ok: false, problem: { key: "tooManyColumns" } });
  });

  it("reads a hand-built workbook within the limits, including Excel's hidden columns up to XFD", async () => {
    const workbook = buildWorkbook(header + inlineRow(2, ["HK1", "Chan"]), { beforeSheetData: `<cols><col min="3" max="16384" hidden="1"/></cols>` });
    expect(await parseImportFile(workbook, "ok.xlsx")).toMatchObject({ ok: true, sheet: { headers: ["Staff number", "Surname"], rows: [{ rowNumber: 2, cells: ["HK1", "Chan"] }] } });
  });
});

describe("checking a workbook's archive", () => {
  it("refuses an entry that inflates to more than its header declares, at the first excess byte", async () => {
    const liar = buildBombWorkbook({ rows: 4_000, cellBytes: 12_000, declaredSheetSize: 4_096 });
    expect(await checkWorkbookLimits(liar)).toEqual({ key: "notAWorkbook" });
  });

  it("refuses a lie that would stay under the limit too, and a damaged archive", async () => {
    const small = buildWorkbook(inlineRow(1, ["Staff number"]) + inlineRow(2, ["HK1"]));
    expect(await checkWorkbookLimits(small)).toBeNull();
    const understated = buildWorkbook(inlineRow(1, ["Staff number"]) + inlineRow(2, ["HK1"]), { declaredSheetSize: 10 });
    expect(await checkWorkbookLimits(understated)).toEqual({ key: "notAWorkbook" });
    expect(await checkWorkbookLimits(small.slice(0, small.byteLength - 30))).toEqual({ key: "notAWorkbook" });
  });

  it("passes the workbooks exceljs writes (data descriptors, shared strings)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Officers");
    for (let row = 0; row < 200; row++) sheet.addRow([`HK${row}`, "陳", "Tai-man"]);
    expect(await checkWorkbookLimits(new Uint8Array(await workbook.xlsx.writeBuffer()))).toBeNull();
  });
});

describe("formula cells", () => {
  it("reports a formula saved without its value by its cell, instead of importing [object Object]", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Officers");
    sheet.addRow(["Staff number", "Surname", "Given name"]);
    sheet.addRow(["HK1", { formula: "UPPER(\"chan\")", result: "CHAN" }, "Tai-man"]);
    sheet.addRow(["HK2", "Wong", "Siu-ming"]);
    sheet.addRow(["HK3", "Lee", { formula: "B4&\"x\"" }]);
    const result = await parseImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "formulas.xlsx");
    expect(result).toMatchObject({ ok: true, sheet: { rows: [{ cells: ["HK1", "CHAN", "Tai-man"] }, {}, { rowNumber: 4, cells: ["HK3", "Lee", ""] }] } });
    expect(result.ok && result.sheet.cellProblems).toEqual([{ rowNumber: 4, columnIndex: 2, cell: "C4", key: "formulaWithoutValue" }]);
  });

  it("refuses a header row whose heading is a formula without a value, naming the cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Officers");
    sheet.addRow(["Staff number", { formula: "\"Sur\"&\"name\"" }]);
    sheet.addRow(["HK1", "Chan"]);
    expect(await parseImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "header.xlsx")).toEqual({ ok: false, problem: { key: "formulaWithoutValue", values: { cell: "B1" } } });
  });
});
