import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { languageTags, type AppLocale } from "@/lib/i18n/locales";
import { addDays, formatDateOnly } from "@/lib/dates";
import {
  createDepartment,
  createHostUnit,
  createJurisdiction,
  createOfficer,
  createPlacement,
  createRank,
  createUser,
  createTwoSidedWorld,
  type TwoSidedWorld,
} from "@/tests/factories";
import { findReportColumnChoice, saveReportColumnChoice } from "./column-choice";
import {
  auditedPlacementExportStream,
  exportSlots,
  ExportsBusyError,
  MAX_CONCURRENT_EXPORTS,
  placementExportStream,
  preparePlacementExport,
  recordPlacementExport,
  reportFilterSummary,
  type ExportReader,
} from "./export-service";
import type { PlacementReportRow } from "./export/types";
import { formattedDateSql } from "./export/report-copy";
import { countReportRecords, findReportPage, mayIncludeSendingSideFields, streamReportRecords, type ReportRecord } from "./queries";
import { reportFiltersSchema, type ExportFormat } from "./schemas";
import { actorFromUser, type ActorUserRow } from "@/lib/auth/actor";

const request = { requestId: "report-test", ipAddress: "127.0.0.1" };
const FORMULA = '=HYPERLINK("http://x","y")';

const asReader = (user: ActorUserRow, locale: AppLocale = "en"): ExportReader => ({ ...actorFromUser(user), locale });
const filters = (input: Record<string, string> = {}) => reportFiltersSchema.parse(input);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

async function download(reader: ExportReader, format: ExportFormat, input: Record<string, string> = {}) {
  const placementExport = await preparePlacementExport(reader, filters(input), format);
  const bytes = Buffer.from(await new Response(await placementExportStream(placementExport, "test")).arrayBuffer());
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
    const start = formatDateOnly(world.szToHk.startDate);
    // The Shenzhen officer starts a week after the cohort: a range ending the day before misses only them.
    expect(await countReportRecords(hk, filters({ to: start }))).toBe(2);
    expect(await countReportRecords(hk, filters({ from: "2000-01-01", to: "2000-12-31" }))).toBe(0);
  });
});

