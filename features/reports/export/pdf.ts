import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import PDFDocument from "pdfkit";
import { cellText, printableText } from "./cell-values";
import { resolvePdfFonts, PDF_FONT_ENV_VAR, type PdfFontFace } from "./font";
import type { ExportColumn, ExportMeta, PlacementReportRow } from "./types";
import { wrapWords } from "./wrap";

/**
 * PDFs are for reading and printing, not for bulk data. "Page X of Y" needs the page count before the first
 * footer is drawn, so the rows are held in memory and laid out twice (measure, then draw); pages themselves are
 * written out as soon as they are full. Callers must offer CSV/XLSX above this many rows; the writer refuses to
 * go past it, before writing anything.
 */
export const PDF_MAX_ROWS = 5_000;

export class PdfRowLimitExceededError extends Error {
  constructor() {
    super(`PDF export is limited to ${PDF_MAX_ROWS} rows; use CSV or XLSX for larger reports.`);
    this.name = "PdfRowLimitExceededError";
  }
}

const PROGRAMME_TIME_ZONE = "Asia/Hong_Kong"; // Hong Kong and Shenzhen share UTC+8 all year

const PAGE = { size: "A4", layout: "landscape" } as const;
const MARGIN = { top: 36, left: 36, right: 36, bottom: 52 };
const FOOTER_OFFSET_FROM_BOTTOM = 36;
const TITLE_FONT_SIZE = 14;
const FILTER_FONT_SIZE = 9;
const TABLE_FONT_SIZE = 8;
const FOOTER_FONT_SIZE = 7.5;
const CELL_PADDING_X = 3;
const CELL_PADDING_Y = 2.5;
const HEADER_BACKGROUND = "#e6e9ef";
const GRID_COLOR = "#b8bcc4";
const TEXT_COLOR = "#111111";

const REGULAR_FONT = "report-regular";
const BOLD_FONT = "report-bold";

/** Relative share of the page width; dates get exactly the width they need instead. */
const COLUMN_WEIGHT: Record<keyof PlacementReportRow, number> = {
  cohortCode: 1,
  cohortName: 1.3,
  officerNameEn: 1.6,
  officerNameZh: 0.9,
  rank: 1.1,
  homeDepartment: 1.4,
  hostUnit: 1.4,
  post: 1.2,
  field: 1,
  startDate: 0,
  endDate: 0,
  status: 0.9,
  sendingApproval: 1.6,
  hostApproval: 1.6,
  staffNumber: 0.9,
};
const FIXED_WIDTH_SAMPLE: Partial<Record<keyof PlacementReportRow, string>> = {
  startDate: "0000-00-00",
  endDate: "0000-00-00",
};

type Document = PDFKit.PDFDocument;

interface TableLayout {
  columns: ExportColumn[];
  x: number[];
  widths: number[];
  headerFont: string;
  headerHeight: number;
}

interface PagePlan {
  rowHeights: number[];
  /** Index of the first row of every page after the first. */
  pageStarts: Set<number>;
  pageCount: number;
}

/**
 * Writes an A4 landscape PDF: title and the filters it was made with, a table whose header repeats on every page,
 * cells that wrap between words (wrap.ts), a "no placements match" line when there are no rows, and a footer with
 * who generated it, when, and "Page X of Y". The CJK font (Traditional and Simplified) is embedded as a
 * subset of the glyphs used.
 *
 * `output` is ended on success. On failure, including `output` closing early, the promise rejects and `output` is
 * destroyed.
 */
export async function writePlacementPdf(
  rows: AsyncIterable<PlacementReportRow>,
  columns: ExportColumn[],
  meta: ExportMeta,
  output: Writable,
): Promise<void> {
  const outputFinished = finished(output, { readable: false });
  outputFinished.catch(() => {}); // awaited below; a failure before then must not count as unhandled
  try {
    const fonts = resolvePdfFonts(meta.locale);
    const rowTexts = await collectRowTexts(rows, columns);
    const doc = new PDFDocument({
      ...PAGE,
      margins: MARGIN,
      lang: meta.locale,
      displayTitle: true,
      info: { Title: meta.title, Author: meta.generatedBy, Creator: "Exchange Desk", CreationDate: meta.generatedAt },
    });
    registerFont(doc, REGULAR_FONT, fonts.regular);
    if (fonts.bold) registerFont(doc, BOLD_FONT, fonts.bold);
    doc.pipe(output);

    const tableTop = drawTitle(doc, meta.title, meta.filterSummary);
    const table = layoutTable(doc, columns, fonts.bold ? BOLD_FONT : REGULAR_FONT);
    const plan = planPages(doc, table, rowTexts, tableTop);
    const footer = footerTexts(meta, plan.pageCount);

    let pageNumber = 1;
    let y = drawHeader(doc, table, tableTop);
    if (rowTexts.length === 0) drawNoRows(doc, meta.labels.noRows, y);
    rowTexts.forEach((texts, index) => {
      if (plan.pageStarts.has(index)) {
        drawFooter(doc, footer.provenance, footer.pageLabel(pageNumber));
        doc.addPage();
        pageNumber += 1;
        y = drawHeader(doc, table, doc.page.margins.top);
      }
      drawCells(doc, table, texts, y, plan.rowHeights[index]);
      y += plan.rowHeights[index];
    });
    drawFooter(doc, footer.provenance, footer.pageLabel(pageNumber));

    doc.end();
    await outputFinished;
  } catch (error) {
    output.destroy();
    throw error;
  }
}

