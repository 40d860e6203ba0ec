import { parse as parseCsv } from "csv-parse/sync";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { maxImportBytes, maxImportRows, megabytes } from "./limits";
import { checkWorkbookLimits } from "./workbook-limits";

// Reads an uploaded spreadsheet into rows of text cells, whatever produced it: CSV in UTF-8 with or without a BOM
// (Excel's "CSV UTF-8" writes one), UTF-16 text (Excel's "Unicode Text"), comma, semicolon or tab separated, or an
// XLSX workbook. Anything else is refused with a reason the user can act on. Pure: no database, no Next.


export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  rowNumber: number;
  cells: string[];
}

/** A cell whose text cannot be known, e.g. a formula saved without its result; reported as that row's error. */
export interface CellProblem {
  rowNumber: number;
  /** Zero-based, like `SheetRow.cells`. */
  columnIndex: number;
  /** The cell's address as the spreadsheet shows it, e.g. "C4". */
  cell: string;
  key: "formulaWithoutValue";
}

export interface ParsedSheet {
  format: "csv" | "xlsx";
  headers: string[];
  rows: SheetRow[];
  /** Cells of data rows whose text could not be read; each becomes an error of its row. */
  cellProblems?: CellProblem[];
}

/** A problem with the file as a whole; `key` names a message in the "import" catalog. */
export interface FileProblem {
  key: string;
  values?: Record<string, string | number>;
}

export type ParseResult = { ok: true; sheet: ParsedSheet } | { ok: false, problem: FileProblem };

const textExtensions = new Set(["csv", "txt", "tsv"]);

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
const isOleCompound = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function parseImportFile(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, problem: { key: "emptyFile" } };
  if (bytes.byteLength > maxImportBytes) return { ok: false, problem: { key: "fileTooLarge", values: { megabytes: megabytes(maxImportBytes) } } };
  const extension = extensionOf(fileName);
  if (isOleCompound(bytes) || extension === "xls") return { ok: false, problem: { key: "legacyExcel" } };
  if (extension === "xlsx") {
    if (!isZip(bytes)) return { ok: false, problem: { key: "notAWorkbook" } };
    return readWorkbook(bytes);
  }
  if (!textExtensions.has(extension)) return { ok: false, problem: { key: "wrongFileType", values: { extension: extension || "?" } } };
  if (isZip(bytes)) return { ok: false, problem: { key: "wrongFileType", values: { extension } } };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, problem: { key: "notUtf8" } };
  return readDelimitedText(text);
}

/** UTF-8 (BOM optional) or BOM-marked UTF-16; null for anything else (legacy code pages, binary data). */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // NUL never appears in a text file; its presence means a binary file that happens to be valid UTF-8.
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}

/** The separator used in the header line: whichever of comma, semicolon and tab occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ",";
}

function readDelimitedText(text: string): ParseResult {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problem: { key: "malformedCsv", values: { line: line ?? 0 } } };
  }
  const numbered = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  return toSheet("csv", numbered, []);
}

/**
 * Header row = the first row that is neither empty nor a "#" comment; data rows follow, skipping those too. A row
 * whose only content is a cell with a problem is kept, so the problem is reported rather than the row dropped.
 */
