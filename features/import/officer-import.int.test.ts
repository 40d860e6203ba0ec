import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { createOfficer as createOfficerRow, createTwoSidedWorld, uniqueSuffix as suffix, type TwoSidedWorld } from "@/tests/factories";

/** Staff numbers are stored upper-case; the test data is written that way so lookups match. */
const uniqueSuffix = () => suffix().toUpperCase();
import { commitOfficerImport, ImportRejectedError, previewOfficerImport, sha256Of, type ImportFile } from "./officer-import";
import { parseImportFile } from "./parse";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateTexts } from "./template";
import { actorFromUser } from "@/lib/auth/actor";

const request = { requestId: `import-${uniqueSuffix()}`, ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let hk: Actor;
let sz: Actor;


beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  hk = actorFromUser(world.hkCoordinator);
  sz = actorFromUser(world.szCoordinator);
});
afterAll(async () => db.$disconnect());

const header = "Staff number,Surname,Given name,Other name,Chinese name,Rank code,Department code,Field codes,Work email";
const csvFile = (lines: string[], { bom = false, name = "officers.csv", eol = "\n" } = {}): ImportFile => {
  const text = [header, ...lines].join(eol) + eol;
  const bytes = new TextEncoder().encode(text);
  return { name, bytes: bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes };
};
const row = (staffNumber: string, overrides: Partial<Record<"surname" | "given" | "other" | "chinese" | "rank" | "department" | "fields" | "email", string>> = {}) =>
  [
    staffNumber,
    overrides.surname ?? "Mok",
    overrides.given ?? "Ka-yan",
    overrides.other ?? "Kathy",
    overrides.chinese ?? "莫嘉欣",
    overrides.rank ?? "STP",
    overrides.department ?? "PLAND",
    overrides.fields ?? world.field.code,
    overrides.email ?? `${staffNumber.toLowerCase()}@example.test`,
  ].join(",");

async function commit(actor: Actor, file: ImportFile) {
  return commitOfficerImport(actor, request, file, sha256Of(file.bytes));
}

