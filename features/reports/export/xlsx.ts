import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { setImmediate as nextMacrotask } from "node:timers/promises";
import ExcelJS from "exceljs";
import { cellValue, displayWidth } from "./cell-values";
import type { ExportColumn, ExportMeta, PlacementReportRow } from "./types";

const DATE_FORMAT = "yyyy-mm-dd";
const ROWS_BETWEEN_FLOW_CHECKS = 500;

/** Typical content width in characters; the header can only widen a column. */
const TYPICAL_WIDTH: Record<keyof PlacementReportRow, number> = {
  officerNameEn: 28,
  officerNameZh: 12,
  rank: 22,
  homeDepartment: 30,
  hostUnit: 30,
  post: 26,
  field: 20,
  startDate: 12,
  endDate: 12,
  status: 14,
  sendingApproval: 40,
  hostApproval: 40,
  staffNumber: 14,
};

/**
 * Streams placement rows into an XLSX workbook, committing each row as it goes. Cells are typed (dates are real
 * Excel dates shown as yyyy-mm-dd); the header is bold, frozen and carries an autofilter. Text such as
 * `=HYPERLINK(...)` is stored as a string value, never as a formula (no <f> element is written).
 *
 * `output` is ended on success. On failure, including `output` closing early (a client that went away), the
 * promise rejects, reading rows stops, and `output` is destroyed.
 */
export async function writePlacementXlsx(
  rows: AsyncIterable<PlacementReportRow>,
  columns: ExportColumn[],
  meta: ExportMeta,
  output: Writable,
): Promise<void> {
  const outputFinished = finished(output, { readable: false });
  outputFinished.catch(() => {}); // awaited below; a failure before then must not count as unhandled

  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
    workbook.creator = meta.generatedBy;
    workbook.created = meta.generatedAt;
    workbook.title = meta.title;
    const sheet = workbook.addWorksheet(worksheetName(meta.title), {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    });
    sheet.columns = columns.map((column) => ({
      key: column.key,
      width: Math.max(TYPICAL_WIDTH[column.key], displayWidth(column.header) + 4),
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();

    let rowCount = 0;
    for await (const row of rows) {
      const sheetRow = sheet.addRow(columns.map((column) => cellValue(row, column.key)));
      sheetRow.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
      sheetRow.commit();
      rowCount += 1;
      if (rowCount % ROWS_BETWEEN_FLOW_CHECKS === 0) {
        // exceljs waits forever on a destroyed output, so its early end is raced explicitly
        await Promise.race([letZipCatchUp(sheet, output), outputFinished]);
      }
    }

    sheet.commit();
    await Promise.all([workbook.commit(), outputFinished]);
  } catch (error) {
    output.destroy();
    throw error;
  }
}

interface PrivateZipEntry extends NodeJS.EventEmitter {
  _writableState?: { needDrain?: boolean };
}

/**
 * exceljs writes each worksheet into its zip stream ignoring backpressure, so with a row source that is faster
 * than compression the uncompressed sheet piles up in memory (hundreds of bytes a row, unbounded). The zip entry it
 * writes to is private; if a future exceljs changes that, this degrades to waiting for the output only.
 */
async function letZipCatchUp(sheet: object, output: Writable): Promise<void> {
  const zipEntry = (sheet as { _stream?: { pipes?: PrivateZipEntry[] } })._stream?.pipes?.[0];
  if (zipEntry?._writableState?.needDrain) {
    await once(zipEntry, "drain");
  } else if (output.writableNeedDrain) {
    await once(output, "drain");
  } else {
    await nextMacrotask();
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
function worksheetName(title: string): string {
  const cleaned = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  const shortened = Array.from(cleaned).slice(0, 31).join("");
  return shortened.replace(/^'+|'+$/g, "").trim() || "Report";
}
