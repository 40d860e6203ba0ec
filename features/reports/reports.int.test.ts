import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { addDays, createJurisdiction, createOfficer, createPlacement, createUser, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { placementExportStream, preparePlacementExport, recordPlacementExport, type ExportReader } from "./export-service";
import { countReportRecords, findReportPage, mayIncludeSendingSideFields, streamReportRecords, type ReportRecord } from "./queries";
import { reportFiltersSchema, type ExportFormat } from "./schemas";

const request = { requestId: "report-test", ipAddress: "127.0.0.1" };
const FORMULA = '=HYPERLINK("http://x","y")';

type UserRow = { id: string; email: string; name: string; role: Actor["role"]; jurisdictionId: string | null; officerId: string | null; hostUnitId: string | null };
const asReader = (user: UserRow, locale: AppLocale = "en"): ExportReader => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  jurisdictionId: user.jurisdictionId,
  officerId: user.officerId,
  hostUnitId: user.hostUnitId,
  locale,
});
const filters = (input: Record<string, string> = {}) => reportFiltersSchema.parse(input);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

async function download(reader: ExportReader, format: ExportFormat, input: Record<string, string> = {}) {
  const placementExport = await preparePlacementExport(reader, filters(input), format);
  const bytes = Buffer.from(await new Response(placementExportStream(placementExport, "test")).arrayBuffer());
  return { placementExport, bytes };
}

let world: TwoSidedWorld;
let hk: ExportReader, sz: ExportReader, admin: ExportReader, thirdCity: ExportReader;
let formulaOfficer: { staffNumber: string };
let mainlandOfficer: { staffNumber: string };

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  hk = asReader(world.hkCoordinator);
  sz = asReader(world.szCoordinator);
  admin = asReader(world.admin);
  const elsewhere = await createJurisdiction(db, { nameEn: "Wuhan (test)" });
  thirdCity = asReader(await createUser(db, { role: "COORDINATOR", jurisdictionId: elsewhere.id }));

  // Hong Kong → Shenzhen: a confirmed placement of an officer whose name is a spreadsheet formula, and a nomination.
  const [first, second] = world.hkOfficers;
  await db.officer.update({ where: { id: first.id }, data: { chineseName: FORMULA, surname: FORMULA } });
  formulaOfficer = first;
  await createPlacement(db, {
    officerId: first.id,
    cohortId: world.hkToSz.id,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Special Assistant to Deputy District Head",
    status: "CONFIRMED",
    sendingApprovedById: world.hkCoordinator.id,
    hostApprovedById: world.szCoordinator.id,
  });
  await createPlacement(db, { officerId: second.id, cohortId: world.hkToSz.id, fieldId: world.field.id });

  // Shenzhen → Hong Kong: a Shenzhen officer with a Simplified Chinese name, assigned to a Hong Kong host unit.
  const szOfficer = await createOfficer(db, {
    jurisdictionId: world.sz.id,
    rankId: world.szRank.id,
    departmentId: world.szDepartment.id,
    surname: "Chen",
    givenName: "Dawen",
    chineseName: "陈大文",
  });
  mainlandOfficer = szOfficer;
  await createPlacement(db, {
    officerId: szOfficer.id,
    cohortId: world.szToHk.id,
    hostUnitId: world.hkHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Attachment Officer, District Planning",
    startDate: addDays(world.szToHk.startDate, 7),
  });
});
afterAll(async () => db.$disconnect());

