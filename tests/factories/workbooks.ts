import { crc32, deflateRawSync } from "node:zlib";

// Hand-built XLSX archives for the import's limit tests: a real zip container (local headers, central directory)
// whose entries and declared sizes the test chooses, so a decompression bomb and a header that lies about its size
// are made in the test itself rather than kept as opaque binary fixtures.

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** The uncompressed size written into both headers; the true size when left out. */
  declaredSize?: number;
}

export function buildZip(entries: ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data);
    const checksum = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A minimal workbook with one sheet named "Officers" whose sheetData (and optional trailing parts) the test writes. */
export function buildWorkbook(
  sheetData: Buffer | string,
  options: { beforeSheetData?: string; afterSheetData?: string; declaredSheetSize?: number } = {},
): Uint8Array {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, "utf8");
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheet = Buffer.concat([
    xml(`<worksheet xmlns="${main}" xmlns:r="${relationships}">${options.beforeSheetData ?? ""}<sheetData>`),
    Buffer.isBuffer(sheetData) ? sheetData : Buffer.from(sheetData, "utf8"),
    Buffer.from(`</sheetData>${options.afterSheetData ?? ""}</worksheet>`, "utf8"),
  ]);
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: "xl/workbook.xml",
      data: xml(`<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Officers" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet, declaredSize: options.declaredSheetSize },
  ]);
}

/** An inline-string cell, as a row's XML. */
export const inlineRow = (rowNumber: number, texts: string[]) =>
  `<row r="${rowNumber}">${texts.map((text, index) => `<c r="${String.fromCharCode(65 + index)}${rowNumber}" t="inlineStr"><is><t>${text}</t></is></c>`).join("")}</row>`;

/**
 * A decompression bomb shaped like a real sheet: a header row, then `rows` rows each carrying one `cellBytes`-long
 * run of one letter — a few hundred kilobytes on disk that expand to rows × cellBytes.
 */
export function buildBombWorkbook({ rows, cellBytes, declaredSheetSize }: { rows: number; cellBytes: number; declaredSheetSize?: number }): Uint8Array {
  const filler = "A".repeat(cellBytes);
  const parts = [inlineRow(1, ["Staff number", "Surname"])];
  for (let row = 2; row <= rows + 1; row++) parts.push(inlineRow(row, [`S${row}`, filler]));
  return buildWorkbook(Buffer.from(parts.join(""), "utf8"), { declaredSheetSize });
}
