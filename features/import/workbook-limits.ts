import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { maxWorkbookEntries, maxWorkbookUncompressedBytes, maxWorksheetColumns, maxWorksheetRows, megabytes } from "./limits";
import type { FileProblem } from "./parse";

// Bounds what an XLSX file may expand to BEFORE exceljs sees it. An XLSX is a zip archive: 154 KB of deflated XML
// expanded to 150 MiB and took 640 MB of memory inside exceljs, and three such uploads stalled the server for
// seconds. So the archive is read with yauzl first — its central directory (the sizes each entry declares) and then
// every entry actually inflated, counting the bytes and discarding them — and the worksheets' rows, columns and
// merged ranges are counted on the way. Only a file within every limit is handed to exceljs.
// The limits are in ./limits.ts; docs/decisions/038-import-size-limits.md says why.

/** Excel's own widest column: a column-width record beyond it is not from a spreadsheet program. */
const excelMaxColumns = 16_384;

const tooLarge = (): FileProblem => ({
  key: "workbookTooLarge",
  values: { megabytes: megabytes(maxWorkbookUncompressedBytes) },
});
const notAWorkbook = (): FileProblem => ({ key: "notAWorkbook" });

class LimitExceeded extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.key);
  }
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

const cellReference = /^\$?([A-Za-z]{1,7})\$?(\d{1,10})$/;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

/**
 * Counts rows and columns of a worksheet's XML as it streams past, without building it: row elements and their
 * numbers, cells and their references, merged ranges (exceljs creates a cell for every cell a merge covers) and
 * column-width records (it creates a column object for each column they span).
 */
class WorksheetCounter {
  private carry = "";
  private rows = 0;
  private column = 0;

  push(chunk: Buffer) {
    const text = this.carry + chunk.toString("latin1");
    const lastOpen = text.lastIndexOf("<");
    const complete = lastOpen >= 0 && text.indexOf(">", lastOpen) < 0 ? text.slice(0, lastOpen) : text;
    this.carry = text.slice(complete.length);
    // A tag tens of kilobytes long is no spreadsheet program's output, and would make the carry grow without end.
    if (this.carry.length > 64 * 1024) throw new LimitExceeded(notAWorkbook());
    for (const match of complete.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|col)(?=[\s/>])[^>]*>/g)) this.count(match[1], match[0]);
  }

  private count(name: string, tag: string) {
    if (name === "row") {
      this.rows += 1;
      this.column = 0;
      const number = Number(attribute(tag, "r") ?? this.rows);
      this.rows = Math.max(this.rows, Number.isFinite(number) ? number : Infinity);
      this.checkRow(this.rows);
    } else if (name === "c") {
      const reference = cellReference.exec(attribute(tag, "r") ?? "");
      this.column = reference ? columnNumber(reference[1]) : this.column + 1;
      this.checkColumn(this.column);
      if (reference) this.checkRow(Number(reference[2]));
    } else if (name === "mergeCell") {
      for (const corner of (attribute(tag, "ref") ?? "").split(":")) {
        const reference = cellReference.exec(corner);
        if (!reference) continue;
        this.checkColumn(columnNumber(reference[1]));
        this.checkRow(Number(reference[2]));
      }
    } else if (name === "col") {
      const last = Number(attribute(tag, "max") ?? 0);
      if (!(last <= excelMaxColumns)) throw new LimitExceeded({ key: "tooManyColumns", values: { maximum: maxWorksheetColumns } });
    }
  }

  private checkRow(row: number) {
    if (row > maxWorksheetRows) throw new LimitExceeded({ key: "worksheetTooManyRows", values: { maximum: maxWorksheetRows } });
  }

  private checkColumn(column: number) {
    if (column > maxWorksheetColumns) throw new LimitExceeded({ key: "tooManyColumns", values: { maximum: maxWorksheetColumns } });
  }
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Reads one entry to its end, counting the inflated bytes against what is left of the budget. */
async function inflateEntry(stream: Readable, budget: { remaining: number }, counter: WorksheetCounter | null) {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.remaining -= chunk.byteLength;
      if (budget.remaining < 0) throw new LimitExceeded(tooLarge());
      counter?.push(chunk);
    }
  } finally {
    stream.destroy();
  }
}

/**
 * Null when the workbook is within every limit, else the problem to show. Inflation runs in zlib streams (libuv's
 * thread pool), chunk by chunk, so a bomb neither fills memory nor holds the event loop.
 */
export async function checkWorkbookLimits(bytes: Uint8Array): Promise<FileProblem | null> {
  let zip: yauzl.ZipFile;
  try {
    // validateEntrySizes (the default, stated here because it matters): an entry that inflates to more than its
    // header declares is an error at the first excess chunk, so a lying header cannot get through.
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return notAWorkbook();
  }
  try {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > maxWorkbookEntries || declared > maxWorkbookUncompressedBytes) return tooLarge();
    }
    const budget = { remaining: maxWorkbookUncompressedBytes };
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const counter = isWorksheet(entry.fileName) ? new WorksheetCounter() : null;
      await inflateEntry(await zip.openReadStreamPromise(entry), budget, counter);
    }
    return null;
  } catch (error) {
    if (error instanceof LimitExceeded) return error.problem;
    // Includes yauzl's "too many bytes in the stream": a header that understates its size is a forged or damaged
    // archive, refused as unreadable at the first byte past what it declared.
    return notAWorkbook();
  } finally {
    zip.close();
  }
}
