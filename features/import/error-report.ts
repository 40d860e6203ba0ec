/**
 * The import's problem list as a CSV file to download (row, column, value entered, problem), for fixing a long file
 * in Excel. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) are written
 * with a leading apostrophe by csv-stringify's `escape_formulas`: a value typed into an import must never run on
 * the next person's machine. UTF-8 with a BOM so Excel reads Chinese correctly. Pure; runs in the browser.
 */
import { stringify } from "csv-stringify/sync";

export interface ImportErrorReportRow {
  row: number;
  column: string;
  value: string;
  problem: string;
}

export function importErrorReportCsv(headers: readonly [string, string, string, string], rows: readonly ImportErrorReportRow[]): string {
  const records = [headers, ...rows.map((row) => [String(row.row), row.column, row.value, row.problem])];
  return `\uFEFF${stringify(records, { escape_formulas: true, record_delimiter: "\r\n" })}`;
}