describe("export rows and columns", () => {
  it("builds host-side rows and columns without the staff number, headers in the reader's language", async () => {
    const placementExport = await preparePlacementExport(asReader(world.szCoordinator, "zh-Hans"), filters({ cohort: world.hkToSz.id }), "csv");
    expect(placementExport.columns.map((column) => column.key)).not.toContain("staffNumber");
    expect(placementExport.columns.slice(0, 3).map((column) => column.header)).toEqual(["交流批次编号", "交流批次名称", "人员"]);
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
    expect(records[0].slice(0, 3)).toEqual(["交流批次編號", "交流批次名稱", "人員"]);
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

  it("uses the columns the reader chose, in the report's order, in every format; the staff number only where allowed", async () => {
    const chooser = asReader(await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id }));
    expect(await findReportColumnChoice(chooser)).toBeNull();
    await saveReportColumnChoice(chooser, ["status", "staffNumber", "officerNameEn", "cohortCode"]);
    expect(await findReportColumnChoice(chooser)).toEqual(["cohortCode", "officerNameEn", "staffNumber", "status"]);
    for (const format of ["csv", "xlsx", "pdf"] as const) {
      // Shenzhen hosts this cohort: no staff number although chosen.
      const hosted = await preparePlacementExport(chooser, filters({ cohort: world.hkToSz.id }), format);
      expect(hosted.columns.map((column) => column.key)).toEqual(["cohortCode", "officerNameEn", "status"]);
      const sent = await preparePlacementExport(chooser, filters({ cohort: world.szToHk.id }), format);
      expect(sent.columns.map((column) => column.key)).toEqual(["cohortCode", "officerNameEn", "staffNumber", "status"]);
    }
    const records: string[][] = parse((await download(chooser, "csv", { cohort: world.hkToSz.id })).bytes, { bom: true });
    expect(records[0]).toEqual(["Cohort code", "Officer", "Status"]);
    expect(records.slice(1).every((record) => record[0] === world.hkToSz.code)).toBe(true);
    // Another user's choice is their own.
    expect((await preparePlacementExport(sz, filters({ cohort: world.hkToSz.id }), "csv")).columns.length).toBeGreaterThan(3);
  });

  it("states the filters for the PDF's title block in the reader's language", async () => {
    const cohort = { ...world.hkToSz, sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id };
    const lines = await reportFilterSummary(
      filters({ cohort: world.hkToSz.id, status: "CONFIRMED", field: world.field.id, from: "2026-01-05", to: "2026-03-31" }),
      cohort,
      "zh-Hant",
    );
    expect(lines).toEqual([
      `交流批次：${world.hkToSz.code} — ${world.hkToSz.nameZhHant}`,
      "狀態：已確認",
      `範疇：${world.field.nameZhHant}`,
      expect.stringMatching(/^派駐日期：2026年1月5日 – 2026年3月31日$/),
    ]);
    expect(await reportFilterSummary(filters(), null, "en")).toEqual(["Cohort: All cohorts"]);
  });

  it("records one audit entry per export with format, filters and row count", async () => {
    const placementExport = await preparePlacementExport(hk, filters({ cohort: world.hkToSz.id, status: "NOMINATED" }), "pdf");
    await recordPlacementExport(hk, request, placementExport);
    const entries = await db.auditLog.findMany({ where: { actorId: hk.userId, action: "report.export" } });
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

describe("CSV and XLSX written by PostgreSQL", () => {
  // Values chosen to break a careless writer: quotes, commas and line breaks, XML's special characters, characters
  // XML cannot hold, every formula trigger (full-width too), an approver whose name is a formula, both scripts.
  const POSTS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@x", "\tx", "\rx", "\uFF1DSUM(1)", "R&D <lead> & co", "Plain post"];
  const NAMES = [
    { surname: "O'Brien", givenName: "Tai-man", otherName: 'Smith, "Jr"\nsecond line', chineseName: "陳\u0007大文" },
    { surname: "Chan", givenName: "Siu-ming", otherName: null, chineseName: "陈小明" },
  ];
  let other: TwoSidedWorld;
  let reader: ExportReader;

  beforeAll(async () => {
    other = await createTwoSidedWorld(db);
    reader = asReader(other.admin);
    const rank = await createRank(db, { jurisdictionId: other.hk.id, nameEn: "=Rank", nameZhHant: "高級 <主任>", nameZhHans: "高级 & 主任" });
    const department = await createDepartment(db, { jurisdictionId: other.hk.id, nameEn: 'Dept, "Quoted"', nameZhHant: "公務員事務局", nameZhHans: "公务员事务局" });
    const hostUnit = await createHostUnit(db, { jurisdictionId: other.sz.id, nameEn: "R&D <Centre>", nameZhHant: "研發中心", nameZhHans: "研发中心", defaultCapacity: 50 });
    const approver = await createUser(db, { role: "COORDINATOR", jurisdictionId: other.hk.id, name: "=Approver & <Co>" });
    const statuses = ["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN"] as const;
    // HK calendar days 30 Sep 2024 (“Sept” in en-HK) and 3 Jan 2025, given as UTC instants on the day before.
    const approvedAt = [new Date("2024-09-29T18:00:00Z"), new Date("2025-01-02T16:30:00Z")];
    for (const [index, post] of POSTS.entries()) {
      const name = NAMES[index % NAMES.length];
      const officer = await createOfficer(db, {
        jurisdictionId: other.hk.id,
        rankId: rank.id,
        departmentId: department.id,
        ...name,
        surname: index === 0 ? name.surname : `${name.surname}${index}`,
      });
      const status = statuses[index % statuses.length];
      const approved = status === "CONFIRMED" || index % 2 === 0;
      await createPlacement(db, {
        officerId: officer.id,
        cohortId: other.hkToSz.id,
        status,
        postTitle: post,
        hostUnitId: status === "NOMINATED" ? null : hostUnit.id,
        fieldId: index % 3 === 0 ? null : other.field.id,
        sendingApprovedAt: approved ? approvedAt[index % 2] : null,
        sendingApprovedById: approved ? (index % 2 === 0 ? approver.id : other.hkCoordinator.id) : null,
        hostApprovedAt: status === "CONFIRMED" ? approvedAt[(index + 1) % 2] : null,
        hostApprovedById: status === "CONFIRMED" ? other.szCoordinator.id : null,
      });
    }
  });

  // What a spreadsheet may run (OWASP "CSV injection"), full-width forms included; written out here, not imported.
  const guard = (text: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text);
  const csvText = (value: PlacementReportRow[keyof PlacementReportRow]) =>
    value instanceof Date ? formatDateOnly(value) : value === null || value === undefined ? "" : guard(value);
  // XML 1.0 cannot hold these; the sheet drops them.
  const xmlCleaned = (text: string) => text.replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

  it.each(["en", "zh-Hant", "zh-Hans"] as const)("says in %s exactly what the report rows say", async (locale) => {
    const localReader = { ...reader, locale };
    const csv = await preparePlacementExport(localReader, filters({ cohort: other.hkToSz.id }), "csv");
    // The rows the PDF is laid out from, formatted in JavaScript: the reference for both files.
    const expected = await collect(csv.rows());
    expect(expected).toHaveLength(POSTS.length);
    const keys = csv.columns.map((column) => column.key);
    expect(keys).toContain("staffNumber");

    const records: string[][] = parse(Buffer.from(await new Response(await placementExportStream(csv, "test")).arrayBuffer()), { bom: true });
    expect(records[0]).toEqual(csv.columns.map((column) => column.header));
    // The files keep the order PostgreSQL reads the rows in; the staff number (unique) pairs them up.
    const staffColumn = keys.indexOf("staffNumber");
    const byStaffNumber = <T,>(rows: T[], staffNumber: (row: T) => unknown) => [...rows].sort((a, b) => String(staffNumber(a)).localeCompare(String(staffNumber(b))));
    const expectedRows = byStaffNumber(expected, (row) => row.staffNumber);
    expect(byStaffNumber(records.slice(1), (record) => record[staffColumn])).toEqual(expectedRows.map((row) => keys.map((key) => csvText(row[key]))));

    const xlsx = await preparePlacementExport(localReader, filters({ cohort: other.hkToSz.id }), "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await new Response(await placementExportStream(xlsx, "test")).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(POSTS.length + 1);
    const sheetRows = Array.from({ length: POSTS.length }, (_, index) => keys.map((_, column) => sheet.getRow(index + 2).getCell(column + 1)));
    for (const cell of sheetRows.flat()) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(byStaffNumber(sheetRows, (cells) => cells[staffColumn].value).map((cells) => cells.map((cell) => cell.value))).toEqual(
      expectedRows.map((row) =>
        keys.map((key) => {
          const value = row[key];
          if (value instanceof Date || value === null || value === undefined || value === "") return value || null;
          return xmlCleaned(value);
        }),
      ),
    );
  });

  it("carries the cohort's code and name, and prints control characters in names and posts as spaces", async () => {
    const localReader = { ...reader, locale: "zh-Hant" as const };
    const csv = await preparePlacementExport(localReader, filters({ cohort: other.hkToSz.id }), "csv");
    const records: string[][] = parse(Buffer.from(await new Response(await placementExportStream(csv, "test")).arrayBuffer()), { bom: true });
    expect(records[0].slice(0, 2)).toEqual(["交流批次編號", "交流批次名稱"]);
    for (const record of records.slice(1)) expect(record.slice(0, 2)).toEqual([other.hkToSz.code, other.hkToSz.nameZhHant]);
    const cells = records.slice(1).flat();
    expect(cells.filter((cell) => /[\u0000-\u001F\u007F]/.test(cell))).toEqual([]);
    expect(cells).toContain("陳 大文");
    expect(cells.some((cell) => cell.includes('Smith, "Jr" second line'))).toBe(true);

    const xlsx = await preparePlacementExport(localReader, filters({ cohort: other.hkToSz.id }), "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await new Response(await placementExportStream(xlsx, "test")).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect([sheet.getRow(1).getCell(1).text, sheet.getRow(1).getCell(2).text]).toEqual(["交流批次編號", "交流批次名稱"]);
    expect([sheet.getRow(2).getCell(1).text, sheet.getRow(2).getCell(2).text]).toEqual([other.hkToSz.code, other.hkToSz.nameZhHant]);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts.filter((text) => /[\u0000-\u001F\u007F]/.test(text))).toEqual([]);
  });

  it.each(["en", "zh-Hant", "zh-Hans"] as const)("writes every month's dates in %s as Intl does, from a Hong Kong wall-clock time", async (locale) => {
    const intl = new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "medium", timeZone: "UTC" });
    // The 3rd and the 28th of each month, 2026, as the approvals pass them: a timestamp on that day in Hong Kong.
    const days = Array.from({ length: 12 }, (_, month) => [3, 28].map((day) => new Date(Date.UTC(2026, month, day)))).flat();
    for (const day of days) {
      const wallClock = `'${formatDateOnly(day)} 23:59:59'::timestamp`;
      const [row] = await db.$queryRawUnsafe<{ text: string }[]>(`SELECT ${formattedDateSql(wallClock, locale)} AS "text"`);
      expect(row.text, day.toISOString()).toBe(intl.format(day));
    }
  });

  it("closes its database connection when the download ends or is cancelled", async () => {
    const openExports = async () =>
      (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE application_name = 'exchange-desk-export'`)[0].count;
    for (const format of ["csv", "xlsx"] as const) {
      const placementExport = await preparePlacementExport(reader, filters({ cohort: other.hkToSz.id }), format);
      const stream = await placementExportStream(placementExport, "test");
      expect(await openExports()).toBe(1);
      const body = stream.getReader();
      await body.read();
      await body.cancel();
      await expect.poll(openExports, { timeout: 10_000 }).toBe(0);
    }
    await new Response(await placementExportStream(await preparePlacementExport(reader, filters(), "csv"), "test")).arrayBuffer();
    await expect.poll(openExports, { timeout: 10_000 }).toBe(0);
  });

  it("runs at most MAX_CONCURRENT_EXPORTS exports at once, and frees a slot when an export ends or is cancelled", async () => {
    const start = async (format: ExportFormat) =>
      (await auditedPlacementExportStream(reader, { ...request, requestId: "concurrent-export" }, await preparePlacementExport(reader, filters({ cohort: other.hkToSz.id }), format))).stream;
    expect(exportSlots.inUse).toBe(0);
    // Small exports finish producing at once; the slots stand for large ones still being produced.
    const taken = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => exportSlots.take()!);
    await expect(start("csv")).rejects.toBeInstanceOf(ExportsBusyError);
    expect(await db.auditLog.count({ where: { requestId: "concurrent-export" } })).toBe(0);

    taken.pop()!();
    for (const format of ["csv", "xlsx", "pdf"] as const) {
      const stream = await start(format);
      expect(exportSlots.inUse).toBe(MAX_CONCURRENT_EXPORTS);
      await new Response(stream).arrayBuffer();
      await expect.poll(() => exportSlots.inUse, { timeout: 10_000 }).toBe(MAX_CONCURRENT_EXPORTS - 1);
    }
    const cancelled = await start("xlsx");
    await cancelled.cancel();
    await expect.poll(() => exportSlots.inUse, { timeout: 10_000 }).toBe(MAX_CONCURRENT_EXPORTS - 1);
    for (const release of taken) release();
    expect(exportSlots.inUse).toBe(0);
  });

  it("hands out the download only with its audit entry written, and sends nothing when that fails", async () => {
    const placementExport = await preparePlacementExport(reader, filters({ cohort: other.hkToSz.id }), "csv");
    const audited = { ...request, requestId: "audited-export" };
    const { stream, rowCount } = await auditedPlacementExportStream(reader, audited, placementExport);
    expect(rowCount).toBe(POSTS.length);
    expect(await db.auditLog.count({ where: { requestId: "audited-export", action: "report.export" } })).toBe(1);
    expect(parse(Buffer.from(await new Response(stream).arrayBuffer()), { bom: true })).toHaveLength(POSTS.length + 1);

    // An actor that no longer exists cannot be recorded (the audit log references users): no stream, no connection.
    const ghost = { ...reader, userId: "no-such-user" };
    await expect(auditedPlacementExportStream(ghost, { ...request, requestId: "ghost-export" }, placementExport)).rejects.toThrow();
    expect(await db.auditLog.count({ where: { requestId: "ghost-export" } })).toBe(0);
    await expect
      .poll(async () => (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE application_name = 'exchange-desk-export'`)[0].count, { timeout: 10_000 })
      .toBe(0);
  });
});
