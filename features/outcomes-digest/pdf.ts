import "server-only";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import PDFDocument from "pdfkit";
import { resolvePdfFonts } from "@/features/reports/export/font";
import { registerFont } from "@/features/reports/export/pdf";
import { wrapRuns, type LinePiece, type TextRun } from "@/features/reports/export/wrap";
import type { AppLocale } from "@/lib/i18n/locales";
import { markdownBlocks, type InlineStyle, type MarkdownBlock } from "./markdown-blocks";

// The outcomes digest of a cohort as an A4 PDF (decision 114): a title block (cohort, filters, when it was made), a
// table of contents with page numbers, then one accepted final report per page run. The CJK font and the word
// wrapping are the placement report's (features/reports/export: font.ts, wrap.ts).
//
// Page numbers ("Page 3 of 9", and the contents) need to know where each report starts before the first page is
// written. The reports are laid out twice, from two passes over the same ids read in batches: first into a
// document that is thrown away, counting pages, then for real, written out page by page. No report is held longer
// than its own layout, so a large cohort costs time, not memory.

export interface DigestEntryContent {
  /** The contents line and the report's heading: host unit and post. */
  heading: string;
  /** "Label: value" lines under the heading (officer, host unit, field, period, accepted). */
  details: string[];
  sections: { label: string; markdown: string }[];
}

export interface DigestDocument {
  locale: AppLocale;
  title: string;
  /** Lines under the title: the filters, when and by whom it was generated, how many reports. */
  preamble: string[];
  labels: { contents: string; noReports: string; page: string };
  /** PDF metadata. */
  author: string;
  generatedAt: Date;
  /** A fresh pass over the entries each time it is called (the digest reads them twice). */
  entries: () => AsyncIterable<DigestEntryContent>;
}

const PAGE_SIZE = "A4";
const MARGIN = { top: 56, left: 56, right: 56, bottom: 64 };
const FOOTER_FROM_BOTTOM = 40;
const TEXT_COLOR = "#111111";
const MUTED_COLOR = "#444444";
const RULE_COLOR = "#9aa0a8";
const SIZE = { title: 18, preamble: 10, contentsHeading: 14, contents: 10.5, heading: 15, details: 10, section: 12.5, body: 10.5, footer: 8 };
const HEADING_SIZES = [14, 13, 12, 11.5, 11, 11];
const INDENT = 16;
const PAGE_NUMBER_WIDTH = 36;
const ITALIC_SLANT = 12; // degrees: Noto Sans CJK has no italic face, so italic text is slanted
const REGULAR = "digest-regular";
const BOLD = "digest-bold";

type Document = PDFKit.PDFDocument;

