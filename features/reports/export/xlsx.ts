import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { displayWidth } from "./cell-values";
import type { ExportColumn, ExportMeta, PlacementReportRow } from "./types";
import { ZipStreamWriter } from "./zip";

/** Typical content width in characters; the header can only widen a column. */
const TYPICAL_WIDTH: Record<keyof PlacementReportRow, number> = {
  cohortCode: 14,
  cohortName: 24,
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

/** Style ids in styles.xml below. */
const HEADER_STYLE = 1;
/** Used by the rows (export/report-copy.ts). */
export const DATE_STYLE = 2;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIP_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Streams a worksheet into an XLSX workbook (SpreadsheetML in a ZIP), compressing it as it is written: memory stays
 * flat whatever the row count. `sheetRows` is the `<row>` elements after the header, as produced by PostgreSQL
 * (export/report-copy.ts: inline or shared strings, never formulas, real dates); `sharedStrings` the texts their
 * shared-string cells point to, by position. This adds the bold, frozen header row with an autofilter, column
 * widths, styles and the package parts. See docs/decisions/021 for why the rows come from SQL.
 *
 * `output` is ended on success. On failure, including `output` closing early (a client that went away), the
 * promise rejects, reading rows stops, and `output` is destroyed.
 */
export async function writePlacementXlsx(
  sheetRows: AsyncIterable<Buffer | string>,
  columns: ExportColumn[],
  meta: ExportMeta,
  output: Writable,
  sharedStrings: readonly string[] = [],
): Promise<void> {
  const outputFinished = finished(output, { readable: false });
  outputFinished.catch(() => {}); // awaited below; a failure before then must not count as unhandled
  const sheetName = worksheetName(meta.title);
  const lastColumn = columnLetter(columns.length);
  try {
    const zip = new ZipStreamWriter(output, outputFinished, meta.generatedAt);
    // The sheet goes first (ZIP order means nothing to spreadsheet programs): rows are read from the start, and an
    // output that closes early is noticed on the next chunk.
    const sheet = await zip.openEntry("xl/worksheets/sheet1.xml");
    try {
      await sheet.write(worksheetStartXml(columns) + headerRowXml(columns, columnLetters(columns.length)));
      for await (const chunk of sheetRows) {
        if (output.destroyed) await outputFinished;
        await sheet.write(chunk);
      }
      await sheet.write(`</sheetData><autoFilter ref="A1:${lastColumn}1"/></worksheet>`);
      await sheet.close();
    } catch (error) {
      sheet.destroy();
      throw error;
    }
    await zip.addFile("[Content_Types].xml", contentTypesXml());
    await zip.addFile("_rels/.rels", packageRelationshipsXml());
    await zip.addFile("docProps/core.xml", corePropertiesXml(meta));
    await zip.addFile("docProps/app.xml", appPropertiesXml());
    await zip.addFile("xl/workbook.xml", workbookXml(sheetName, lastColumn));
    await zip.addFile("xl/_rels/workbook.xml.rels", workbookRelationshipsXml());
    await zip.addFile("xl/styles.xml", STYLES_XML);
    await zip.addFile("xl/sharedStrings.xml", sharedStringsXml(sharedStrings));

    await zip.finish();
    output.end();
    await outputFinished;
  } catch (error) {
    output.destroy();
    throw error;
  }
}

/** A, B, C … for the first `count` columns. */
export function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, index) => columnLetter(index + 1));
}

function headerRowXml(columns: ExportColumn[], letters: string[]): string {
  const cells = columns.map(
    (column, index) => `<c r="${letters[index]}1" s="${HEADER_STYLE}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(column.header)}</t></is></c>`,
  );
  return `<row r="1">${cells.join("")}</row>`;
}

function worksheetStartXml(columns: ExportColumn[]): string {
  const widths = columns.map((column, index) => {
    const width = Math.max(TYPICAL_WIDTH[column.key], displayWidth(column.header) + 4);
    return `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
  });
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIP_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.join("")}</cols><sheetData>`
  );
}

// Characters XML 1.0 cannot hold at all are dropped; CR is kept as a character reference because a literal one would
// be read back as a line feed.
const XML_SPECIAL = "[&<>\\r\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]";
const HAS_XML_SPECIAL = new RegExp(XML_SPECIAL);
const ALL_XML_SPECIAL = new RegExp(XML_SPECIAL, "g");
const XML_REPLACEMENT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

export function escapeXml(text: string): string {
  return HAS_XML_SPECIAL.test(text) ? text.replace(ALL_XML_SPECIAL, (character) => XML_REPLACEMENT[character] ?? "") : text;
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, "&quot;");
}

/** 1 → A, 27 → AA. */
function columnLetter(position: number): string {
  let letters = "";
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
function worksheetName(title: string): string {
  const cleaned = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  const shortened = Array.from(cleaned).slice(0, 31).join("");
  return shortened.replace(/^'+|'+$/g, "").trim() || "Report";
}

function contentTypesXml(): string {
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`
  );
}

function packageRelationshipsXml(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIP_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${RELATIONSHIP_NS}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`
  );
}

function corePropertiesXml(meta: ExportMeta): string {
  const created = `${meta.generatedAt.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(meta.title)}</dc:title><dc:creator>${escapeXml(meta.generatedBy)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
  );
}

function appPropertiesXml(): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Exchange Desk</Application></Properties>`;
}

function workbookXml(sheetName: string, lastColumn: string): string {
  const quotedName = `'${sheetName.replace(/'/g, "''")}'`;
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIP_NS}">` +
    `<bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${escapeAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(quotedName)}!$A$1:$${lastColumn}$1</definedName></definedNames>` +
    `</workbook>`
  );
}

function workbookRelationshipsXml(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIP_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${RELATIONSHIP_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId3" Type="${RELATIONSHIP_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    `</Relationships>`
  );
}

function sharedStringsXml(texts: readonly string[]): string {
  const items = texts.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join("");
  return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" uniqueCount="${texts.length}">${items}</sst>`;
}

const STYLES_XML =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;