describe("report scope", () => {
  it("gives a coordinator the placements of every cohort its side takes part in, and nothing else", async () => {
    expect(await countReportRecords(hk, filters())).toBe(3);
    expect(await countReportRecords(sz, filters())).toBe(3);
    expect(await countReportRecords(admin, filters())).toBeGreaterThanOrEqual(3);
  });

  it("gives a coordinator of a third city nothing, and a guessed cohort id answers not found", async () => {
    expect(await countReportRecords(thirdCity, filters())).toBe(0);
    expect(await collect(streamReportRecords(thirdCity, filters(), "en"))).toEqual([]);
    expect(await findReportPage(thirdCity, filters(), 1, "en")).toEqual([]);
    await expect(preparePlacementExport(thirdCity, filters({ cohort: world.hkToSz.id }), "csv")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reads staff numbers only for rows whose cohort the reader sends", async () => {
    const hkRecords = await collect(streamReportRecords(hk, filters(), "en"));
    const bySide = (records: ReportRecord[], cohortOfficers: string[]) => records.filter((record) => cohortOfficers.includes(record.staffNumber ?? ""));
    expect(bySide(hkRecords, [formulaOfficer.staffNumber])).toHaveLength(1);
    // The Shenzhen officer is in a cohort Hong Kong hosts: no staff number even in the raw record.
    expect(hkRecords.find((record) => record.chineseName === "陈大文")?.staffNumber).toBeNull();
    const szRecords = await collect(streamReportRecords(sz, filters({ cohort: world.hkToSz.id }), "en"));
    expect(szRecords).toHaveLength(2);
    expect(szRecords.every((record) => record.staffNumber === null)).toBe(true);
  });

  it("offers the staff number column only when every covered cohort is sent by the reader's side", async () => {
    expect(await mayIncludeSendingSideFields(admin, filters())).toBe(true);
    expect(await mayIncludeSendingSideFields(hk, filters({ cohort: world.hkToSz.id }))).toBe(true);
    expect(await mayIncludeSendingSideFields(hk, filters({ cohort: world.szToHk.id }))).toBe(false);
    expect(await mayIncludeSendingSideFields(hk, filters())).toBe(false); // mixed: sends one cohort, hosts another
    expect(await mayIncludeSendingSideFields(sz, filters({ cohort: world.hkToSz.id }))).toBe(false);
    expect(await mayIncludeSendingSideFields(thirdCity, filters())).toBe(false);
  });

  it("filters by status, host unit, home department, field and overlapping dates", async () => {
    expect(await countReportRecords(hk, filters({ status: "NOMINATED" }))).toBe(1);
    expect(await countReportRecords(hk, filters({ hostUnit: world.szHostUnits[0].id }))).toBe(1);
    expect(await countReportRecords(hk, filters({ department: world.szDepartment.id }))).toBe(1);
    expect(await countReportRecords(hk, filters({ field: world.field.id }))).toBe(3);
    const start = world.szToHk.startDate.toISOString().slice(0, 10);
    // The Shenzhen officer starts a week after the cohort: a range ending the day before misses only them.
    expect(await countReportRecords(hk, filters({ to: start }))).toBe(2);
    expect(await countReportRecords(hk, filters({ from: "2000-01-01", to: "2000-12-31" }))).toBe(0);
  });
});

describe("export rows and columns", () => {
  it("builds host-side rows and columns without the staff number, headers in the reader's language", async () => {
    const placementExport = await preparePlacementExport(asReader(world.szCoordinator, "zh-Hans"), filters({ cohort: world.hkToSz.id }), "csv");
    expect(placementExport.columns.map((column) => column.key)).not.toContain("staffNumber");
    expect(placementExport.columns[0].header).toBe("人员");
    const rows = await collect(placementExport.rows());
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => !("staffNumber" in row))).toBe(true);
    expect(rows.map((row) => row.officerNameZh)).toContain("彭志榮");
    expect(placementExport.filename).toMatch(/^placement-report-hksz-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("builds sending-side rows with the staff number and readable approvals", async () => {
    const placementExport = await preparePlacementExport(hk, filters({ cohort: world.hkToSz.id, status: "CONFIRMED" }), "xlsx");
    expect(placementExport.columns.map((column) => column.key)).toContain("staffNumber");
    const [row] = await collect(placementExport.rows());
    expect(row.staffNumber).toBe(formulaOfficer.staffNumber);
    expect(row.status).toMatch(/^(Confirmed|Active)$/);
    expect(row.sendingApproval).toMatch(new RegExp(`^Approved .+ by ${world.hkCoordinator.name}$`));
    expect(row.hostApproval).toMatch(new RegExp(`by ${world.szCoordinator.name}$`));
  });

  it("writes a CSV with BOM, both scripts, and the formula name neutralised; the host side gets no staff numbers", async () => {
    const { bytes } = await download(asReader(world.hkCoordinator, "zh-Hant"), "csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0][0]).toBe("人員");
    expect(records[0]).not.toContain("員工編號"); // mixed report: no staff number column
    const cells = records.flat();
    expect(cells).toContain(`'${FORMULA}`);
    // The officer name starts with the surname, in capitals: neutralised as a whole cell.
    expect(cells.some((cell) => cell.startsWith(`'${FORMULA.toUpperCase()} `))).toBe(true);
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(cells).toContain("陈大文");
    expect(cells).toContain("彭志榮");
    expect(records).toHaveLength(4);

    const host = parse((await download(sz, "csv", { cohort: world.hkToSz.id })).bytes, { bom: true }) as string[][];
    expect(host[0]).not.toContain("Staff number");
    expect(host.flat()).not.toContain(formulaOfficer.staffNumber);
    const sending = parse((await download(sz, "csv", { cohort: world.szToHk.id })).bytes, { bom: true }) as string[][];
    expect(sending[0]).toContain("Staff number");
    expect(sending.flat()).toContain(mainlandOfficer.staffNumber);
  });

  it("writes an XLSX whose text stays text and whose dates are dates", async () => {
    const { bytes, placementExport } = await download(admin, "xlsx", { cohort: world.hkToSz.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const column = (key: string) => placementExport.columns.findIndex((candidate) => candidate.key === key) + 1;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts).toContain(FORMULA);
    expect(texts).toContain("彭志榮");
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(column("startDate")).type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.rowCount).toBe(3);
  });

  it("records one audit entry per export with format, filters and row count", async () => {
    const placementExport = await preparePlacementExport(hk, filters({ cohort: world.hkToSz.id, status: "NOMINATED" }), "pdf");
    await recordPlacementExport(hk, request, placementExport);
    const entries = await db.auditLog.findMany({ where: { actorId: hk.userId, action: "report.exported" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: "PlacementReport", entityId: world.hkToSz.id, requestId: "report-test" });
    expect(entries[0].after).toMatchObject({
      format: "pdf",
      filters: { cohort: world.hkToSz.id, status: "NOMINATED" },
      rowCount: 1,
      filename: placementExport.filename,
    });
  });

  it("refuses an actor without the export permission", async () => {
    const officer = asReader(world.hkOfficerUsers[0]);
    await expect(preparePlacementExport(officer, filters(), "csv")).rejects.toThrow(/forbidden/);
    const supervisor = asReader(world.szSupervisor);
    await expect(preparePlacementExport(supervisor, filters(), "csv")).rejects.toThrow(/forbidden/);
  });
});