/** Writes the digest to `output` and ends it; on failure `output` is destroyed and the promise rejects. */
export async function writeOutcomesDigestPdf(digest: DigestDocument, output: Writable): Promise<void> {
  const outputFinished = finished(output, { readable: false });
  outputFinished.catch(() => {}); // awaited below
  try {
    // Measuring, in a document that is dropped unfinished (no font is embedded for it): where each report starts,
    // counted from the first report page, then, on fresh pages after them, how many pages the title and contents take.
    const measuring = createWriter(digest, discard(), null);
    const reports = await writeReports(digest, measuring, false);
    if (reports.pageCount > 0) measuring.newPage();
    const frontStart = measuring.page;
    writeFrontMatter(measuring, reports.headings, null);
    const frontPages = measuring.page - frontStart + 1;

    const writer = createWriter(digest, output, frontPages + reports.pageCount);
    writeFrontMatter(writer, reports.headings, reports.entryPages.map((page) => page + frontPages));
    await writeReports(digest, writer, true);
    writer.footer();
    writer.doc.end();
    await outputFinished;
  } catch (error) {
    output.destroy();
    throw error;
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}

class Writer {
  y = MARGIN.top;
  page = 1;
  readonly bold: string;

  constructor(
    readonly doc: Document,
    readonly digest: DigestDocument,
    /** Null while measuring. */
    private readonly totalPages: number | null,
    hasBold: boolean,
  ) {
    this.bold = hasBold ? BOLD : REGULAR;
  }

  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  fontFor(style: InlineStyle): string {
    return style === "bold" || style === "boldItalic" ? this.bold : REGULAR;
  }

  lineHeight(size: number): number {
    this.doc.font(REGULAR).fontSize(size);
    return this.doc.currentLineHeight(true) * 1.15;
  }

  lines(runs: TextRun<InlineStyle>[], size: number, width: number): LinePiece<InlineStyle>[][] {
    return wrapRuns(runs, width, (text, style) => this.doc.font(this.fontFor(style)).fontSize(size).widthOfString(text));
  }

  newPage() {
    this.footer();
    this.doc.addPage();
    this.page += 1;
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one (or this page is still empty). */
  ensure(height: number) {
    if (this.y + height > this.bottom && this.y > MARGIN.top) this.newPage();
  }

  drawLine(line: LinePiece<InlineStyle>[], size: number, x: number, options: { color?: string; goTo?: string } = {}) {
    const lineHeight = this.lineHeight(size);
    this.ensure(lineHeight);
    let left = x;
    for (const piece of line) {
      this.doc.font(this.fontFor(piece.style)).fontSize(size).fillColor(options.color ?? TEXT_COLOR);
      const italic = piece.style === "italic" || piece.style === "boldItalic";
      this.doc.text(piece.text, left, this.y, { lineBreak: false, oblique: italic ? ITALIC_SLANT : undefined, goTo: options.goTo });
      left += this.doc.widthOfString(piece.text);
    }
    this.y += lineHeight;
  }

  paragraph(runs: TextRun<InlineStyle>[], size: number, options: { indent?: number; color?: string; minLines?: number } = {}) {
    const x = MARGIN.left + (options.indent ?? 0);
    const lines = this.lines(runs, size, this.width - (options.indent ?? 0));
    for (const line of lines) this.drawLine(line, size, x, options);
    for (let missing = (options.minLines ?? 0) - lines.length; missing > 0; missing -= 1) this.y += this.lineHeight(size);
  }

  text(text: string, size: number, style: InlineStyle = "regular", color?: string) {
    this.paragraph([{ text, style }], size, { color });
  }

  space(size: number, share: number) {
    this.y += this.lineHeight(size) * share;
  }

  markdown(block: MarkdownBlock) {
    const indent = block.indent * INDENT;
    if (block.kind === "rule") {
      this.ensure(this.lineHeight(SIZE.body));
      const middle = this.y + this.lineHeight(SIZE.body) / 2;
      this.doc.save().lineWidth(0.5).strokeColor(RULE_COLOR).moveTo(MARGIN.left + indent, middle).lineTo(MARGIN.left + this.width, middle).stroke().restore();
      this.y += this.lineHeight(SIZE.body);
      return;
    }
    if (block.kind === "heading") {
      const size = HEADING_SIZES[(block.level ?? 1) - 1] ?? SIZE.body;
      if (!block.continued) this.space(SIZE.body, 0.4);
      this.ensure(this.lineHeight(size) * 2); // a heading never ends a page alone
      this.paragraph(block.runs.map((run) => ({ ...run, style: run.style === "italic" || run.style === "boldItalic" ? "boldItalic" : "bold" })), size, { indent });
      return;
    }
    if (!block.continued) this.space(SIZE.body, 0.35);
    if (block.marker) {
      this.ensure(this.lineHeight(SIZE.body));
      const markerWidth = this.doc.font(REGULAR).fontSize(SIZE.body).widthOfString(block.marker);
      this.doc.fillColor(TEXT_COLOR).text(block.marker, MARGIN.left + indent - markerWidth - 4, this.y, { lineBreak: false });
    }
    this.paragraph(block.runs, SIZE.body, { indent, color: block.kind === "code" ? MUTED_COLOR : undefined, minLines: block.kind === "code" ? 1 : 0 });
  }

  footer() {
    const label = this.digest.labels.page.replace("{page}", String(this.page)).replace("{pages}", String(this.totalPages ?? 0));
    const y = this.doc.page.height - FOOTER_FROM_BOTTOM;
    // Text below the bottom margin would make pdfkit start a new page.
    const bottomMargin = this.doc.page.margins.bottom;
    this.doc.page.margins.bottom = 0;
    this.doc.font(REGULAR).fontSize(SIZE.footer).fillColor(MUTED_COLOR);
    this.doc.text(this.digest.title, MARGIN.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true, height: this.lineHeight(SIZE.footer) });
    this.doc.text(label, MARGIN.left, y, { width: this.width, align: "right", lineBreak: false });
    this.doc.page.margins.bottom = bottomMargin;
  }
}

function createWriter(digest: DigestDocument, output: Writable, totalPages: number | null): Writer {
  const fonts = resolvePdfFonts(digest.locale);
  const doc = new PDFDocument({
    size: PAGE_SIZE,
    margins: MARGIN,
    lang: digest.locale,
    displayTitle: true,
    info: { Title: digest.title, Author: digest.author, Creator: "Exchange Desk", CreationDate: digest.generatedAt },
  });
  registerFont(doc, REGULAR, fonts.regular);
  if (fonts.bold) registerFont(doc, BOLD, fonts.bold);
  doc.pipe(output);
  return new Writer(doc, digest, totalPages, fonts.bold !== null);
}

/** The title block, then the contents: one line per report with its page (null while measuring: "0"). */
function writeFrontMatter(writer: Writer, headings: string[], pages: number[] | null): void {
  const { digest } = writer;
  writer.text(digest.title, SIZE.title, "bold");
  writer.space(SIZE.preamble, 0.3);
  for (const line of digest.preamble) writer.text(line, SIZE.preamble, "regular", MUTED_COLOR);
  writer.space(SIZE.preamble, 1);
  if (headings.length === 0) {
    writer.text(digest.labels.noReports, SIZE.body);
    return;
  }
  writer.text(digest.labels.contents, SIZE.contentsHeading, "bold");
  writer.space(SIZE.contents, 0.3);
  headings.forEach((heading, index) => {
    const lines = writer.lines([{ text: `${index + 1}. ${heading}`, style: "regular" }], SIZE.contents, writer.width - PAGE_NUMBER_WIDTH);
    // A contents line (a few lines at most) is never split across pages; its page number sits on its first line.
    writer.ensure(writer.lineHeight(SIZE.contents) * lines.length);
    const top = writer.y;
    const destination = `report-${index + 1}`;
    for (const line of lines) writer.drawLine(line, SIZE.contents, MARGIN.left, { goTo: destination });
    writer.doc.font(REGULAR).fontSize(SIZE.contents).fillColor(TEXT_COLOR);
    writer.doc.text(String(pages ? pages[index] : 0), MARGIN.left + writer.width - PAGE_NUMBER_WIDTH, top, {
      width: PAGE_NUMBER_WIDTH,
      align: "right",
      lineBreak: false,
      goTo: destination,
    });
  });
}

/**
 * Every report, each from the top of a page. While measuring (`writing` false) the first report starts on the first
 * page; when writing, the front matter is already on the pages before. Returns, for the contents, each report's
 * heading and first page counted from the first report page, and how many pages the reports take.
 */
async function writeReports(digest: DigestDocument, writer: Writer, writing: boolean): Promise<{ headings: string[]; entryPages: number[]; pageCount: number }> {
  const headings: string[] = [];
  const entryPages: number[] = [];
  const firstPage = writing ? writer.page + 1 : 1;
  for await (const entry of digest.entries()) {
    if (writing || headings.length > 0) writer.newPage();
    const number = headings.length + 1;
    headings.push(entry.heading);
    entryPages.push(writer.page - firstPage + 1);
    writer.doc.addNamedDestination(`report-${number}`, "XYZ", MARGIN.left, writer.doc.page.height - MARGIN.top, null);
    writer.text(`${number}. ${entry.heading}`, SIZE.heading, "bold");
    writer.space(SIZE.details, 0.3);
    for (const line of entry.details) writer.text(line, SIZE.details, "regular", MUTED_COLOR);
    for (const section of entry.sections) {
      writer.space(SIZE.section, 0.6);
      writer.ensure(writer.lineHeight(SIZE.section) + writer.lineHeight(SIZE.body) * 2); // a label never ends a page alone
      writer.text(section.label, SIZE.section, "bold");
      for (const block of markdownBlocks(section.markdown)) writer.markdown(block);
    }
  }
  return { headings, entryPages, pageCount: headings.length > 0 ? writer.page - firstPage + 1 : 0 };
}