async function collectRowTexts(rows: AsyncIterable<PlacementReportRow>, columns: ExportColumn[]): Promise<string[][]> {
  const rowTexts: string[][] = [];
  for await (const row of rows) {
    if (rowTexts.length === PDF_MAX_ROWS) throw new PdfRowLimitExceededError();
    rowTexts.push(columns.map((column) => cellText(row, column.key)));
  }
  return rowTexts;
}

/** Registers a font face and opens it at once, so a bad font fails with a clear message (also used by certificates). */
export function registerFont(doc: Document, name: string, face: PdfFontFace): void {
  try {
    doc.registerFont(name, face.path, face.postscriptName as string);
    doc.font(name); // pdfkit opens the file lazily; open it now so a bad font fails with a clear message
  } catch (cause) {
    const faceName = face.postscriptName ? ` (face ${face.postscriptName})` : "";
    throw new Error(`Cannot load PDF font ${face.path}${faceName}; check ${PDF_FONT_ENV_VAR}.`, { cause });
  }
}

function bodyWidth(doc: Document): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bodyBottom(doc: Document): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** The title and, below it, one line per filter ("Cohort: …"); returns where the table starts. */
function drawTitle(doc: Document, title: string, filterSummary: string[]): number {
  const left = doc.page.margins.left;
  const width = bodyWidth(doc);
  let y = doc.page.margins.top;
  doc.font(REGULAR_FONT).fontSize(TITLE_FONT_SIZE).fillColor(TEXT_COLOR);
  doc.text(printableText(title), left, y, { width });
  y += doc.heightOfString(printableText(title), { width }) + doc.currentLineHeight() / 4;
  doc.fontSize(FILTER_FONT_SIZE);
  for (const line of filterSummary) {
    const text = printableText(line);
    doc.text(text, left, y, { width });
    y += doc.heightOfString(text, { width });
  }
  return y + doc.currentLineHeight() / 2;
}

function drawNoRows(doc: Document, text: string, top: number): void {
  doc.font(REGULAR_FONT).fontSize(FILTER_FONT_SIZE).fillColor(TEXT_COLOR);
  doc.text(text, doc.page.margins.left + CELL_PADDING_X, top + 2 * CELL_PADDING_Y, { width: bodyWidth(doc) - 2 * CELL_PADDING_X });
}

function layoutTable(doc: Document, columns: ExportColumn[], headerFont: string): TableLayout {
  doc.font(REGULAR_FONT).fontSize(TABLE_FONT_SIZE);
  const fixedWidths = columns.map((column) => {
    const sample = FIXED_WIDTH_SAMPLE[column.key];
    return sample === undefined ? 0 : doc.widthOfString(sample) + 2 * CELL_PADDING_X + 1;
  });
  const fixedTotal = fixedWidths.reduce((sum, width) => sum + width, 0);
  const weightTotal = columns.reduce((sum, column, index) => sum + (fixedWidths[index] ? 0 : COLUMN_WEIGHT[column.key]), 0);
  const flexibleWidth = bodyWidth(doc) - fixedTotal;

  const widths = columns.map((column, index) =>
    fixedWidths[index] ? fixedWidths[index] : (flexibleWidth * COLUMN_WEIGHT[column.key]) / weightTotal,
  );
  const x: number[] = [];
  let left = doc.page.margins.left;
  for (const width of widths) {
    x.push(left);
    left += width;
  }
  const layout = { columns, x, widths, headerFont, headerHeight: 0 };
  doc.font(headerFont);
  layout.headerHeight = rowHeight(doc, layout, columns.map((column) => column.header));
  return layout;
}

