import "server-only";
// The CSV and XLSX exports are produced by PostgreSQL itself (`COPY … TO STDOUT`): names, statuses, approvals, the
// formula guard and XML escaping are expressions here, so the application only passes bytes on. Measured against a
// plain COPY of the same rows in `npm run bench`; why we build files in SQL: docs/decisions/021.
import type { Actor } from "@/lib/authorization";
import type { Readable } from "node:stream";
import { copyOut, identifier, inlineParameters, literal } from "@/lib/database-copy";
import { languageTags, nameColumns, type AppLocale } from "@/lib/i18n/locales";
import { formatDateOnly } from "@/lib/dates";
import { staffNumberSql } from "@/lib/scopes";
import { reportAliases, reportWhereClause } from "../queries";
import { displayStatuses, displayStatusSql, type PlacementDisplayStatus } from "@/features/placements/display-status";
import type { ReportTexts } from "../rows";
import type { ReportFilters } from "../schemas";
import type { ExportColumn, PlacementReportRow } from "./types";
import { columnLetters, DATE_STYLE, escapeXml } from "./xlsx";

export interface ReportCopyOptions {
  actor: Actor;
  filters: ReportFilters;
  locale: AppLocale;
  texts: ReportTexts;
  columns: ExportColumn[];
  /** Decides whether a confirmed placement reads as active or completed. */
  today: Date;
}


/**
 * First characters that make a spreadsheet program evaluate a cell (OWASP "CSV injection"), and their full-width
 * forms, which some spreadsheet programs also accept. A cell starting with one gets a leading apostrophe.
 */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

const FORMULA_TRIGGER_CODES = FORMULA_TRIGGERS.map((character) => character.codePointAt(0)).join(", ");

/**
 * `value` as a CSV cell that a spreadsheet shows as text, never runs. `value` must be a plain column reference.
 * `ascii()` gives the first character's code point without building a string, as `left(value, 1)` would.
 */
function formulaSafe(value: string): string {
  return `CASE WHEN ascii(${value}) IN (${FORMULA_TRIGGER_CODES}) THEN '''' || ${value} ELSE ${value} END`;
}

/** Characters XML 1.0 cannot hold at all (dropped) — which also keeps COPY's quote and delimiter bytes out of rows. */
const XML_FORBIDDEN = Array.from({ length: 0x20 }, (_, code) => code)
  .filter((code) => code !== 0 && code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .map((code) => String.fromCharCode(code))
  .concat("\uFFFE", "\uFFFF")
  .join("");

/**
 * `value` as XML character data. `replace` costs little when there is nothing to replace; `translate` copies every
 * string, so it runs only for the rare value that holds a forbidden character. A line break may stay: COPY quotes
 * such a row with a byte the Node side removes (export/xlsx-rows.ts).
 */
function xmlText(value: string): string {
  const cleaned = `CASE WHEN ${value} ~ ${literal(`[${XML_FORBIDDEN}]`)} THEN translate(${value}, ${literal(XML_FORBIDDEN)}, '') ELSE ${value} END`;
  return [
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
    ["\r", "&#13;"],
  ].reduce((expression, [character, reference]) => `replace(${expression}, ${literal(character)}, ${literal(reference)})`, cleaned);
}

/**
 * A calendar date written as `Intl.DateTimeFormat(locale, { dateStyle: "medium" })` writes it, as a SQL expression
 * over a date or timestamp: the pattern and month names come from Intl, the digits from to_char. One to_char per row:
 * a named month is a literal in one of twelve patterns (the first version concatenated two to_char calls and an array
 * look-up, which made the approval columns a third of a CSV export's time). The integration tests compare the two.
 */
export function formattedDateSql(date: string, locale: AppLocale): string {
  const format = new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "medium", timeZone: "UTC" });
  const partsOf = (month: number) => format.formatToParts(new Date(Date.UTC(2001, month, 3)));
  const numericMonth = /^\d+$/.test(partsOf(1).find((part) => part.type === "month")?.value ?? "");
  const quoted = (text: string) => `"${text.replace(/(["\\])/g, "\\$1")}"`;
  const pattern = (parts: Intl.DateTimeFormatPart[]) =>
    parts
      .map((part) => {
        if (part.type === "day") return part.value.length === 2 ? "DD" : "FMDD";
        if (part.type === "year") return "YYYY";
        if (part.type === "month" && numericMonth) return part.value.length === 2 ? "MM" : "FMMM";
        if (part.type === "month" || part.type === "literal") return quoted(part.value);
        throw new Error(`Unexpected date part "${part.type}" for ${locale}.`);
      })
      .join("");
  if (numericMonth) return `to_char(${date}, ${literal(pattern(partsOf(1)))})`;
  const months = Array.from({ length: 12 }, (_, month) => `WHEN ${month + 1} THEN to_char(${date}, ${literal(pattern(partsOf(month)))})`);
  return `CASE date_part('month', ${date})::int ${months.join(" ")} END`;
}