describe("officer import", () => {
  it("previews and then commits a valid CSV with a BOM, creating officers on the coordinator's side with their fields", async () => {
    const numbers = [`A${uniqueSuffix()}`, `B${uniqueSuffix()}`];
    const file = csvFile([row(numbers[0]), row(numbers[1], { chinese: "", other: "" })], { bom: true, eol: "\r\n" });
    const preview = await previewOfficerImport(hk, file);
    expect(preview).toMatchObject({ rowCount: 2, counts: { create: 2, update: 0, unchanged: 0 }, errorCount: 0, fileProblems: [] });
    expect(await db.officer.count({ where: { staffNumber: { in: numbers } } })).toBe(0);

    const result = await commit(hk, file);
    expect(result.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
    const stored = await db.officer.findMany({ where: { staffNumber: { in: numbers } }, include: { fields: true }, orderBy: { staffNumber: "asc" } });
    expect(stored.map((officer) => [officer.jurisdictionId, officer.chineseName, officer.fields.length])).toEqual([
      [world.hk.id, "莫嘉欣", 1],
      [world.hk.id, null, 1],
    ]);
    const summary = await db.auditLog.findFirstOrThrow({ where: { action: "officer.import", actorId: hk.userId }, orderBy: { id: "desc" } });
    expect(summary.after).toMatchObject({ created: 2, updated: 0, unchanged: 0, rows: 2, fileName: "officers.csv" });
    expect(await db.auditLog.count({ where: { action: "officer.importCreate", entityId: { in: stored.map((officer) => officer.id) } } })).toBe(2);
  });

  it("reads UTF-8 without a BOM, semicolon-separated, with headers in Chinese and in any order", async () => {
    const number = `C${uniqueSuffix()}`;
    const text = `職員編號;工作電郵;姓氏（英文）;名字（英文）;職級代碼;部門代碼\n${number};c@example.test;Lau;Chun-kit;STP;PLAND\n`;
    const file = { name: "人員.csv", bytes: new TextEncoder().encode(text) };
    const result = await commit(hk, file);
    expect(result.counts.create).toBe(1);
    expect(await db.officer.findFirst({ where: { staffNumber: number, jurisdictionId: world.hk.id } })).toMatchObject({ surname: "Lau", workEmail: "c@example.test" });
  });

  it("upserts by staff number within the coordinator's side only, and leaves unchanged rows alone", async () => {
    const existing = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    const untouched = await createOfficerRow(db, {
      jurisdictionId: world.hk.id,
      rankId: world.hkRank.id,
      departmentId: world.hkDepartment.id,
      surname: "Same",
      givenName: "Siu-fong",
      otherName: null,
      chineseName: null,
      workEmail: "same@example.test",
    });
    // An officer with the same staff number on the other side is someone else and must not change.
    const otherSide = await createOfficerRow(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id, staffNumber: existing.staffNumber });
    const file = csvFile([
      row(existing.staffNumber, { surname: "Renamed" }),
      [untouched.staffNumber, "Same", "Siu-fong", "", "", "STP", "PLAND", "", "same@example.test"].join(","),
    ]);
    const result = await commit(hk, file);
    expect(result.counts).toEqual({ create: 0, update: 1, unchanged: 1 });
    expect(await db.officer.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ surname: "Renamed", version: 2 });
    expect(await db.officer.findUniqueOrThrow({ where: { id: untouched.id } })).toMatchObject({ version: 1 });
    expect(await db.officer.findUniqueOrThrow({ where: { id: otherSide.id } })).toMatchObject({ surname: otherSide.surname, version: 1 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: existing.id, action: "officer.importUpdate" } });
    expect(entry.before).toMatchObject({ surname: existing.surname });
    expect(entry.after).toMatchObject({ surname: "Renamed" });
  });

  it("reports invalid rows by row and column and writes nothing, even for the valid rows", async () => {
    const good = `D${uniqueSuffix()}`;
    const file = csvFile([
      row(good),
      row(`E${uniqueSuffix()}`, { email: "not-an-email", rank: "NOPE" }),
      row("", { surname: "" }),
      row(good),
      row(`F${uniqueSuffix()}`, { chinese: "Chan Tai Man", fields: "NO_SUCH_FIELD" }),
      row(`G${uniqueSuffix()}`, { rank: "DC" }),
    ]);
    const preview = await previewOfficerImport(hk, file);
    const cells = preview.errors.map((error) => `${error.row}:${error.column}:${error.key}`);
    expect(cells).toEqual(
      expect.arrayContaining([
        "3:workEmail:errors.invalidEmail",
        "3:rankCode:import.unknownRank",
        "4:staffNumber:errors.required",
        "4:surname:errors.required",
        "5:staffNumber:import.duplicateStaffNumber",
        "6:chineseName:errors.invalidChineseName",
        // A rank of the other side is not a rank of this side.
        "7:rankCode:import.unknownRank",
      ]),
    );
    expect(preview.errorCount).toBe(preview.errors.length);
    const before = await db.officer.count();
    const auditBefore = await db.auditLog.count();
    const refusal = await commit(hk, file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRejectedError);
    expect((refusal as ImportRejectedError).preview.errorCount).toBe(preview.errorCount);
    expect(await db.officer.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses files that are not a CSV or XLSX, and says why", async () => {
    const pdf = { name: "officers.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n") };
    expect((await previewOfficerImport(hk, pdf)).fileProblems).toEqual([{ key: "wrongFileType", values: { extension: "pdf" } }]);
    const png = { name: "officers.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) };
    expect((await previewOfficerImport(hk, png)).fileProblems).toEqual([{ key: "notUtf8" }]);
    const big5 = { name: "officers.csv", bytes: new Uint8Array([...new TextEncoder().encode(`${header}\nX1,Chan,Tai-man,,`), 0xb3, 0xaf, 0xa4, 0x6a, ...new TextEncoder().encode(",STP,PLAND,,x@example.test\n")]) };
    expect((await previewOfficerImport(hk, big5)).fileProblems).toEqual([{ key: "notUtf8" }]);
    const fakeWorkbook = { name: "officers.xlsx", bytes: new TextEncoder().encode(header) };
    expect((await previewOfficerImport(hk, fakeWorkbook)).fileProblems).toEqual([{ key: "notAWorkbook" }]);
    const unknownColumn = { name: "officers.csv", bytes: new TextEncoder().encode(`${header},Salary\n${row("X1")},1\n`) };
    expect((await previewOfficerImport(hk, unknownColumn)).fileProblems).toEqual([{ key: "unknownColumn", values: { header: "Salary" } }]);
    await expect(commit(hk, pdf)).rejects.toBeInstanceOf(ImportRejectedError);
  });

  it("reads an Excel workbook: numeric staff numbers, hyperlinked emails, rich text, the Officers sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Codes").addRow(["Rank code", "STP"]);
    const sheet = workbook.addWorksheet("Officers");
    sheet.addRow(header.split(","));
    const numeric = Number(`9${Date.now() % 1_000_000_000}`);
    const text = `H${uniqueSuffix()}`;
    sheet.addRow([numeric, "Kwan", "Wai-man", null, "關慧敏", "STP", "PLAND", world.field.code, { text: "kwan@example.test", hyperlink: "mailto:kwan@example.test" }]);
    sheet.addRow([text, { richText: [{ text: "Ch" }, { text: "eung", font: { bold: true } }] }, "Hoi", null, null, "stp", "pland", null, "cheung@example.test"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = { name: "Officers.XLSX", bytes };
    const preview = await previewOfficerImport(hk, file);
    expect(preview).toMatchObject({ format: "xlsx", errorCount: 0, counts: { create: 2 } });
    await commit(hk, file);
    expect(await db.officer.findFirst({ where: { staffNumber: String(numeric) } })).toMatchObject({ workEmail: "kwan@example.test", chineseName: "關慧敏" });
    expect(await db.officer.findFirst({ where: { staffNumber: text } })).toMatchObject({ surname: "Cheung" });
  });

  it("imports a formula's cached result, and reports a formula saved without a value as an error of its cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Officers");
    sheet.addRow(header.split(","));
    const [calculated, uncalculated] = [`F${uniqueSuffix()}`, `G${uniqueSuffix()}`];
    sheet.addRow([calculated, { formula: 'PROPER("chow")', result: "Chow" }, "Ka-ho", null, null, "STP", "PLAND", null, "chow@example.test"]);
    sheet.addRow([uncalculated, "Yip", { formula: 'PROPER("wing")' }, null, null, "STP", "PLAND", null, "yip@example.test"]);
    const file = { name: "formulas.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
    const preview = await previewOfficerImport(hk, file);
    // One error, naming the cell, instead of "[object Object]" imported as a given name (or "required" for an empty one).
    expect(preview.errors).toEqual([{ row: 3, column: "givenName", key: "import.problems.formulaWithoutValue", values: { cell: "C3" } }]);
    expect(preview).toMatchObject({ errorCount: 1, counts: { create: 1, update: 0, unchanged: 0 } });
    await expect(commit(hk, file)).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await db.officer.count({ where: { staffNumber: { in: [calculated, uncalculated] } } })).toBe(0);

    sheet.spliceRows(3, 1);
    const fixed = { name: "formulas.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
    await commit(hk, fixed);
    expect(await db.officer.findFirst({ where: { staffNumber: calculated } })).toMatchObject({ surname: "Chow", givenName: "Ka-ho" });
  });

  it("commits only the file that was previewed", async () => {
    const file = csvFile([row(`I${uniqueSuffix()}`)]);
    await expect(commitOfficerImport(hk, request, file, "0".repeat(64))).rejects.toMatchObject({ messageKey: "importFileChanged" });
  });

  it("is for coordinators only", async () => {
    const file = csvFile([row(`J${uniqueSuffix()}`)]);
    const admin = actorFromUser(world.admin);
    const supervisor = actorFromUser(world.szSupervisor);
    await expect(previewOfficerImport(admin, file)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commit(supervisor, file)).rejects.toBeInstanceOf(ForbiddenError);
    // The Shenzhen coordinator's import lands on the Shenzhen side; HK codes are not its codes.
    const preview = await previewOfficerImport(sz, file);
    expect(preview.errors.map((error) => error.key)).toEqual(["import.unknownRank", "import.unknownDepartment"]);
  });

  it("commits 5,000 rows in one transaction", async () => {
    const prefix = `K${uniqueSuffix()}-`;
    const lines = Array.from({ length: 5000 }, (_, index) => row(`${prefix}${index}`, { surname: `Bulk${index}` }));
    const file = csvFile(lines, { bom: true });
    const result = await commit(hk, file);
    expect(result.counts.create).toBe(5000);
    expect(await db.officer.count({ where: { staffNumber: { startsWith: prefix.toUpperCase() } } })).toBe(5000);
    expect(await db.officerField.count({ where: { officer: { staffNumber: { startsWith: prefix.toUpperCase() } } } })).toBe(5000);
    // Importing the same file again changes nothing.
    expect((await commit(hk, file)).counts).toEqual({ create: 0, update: 0, unchanged: 5000 });
  });
});