/** Decides page breaks before drawing, so every footer can say how many pages there are. */
function planPages(doc: Document, table: TableLayout, rowTexts: string[][], tableTop: number): PagePlan {
  doc.font(REGULAR_FONT).fontSize(TABLE_FONT_SIZE);
  const bottom = bodyBottom(doc);
  const fullPageRowSpace = bottom - doc.page.margins.top - table.headerHeight;
  const rowHeights: number[] = [];
  const pageStarts = new Set<number>();
  let y = tableTop + table.headerHeight;
  rowTexts.forEach((texts, index) => {
    // A row taller than a whole page is cut to fit (its cells end in an ellipsis) rather than split across pages.
    const height = Math.min(rowHeight(doc, table, texts), fullPageRowSpace);
    if (y + height > bottom && index > 0) {
      pageStarts.add(index);
      y = doc.page.margins.top + table.headerHeight;
    }
    rowHeights.push(height);
    y += height;
  });
  return { rowHeights, pageStarts, pageCount: pageStarts.size + 1 };
}

function drawHeader(doc: Document, table: TableLayout, top: number): number {
  doc.rect(table.x[0], top, bodyWidth(doc), table.headerHeight).fill(HEADER_BACKGROUND);
  doc.font(table.headerFont).fontSize(TABLE_FONT_SIZE).fillColor(TEXT_COLOR);
  drawCells(doc, table, table.columns.map((column) => column.header), top, table.headerHeight);
  doc.font(REGULAR_FONT);
  return top + table.headerHeight;
}

/** A cell's lines in the current font: broken between words, inside a word only when it alone is too wide. */
function cellLines(doc: Document, table: TableLayout, text: string, index: number): string[] {
  if (!text) return [];
  return wrapWords(text, table.widths[index] - 2 * CELL_PADDING_X, (part) => doc.widthOfString(part));
}

function rowHeight(doc: Document, table: TableLayout, texts: string[]): number {
  const lineHeight = doc.currentLineHeight(true);
  const lines = Math.max(1, ...texts.map((text, index) => cellLines(doc, table, text, index).length));
  return lines * lineHeight + 2 * CELL_PADDING_Y;
}

function drawCells(doc: Document, table: TableLayout, texts: string[], top: number, height: number): void {
  const lineHeight = doc.currentLineHeight(true);
  // The epsilon keeps a row laid out for n lines at n lines despite rounding (n × h / h may come out below n).
  const maxLines = Math.max(1, Math.floor((height - 2 * CELL_PADDING_Y) / lineHeight + 1e-6));
  texts.forEach((text, index) => {
    let lines = cellLines(doc, table, text, index);
    if (lines.length > maxLines) {
      // A row taller than a page is cut: its last visible line ends in an ellipsis.
      lines = lines.slice(0, maxLines);
      const width = table.widths[index] - 2 * CELL_PADDING_X;
      let last = lines[maxLines - 1];
      while (last && doc.widthOfString(`${last}…`) > width) last = [...last].slice(0, -1).join("");
      lines[maxLines - 1] = `${last}…`;
    }
    lines.forEach((line, lineIndex) => {
      doc.text(line, table.x[index] + CELL_PADDING_X, top + CELL_PADDING_Y + lineIndex * lineHeight, { lineBreak: false });
    });
  });
  const right = table.x[0] + bodyWidth(doc);
  doc.save().lineWidth(0.5).strokeColor(GRID_COLOR);
  doc.moveTo(table.x[0], top + height).lineTo(right, top + height);
  for (const left of [...table.x, right]) doc.moveTo(left, top).lineTo(left, top + height);
  doc.stroke().restore();
}

function footerTexts(meta: ExportMeta, pageCount: number) {
  const separator = meta.locale === "en" ? ": " : "\uFF1A";
  const generatedAt = `${format(new TZDate(meta.generatedAt, PROGRAMME_TIME_ZONE), "yyyy-MM-dd HH:mm")} (UTC+8)`;
  return {
    provenance:
      `${meta.labels.generatedAt}${separator}${generatedAt}    ` +
      `${meta.labels.generatedBy}${separator}${meta.generatedBy}`,
    pageLabel: (pageNumber: number) =>
      meta.labels.page.replace("{page}", String(pageNumber)).replace("{pages}", String(pageCount)),
  };
}

function drawFooter(doc: Document, provenance: string, pageLabel: string): void {
  const left = doc.page.margins.left;
  const y = doc.page.height - FOOTER_OFFSET_FROM_BOTTOM;
  const width = bodyWidth(doc);
  // Text below the bottom margin would make pdfkit start a new page.
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font(REGULAR_FONT).fontSize(FOOTER_FONT_SIZE).fillColor(TEXT_COLOR);
  doc.text(provenance, left, y, { width: width * 0.75, lineBreak: false });
  doc.text(pageLabel, left, y, { width, align: "right", lineBreak: false });
  doc.page.margins.bottom = bottomMargin;
}