/**
 * "Approved {date} by {name}" with the date and the approver's name filled in by SQL; null when not approved (every
 * piece is joined with ||, so a null date makes the whole text null).
 */
function approvalSql(template: string, approvedOn: string, approver: string, locale: AppLocale, ownText: (text: string) => string): string {
  const pieces = template.split(/(\{date\}|\{name\})/).filter(Boolean);
  const sql = pieces.map((piece) => {
    if (piece === "{date}") return `(${formattedDateSql(approvedOn, locale)})`;
    if (piece === "{name}") return `coalesce(${approver}, ${literal(ownText("—"))})`;
    return literal(ownText(piece));
  });
  return `(${sql.join(" || ")})`;
}

function statusSql(labels: Record<PlacementDisplayStatus, string>, today: string, statusText: TextWriting["statusText"]): string {
  return displayStatusSql({ placement: "p", today, label: (status) => literal(statusText(status, labels[status])) });
}

/** Control characters (C0 but NUL, which text cannot hold, DEL and C1), as export/cell-values.ts printableText. */
const CONTROL_CHARACTERS = Array.from({ length: 0x20 }, (_, code) => code)
  .slice(1)
  .concat(Array.from({ length: 0x21 }, (_, index) => 0x7f + index))
  .map((code) => String.fromCharCode(code))
  .join("");

/**
 * `value` with every control character (a tab or carriage return typed into a name) as a space, so that no file
 * shows it as a box or breaks a line with it. The match is cheap; translate() copies, so it runs only when needed.
 */
function printableSql(value: string): string {
  return `CASE WHEN ${value} ~ ${literal(`[${CONTROL_CHARACTERS}]`)} THEN translate(${value}, ${literal(CONTROL_CHARACTERS)}, ${literal(" ".repeat(CONTROL_CHARACTERS.length))}) ELSE ${value} END`;
}

/** How a file format writes text: SQL for values from the database, JavaScript for our own words. */
interface TextWriting {
  /** A reference table (ranks, departments, host units, fields) as `id` and the `name` the file wants, per record. */
  reference(table: ReferenceTable, nameColumn: string): string;
  /** Approving users' names, once per user, before they go into the approval text. */
  userText(column: string): string;
  /** Our own words in the approval template. */
  ownText(text: string): string;
  /** A status label as the file wants it. */
  statusText(status: PlacementDisplayStatus, label: string): string;
}

type ReferenceTable = "Rank" | "Department" | "HostUnit" | "Field";
const REFERENCE_TABLES: ReferenceTable[] = ["Rank", "Department", "HostUnit", "Field"];

/**
 * The report's rows, one per placement, with every value the files need as a plain column: reference
 * names in the reader's language, the status label, the approval texts. The same scope and filters as the preview;
 * the staff number only for rows the reader sends (and only when the column is exported). Each level is fenced with
 * OFFSET 0 so that a value referenced twice above is still computed once.
 *
 * No ORDER BY: rows leave in the order PostgreSQL reads them (about the order placements were created), so the first
 * bytes go out while the rest is still being computed. Sorting made PostgreSQL compute every row before sending
 * any and cost a quarter more than the whole COPY baseline; a spreadsheet sorts as its reader needs.
 */