function toSheet(format: ParsedSheet["format"], numbered: SheetRow[], cellProblems: CellProblem[]): ParseResult {
  const rowsWithProblems = new Set(cellProblems.map((problem) => problem.rowNumber));
  const meaningful = numbered.filter(({ rowNumber, cells }) => (!isBlank(cells) || rowsWithProblems.has(rowNumber)) && !isComment(cells));
  if (meaningful.length === 0) return { ok: false, problem: { key: "noHeader" } };
  const [header, ...rows] = meaningful;
  const headerProblem = cellProblems.find((problem) => problem.rowNumber === header.rowNumber);
  if (headerProblem) return { ok: false, problem: { key: headerProblem.key, values: { cell: headerProblem.cell } } };
  if (rows.length === 0) return { ok: false, problem: { key: "noRows" } };
  if (rows.length > maxImportRows) return { ok: false, problem: { key: "tooManyRows", values: { maximum: maxImportRows } } };
  const dataRows = new Set(rows.map((row) => row.rowNumber));
  return {
    ok: true,
    sheet: { format, headers: header.cells.map((cell) => cell.trim()), rows, cellProblems: cellProblems.filter((problem) => dataRows.has(problem.rowNumber)) },
  };
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");
const isComment = (cells: string[]) => (cells[0] ?? "").trimStart().startsWith("#");

async function readWorkbook(bytes: Uint8Array): Promise<ParseResult> {
  // Before exceljs builds the whole workbook in memory: what the archive expands to, and the sheets' rows and columns.
  const limitProblem = await checkWorkbookLimits(bytes);
  if (limitProblem) return { ok: false, problem: limitProblem };
  const read = await readWorkbookInWorker(bytes);
  if (!read.ok) return { ok: false, problem: { key: "notAWorkbook" } };
  const numbered: SheetRow[] = [];
  const cellProblems: CellProblem[] = [];
  for (const { rowNumber, values } of read.rows) {
    const cells = values.map((value, index) => {
      if (isFormulaWithoutValue(value)) cellProblems.push({ rowNumber, columnIndex: index, cell: `${columnLetters(index + 1)}${rowNumber}`, key: "formulaWithoutValue" });
      return cellText(value);
    });
    numbered.push({ rowNumber, cells });
  }
  return toSheet("xlsx", numbered, cellProblems);
}

type WorkbookRead = { ok: true; rows: { rowNumber: number; values: unknown[] }[] } | { ok: false };

/** Where the worker's script is: run by Node from the project folder, as the server and the tests are. */
const workbookWorkerPath = path.join(process.cwd(), "features", "import", "read-workbook.worker.mjs");

/**
 * exceljs's parse of an accepted file still takes seconds of CPU (three 10,000-row files held the event loop for
 * 4.5 s): it runs in a worker thread, with a heap ceiling as a second fence behind the limits. Any failure of the
 * worker — damaged workbook, memory ceiling — is an unreadable workbook.
 */
function readWorkbookInWorker(bytes: Uint8Array): Promise<WorkbookRead> {
  return new Promise((resolve) => {
    const worker = new Worker(workbookWorkerPath, {
      workerData: { bytes, officerSheetNames: [...officerSheetNames] },
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMegabytes },
    });
    worker.once("message", (read: WorkbookRead) => {
      resolve(read);
      void worker.terminate();
    });
    worker.once("error", () => resolve({ ok: false }));
    worker.once("exit", () => resolve({ ok: false }));
  });
}

/** Room for exceljs's model of a workbook within the limits (a 10,000-row file grows the heap by ≈ 150 MB). */
const workerHeapMegabytes = 512;

/** 28 → "AB": the column letters a spreadsheet shows. */
function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const officerSheetNames = new Set(["officers", "人員", "人员"]);

/**
 * A formula saved without its result (files written by programs that do not calculate, or with calculation off):
 * the value the user sees is not in the file, so it cannot be imported as anything but a guess.
 */
function isFormulaWithoutValue(value: unknown): boolean {
  if (typeof value !== "object" || value === null || value instanceof Date) return false;
  const record = value as Record<string, unknown>;
  return ("formula" in record || "sharedFormula" in record) && (record.result === undefined || record.result === null);
}

/** The text a user sees in a cell: rich text joined, hyperlinks by their text, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) return record.richText.map((part: { text?: string }) => part.text ?? "").join("");
    if ("formula" in record || "sharedFormula" in record) return cellText(record.result);
    if ("text" in record) return cellText(record.text);
    if ("error" in record) return String(record.error);
  }
  return String(value);
}
