import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { cellText } from "./cell-values";
import type { ExportColumn, PlacementReportRow } from "./types";

/**
 * Streams placement rows as CSV: UTF-8 with BOM (so Excel detects the encoding and shows Chinese correctly),
 * RFC 4180 quoting, CRLF line ends, a header row, dates as YYYY-MM-DD.
 *
 * Cells starting with = + - @ TAB or CR get a leading apostrophe so spreadsheet programs do not evaluate them
 * as formulas (csv-stringify's `escape_formulas` covers exactly these, plus their full-width forms; every cell
 * is passed as a string, so its exemption for numeric "-1" never applies).
 *
 * Rows are pulled from `rows` only as fast as the returned stream is read.
 */
export function placementCsvStream(rows: AsyncIterable<PlacementReportRow>, columns: ExportColumn[]): Readable {
  const records = Readable.from(toRecords(rows, columns));
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((column) => column.header),
    record_delimiter: "\r\n",
    escape_formulas: true,
  });
  // Errors (e.g. a failing database cursor) reach the consumer through the stringifier, which pipeline destroys.
  return pipeline(records, stringifier, () => {});
}

async function* toRecords(
  rows: AsyncIterable<PlacementReportRow>,
  columns: ExportColumn[],
): AsyncGenerator<string[]> {
  for await (const row of rows) {
    yield columns.map((column) => cellText(row, column.key));
  }
}