function reportRowsSql(options: ReportCopyOptions, writing: TextWriting): string {
  const { actor, filters, locale, texts, columns } = options;
  const name = `"${nameColumns[locale]}"`;
  const today = `${literal(formatDateOnly(options.today))}::date`;
  const hasStaffNumber = columns.some((column) => column.key === "staffNumber");
  const where = inlineParameters(reportWhereClause(actor, filters));
  const staffNumber = hasStaffNumber ? inlineParameters(staffNumberSql(actor, reportAliases)) : "NULL::text";
  const reference = (table: ReferenceTable) => writing.reference(table, name);
  const approver = `(SELECT "id", ${writing.userText('"name"')} AS "name" FROM "User" OFFSET 0)`;
  // Approvals are Hong Kong calendar dates (UTC+8 all year, as is Shenzhen): the day of the Hong Kong wall time.
  const approval = (at: string, user: string) =>
    approvalSql(texts.approvedBy, `(p."${at}" + interval '8 hours')`, `${user}."name"`, locale, writing.ownText);
  return `
    SELECT p."id", c."code" AS "cohortCode", c.${name} AS "cohortName",
      ${printableSql(`CASE WHEN j."kind" = 'SAR' THEN upper(o."surname") ELSE o."surname" END || ' ' || o."givenName" || coalesce(', ' || o."otherName", '')`)} AS "officerNameEn",
      ${printableSql('o."chineseName"')} AS "officerNameZh", ${staffNumber} AS "staffNumber",
      r."name" AS "rank", d."name" AS "homeDepartment", h."name" AS "hostUnit", ${printableSql('p."postTitle"')} AS "post", f."name" AS "field",
      p."startDate", p."endDate", ${statusSql(texts.statuses, today, writing.statusText)} AS "status",
      ${approval("sendingApprovedAt", "sa")} AS "sendingApproval",
      ${approval("hostApprovedAt", "ha")} AS "hostApproval"
    FROM "Placement" p
    JOIN "Cohort" c ON c."id" = p."cohortId"
    JOIN "Officer" o ON o."id" = p."officerId"
    JOIN "Jurisdiction" j ON j."id" = o."jurisdictionId"
    JOIN ${reference("Rank")} r ON r."id" = o."rankId"
    JOIN ${reference("Department")} d ON d."id" = o."departmentId"
    LEFT JOIN ${reference("HostUnit")} h ON h."id" = p."hostUnitId"
    LEFT JOIN ${reference("Field")} f ON f."id" = p."fieldId"
    LEFT JOIN ${approver} sa ON sa."id" = p."sendingApprovedById"
    LEFT JOIN ${approver} ha ON ha."id" = p."hostApprovedById"
    ${where}
    OFFSET 0`;
}

const asIs = (text: string) => text;

/**
 * `COPY … TO STDOUT` of the report as CSV: a header row in the reader's language, RFC 4180 quoting by PostgreSQL,
 * dates as YYYY-MM-DD (copyOut's connections write dates in ISO style), every cell that could start with a formula
 * trigger guarded (reference names once per record). The caller adds the BOM and CRLF record ends (export/csv.ts).
 */
