import { Readable } from "node:stream";
import { cellText } from "./cell-values";
import type { ExportColumn, PlacementReportRow } from "./types";

const BOM = "\uFEFF";
const RECORD_DELIMITER = "\r\n";
/** Output is handed on in pieces of about this many characters. */
const CHUNK_CHARACTERS = 64 * 1024;
/**
 * First characters that make a spreadsheet program evaluate a cell (OWASP "CSV injection"), and their full-width
 * forms, which some spreadsheet programs also accept.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
const NEEDS_QUOTES = /[",\r\n]/;
/** Columns whose values repeat across rows (reference names, dates, statuses, approvals): encoded once each. */
const REPEATING: ReadonlySet<keyof PlacementReportRow> = new Set(["rank", "homeDepartment", "hostUnit", "post", "field", "startDate", "endDate", "status", "sendingApproval", "hostApproval"]);
const MAX_CACHED_FIELDS = 50_000;

/**
 * One CSV field: a formula-like value gets a leading apostrophe (so it shows as text, exactly as typed, apart from
 * the apostrophe), then RFC 4180 quoting when it holds a comma, quote or line break.
 */
export function csvField(text: string): string {
  const safe = text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Streams placement rows as CSV: UTF-8 with BOM (so Excel detects the encoding and shows Chinese correctly),
 * RFC 4180 quoting, CRLF line ends, a header row, dates as YYYY-MM-DD, formula-like cells neutralised (csvField).
 *
 * Written by hand rather than with csv-stringify: at 100,000 rows the library's per-field machinery cost more than
 * reading the rows from the database (docs/performance.md). Rows are pulled from `rows` only as fast as the returned
 * stream is read; stopping the stream closes `rows`, and a failing `rows` fails the stream.
 */
export function placementCsvStream(rows: AsyncIterable<PlacementReportRow>, columns: ExportColumn[]): Readable {
  const stream: Readable = Readable.from(csvChunks(rows, columns, () => stream.destroyed), { objectMode: false });
  return stream;
}

async function* csvChunks(rows: AsyncIterable<PlacementReportRow>, columns: ExportColumn[], isStopped: () => boolean): AsyncGenerator<Buffer> {
  const keys = columns.map((column) => column.key);
  const repeating = keys.map((key) => REPEATING.has(key));
  const encoded = new Map<string, string>();
  const encodeRepeating = (text: string) => {
    let field = encoded.get(text);
    if (field === undefined) {
      field = csvField(text);
      if (encoded.size < MAX_CACHED_FIELDS) encoded.set(text, field);
    }
    return field;
  };
  let pending = BOM + columns.map((column) => csvField(column.header)).join(",") + RECORD_DELIMITER;
  for await (const row of rows) {
    // A reader that went away is noticed on the next row, not only once a whole chunk is ready.
    if (isStopped()) return;
    let line = "";
    for (let index = 0; index < keys.length; index++) {
      if (index > 0) line += ",";
      const text = cellText(row, keys[index]);
      line += repeating[index] ? encodeRepeating(text) : csvField(text);
    }
    pending += line + RECORD_DELIMITER;
    if (pending.length >= CHUNK_CHARACTERS) {
      yield Buffer.from(pending, "utf8");
      pending = "";
    }
  }
  yield Buffer.from(pending, "utf8");
}