describe("import templates", () => {
  const texts: TemplateTexts = {
    officersSheet: "人員",
    codesSheet: "代碼",
    instructionsSheet: "填寫說明",
    instructions: ["One officer per row."],
    codeKinds: { rank: "Rank", department: "Department", field: "Field" },
    codeHeaders: { kind: "Type", code: "Code", name: "Name" },
  };

  it("gives a CSV with a BOM whose instructions and codes the import skips, and whose header it reads", async () => {
    const csv = await buildCsvTemplate(hk, "zh-Hant", texts);
    expect(csv.startsWith("\uFEFF# One officer per row.")).toBe(true);
    expect(csv).toContain("# Rank: STP — 高級城市規劃師");
    expect(csv).not.toContain("DC —");
    const filled = `${csv}${row(`T${uniqueSuffix()}`)}\r\n`;
    const preview = await previewOfficerImport(hk, { name: "template.csv", bytes: new TextEncoder().encode(filled) });
    expect(preview).toMatchObject({ errorCount: 0, fileProblems: [], counts: { create: 1 } });
  });

  it("gives an XLSX whose officer sheet the import reads, with the side's codes on their own sheet", async () => {
    const bytes = await buildXlsxTemplate(sz, "en", texts);
    expect(await parseImportFile(bytes, "template.xlsx")).toEqual({ ok: false, problem: { key: "noRows" } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const codes = workbook.getWorksheet("代碼")!.getColumn(2).values.slice(2);
    expect(codes).toEqual(expect.arrayContaining(["DC", "SZPNR", world.field.code]));
    expect(codes).not.toContain("STP");
    const sheet = workbook.getWorksheet("人員")!;
    sheet.addRow([`Z${uniqueSuffix()}`, "Zhou", "Minghui", null, "周明辉", "DC", "SZPNR", world.field.code, "zhou@example.test"]);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await previewOfficerImport(sz, { name: "template.xlsx", bytes: filled })).toMatchObject({ errorCount: 0, counts: { create: 1 } });
  });
});
