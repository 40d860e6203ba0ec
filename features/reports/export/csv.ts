import { pipeline, Readable, Transform, type TransformCallback } from "node:stream";

const BOM = Buffer.from("\uFEFF", "utf8");
const CRLF = Buffer.from("\r\n", "latin1");
const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * PostgreSQL writes CSV with LF line ends; RFC 4180 and Excel on Windows expect CRLF. A line feed ends a record
 * only outside quotes (a quoted field may hold line breaks of its own, which stay as they are); doubled quotes
 * inside a quoted field toggle twice, so counting quotes is enough to know where we are.
 */
export class CsvRecordEnds extends Transform {
  private insideQuotes = false;
  private started = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const pieces: Buffer[] = [];
    if (!this.started) {
      pieces.push(BOM);
      this.started = true;
    }
    let start = 0;
    let nextQuote = chunk.indexOf(QUOTE);
    for (let lineFeed = chunk.indexOf(LINE_FEED); lineFeed !== -1; lineFeed = chunk.indexOf(LINE_FEED, lineFeed + 1)) {
      for (; nextQuote !== -1 && nextQuote < lineFeed; nextQuote = chunk.indexOf(QUOTE, nextQuote + 1)) this.insideQuotes = !this.insideQuotes;
      if (this.insideQuotes) continue;
      pieces.push(chunk.subarray(start, lineFeed), CRLF);
      start = lineFeed + 1;
    }
    for (; nextQuote !== -1; nextQuote = chunk.indexOf(QUOTE, nextQuote + 1)) this.insideQuotes = !this.insideQuotes;
    pieces.push(chunk.subarray(start));
    callback(null, Buffer.concat(pieces));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.started ? undefined : BOM);
  }
}

/**
 * CSV from PostgreSQL (`COPY … WITH (FORMAT csv)`) as a spreadsheet program opens it best: UTF-8 with a BOM (so
 * Excel detects the encoding and shows Chinese correctly) and CRLF record ends. Destroying the result destroys
 * `source`, which ends the COPY.
 */
export function spreadsheetCsv(source: Readable): Readable {
  return pipeline(source, new CsvRecordEnds(), () => {});
}