function reportCsvCopy(options: ReportCopyOptions): string {
  const cell: Record<keyof PlacementReportRow, string> = {
    cohortCode: formulaSafe('x."cohortCode"'),
    cohortName: formulaSafe('x."cohortName"'),
    officerNameEn: formulaSafe('x."officerNameEn"'),
    officerNameZh: formulaSafe('x."officerNameZh"'),
    staffNumber: formulaSafe('x."staffNumber"'),
    rank: 'x."rank"',
    homeDepartment: 'x."homeDepartment"',
    hostUnit: 'x."hostUnit"',
    post: formulaSafe('x."post"'),
    field: 'x."field"',
    startDate: 'x."startDate"',
    endDate: 'x."endDate"',
    status: 'x."status"',
    sendingApproval: formulaSafe('x."sendingApproval"'),
    hostApproval: formulaSafe('x."hostApproval"'),
  };
  const select = options.columns.map((column) => `${cell[column.key]} AS ${identifier(column.header)}`).join(",\n      ");
  const rows = reportRowsSql(options, {
    reference: (table, name) => `(SELECT "id", ${formulaSafe(name)} AS "name" FROM "${table}" OFFSET 0)`,
    userText: asIs,
    ownText: asIs,
    statusText: (_status, label) => label,
  });
  return `COPY (SELECT ${select} FROM (${rows}) x) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

/**
 * The workbook's shared strings: the status labels, then every reference name in the reader's language, table by
 * table in id order — the order `sharedStringIndex` numbers them in. Read in the same snapshot as the rows.
 */
function sharedNamesSql(locale: AppLocale): string {
  const name = `"${nameColumns[locale]}"`;
  const tables = REFERENCE_TABLES.map((table, position) => `SELECT ${position} AS "table", "id", ${name} AS "text" FROM "${table}"`);
  return `SELECT "text" FROM (${tables.join(" UNION ALL ")}) names ORDER BY "table", "id"`;
}

/** A reference record's position in the shared strings, in SQL (the tables before it are counted once per export). */
function sharedStringIndex(table: ReferenceTable): string {
  const before = REFERENCE_TABLES.slice(0, REFERENCE_TABLES.indexOf(table)).map((earlier) => `(SELECT count(*) FROM "${earlier}")`);
  return [`(row_number() OVER (ORDER BY "id") - 1)`, String(displayStatuses.length), ...before].join(" + ");
}

/** The part of an inline-string cell after its reference (`<c r="B7"`), for a value already escaped; null stays null. */
const textCellRest = (value: string) => `'" t="inlineStr"><is><t>' || ${value} || '</t></is></c>'`;

/**
 * `COPY … TO STDOUT` of the report's worksheet rows as SpreadsheetML, one `<row>` per line, starting at row 2 (the
 * writer adds the header row). Text cells are inline strings (never formulas), dates real Excel dates (days since
 * 1899-12-30), empty cells left out. COPY runs in CSV mode with a quote and a delimiter byte that XML text cannot
 * contain (xmlText drops them); `xlsxSheetRows` removes the quotes COPY puts around a row with a line break.
 *
 * The cost is in building strings: a cell is its reference plus a "rest" that, for reference names and statuses,
 * is built once per record or label and points into the shared strings (a quarter fewer bytes than inline names);
 * each row is one concat() (chained || copies the growing row once per piece); values are trimmed on input, so
 * <t> needs no xml:space="preserve" (a fifth of the sheet's bytes).
 */
function reportXlsxRowsCopy(options: ReportCopyOptions): string {
  const date = (column: string) => `'" s="${DATE_STYLE}"><v>' || (${column} - DATE '1899-12-30') || '</v></c>'`;
  const rest: Record<keyof PlacementReportRow, string> = {
    cohortCode: textCellRest(xmlText('y."cohortCode"')),
    cohortName: textCellRest(xmlText('y."cohortName"')),
    officerNameEn: textCellRest(xmlText('y."officerNameEn"')),
    officerNameZh: textCellRest(xmlText(`nullif(y."officerNameZh", '')`)),
    staffNumber: textCellRest(xmlText(`nullif(y."staffNumber", '')`)),
    rank: 'y."rank"',
    homeDepartment: 'y."homeDepartment"',
    hostUnit: 'y."hostUnit"',
    post: textCellRest(xmlText(`nullif(y."post", '')`)),
    field: 'y."field"',
    startDate: date('y."startDate"'),
    endDate: date('y."endDate"'),
    status: 'y."status"',
    sendingApproval: textCellRest('y."sendingApproval"'),
    hostApproval: textCellRest('y."hostApproval"'),
  };
  const letters = columnLetters(options.columns.length);
  const cells = options.columns.map(({ key }, index) => `'<c r="${letters[index]}' || y.n || ${rest[key]}`);
  const sharedStringRest = (index: string) => `'" t="s"><v>' || (${index})::text || '</v></c>'`;
  const rows = reportRowsSql(options, {
    reference: (table) => `(SELECT "id", ${sharedStringRest(sharedStringIndex(table))} AS "name" FROM "${table}" OFFSET 0)`,
    userText: xmlText,
    ownText: escapeXml,
    statusText: (status) => `" t="s"><v>${displayStatuses.indexOf(status)}</v></c>`,
  });
  return `COPY (
    SELECT concat('<row r="', y.n, '">', ${cells.join(", ")}, '</row>')
    FROM (SELECT x.*, (row_number() OVER () + 1)::text AS n FROM (${rows}) x OFFSET 0) y
  ) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`;
}

/** The CSV export's bytes as they leave PostgreSQL (BOM and CRLF are added by export/csv.ts). */
export async function openReportCsv(options: ReportCopyOptions): Promise<Readable> {
  return (await copyOut(reportCsvCopy(options))).stream;
}

/** The XLSX export's worksheet rows as they leave PostgreSQL, and the shared strings they refer to. */
export async function openReportSheet(options: ReportCopyOptions): Promise<{ rows: AsyncIterable<Buffer>; sharedStrings: string[] }> {
  const { stream, snapshotRows } = await copyOut(reportXlsxRowsCopy(options), { snapshotQuery: sharedNamesSql(options.locale) });
  const names = snapshotRows.map((row) => String(row.text));
  return { rows: xlsxSheetRows(stream), sharedStrings: [...displayStatuses.map((status) => options.texts.statuses[status]), ...names] };
}

const COPY_QUOTE = 0x01;

/**
 * The worksheet rows of a `reportXlsxRowsCopy` stream. COPY wraps a row that holds a line feed in its quote byte,
 * which XML text can never contain (xmlText drops it), so every such byte is COPY's and goes.
 */
async function* xlsxSheetRows(copy: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of copy) {
    if (chunk.indexOf(COPY_QUOTE) === -1) {
      yield chunk;
      continue;
    }
    const kept = Buffer.allocUnsafe(chunk.length);
    let length = 0;
    for (const byte of chunk) if (byte !== COPY_QUOTE) kept[length++] = byte;
    yield kept.subarray(0, length);
  }
}
