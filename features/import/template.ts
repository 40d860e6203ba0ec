import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { localizedName, trilingualNameSelect } from "@/lib/i18n/locales";
import { officerImportColumns } from "./columns";

// The downloadable import template: the header row in the user's language (required columns marked "*"), and the
// rank, department and field codes the coordinator's side may use. The parser accepts the headers in any language.

export interface TemplateTexts {
  officersSheet: string;
  codesSheet: string;
  instructionsSheet: string;
  instructions: string[];
  codeKinds: { rank: string; department: string; field: string };
  codeHeaders: { kind: string; code: string; name: string };
}

interface CodeRow {
  kind: string;
  code: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
}

async function loadCodes(actor: Actor, texts: TemplateTexts): Promise<CodeRow[]> {
  const jurisdictionId = actor.jurisdictionId ?? "";
  const names = { code: true, ...trilingualNameSelect } as const;
  const [ranks, departments, fields] = await Promise.all([
    db.rank.findMany({ where: { jurisdictionId, active: true }, orderBy: [{ grade: "asc" }, { level: "asc" }], select: names }),
    db.department.findMany({ where: { jurisdictionId, active: true }, orderBy: { code: "asc" }, select: names }),
    db.field.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: names }),
  ]);
  return [
    ...ranks.map((row) => ({ kind: texts.codeKinds.rank, ...row })),
    ...departments.map((row) => ({ kind: texts.codeKinds.department, ...row })),
    ...fields.map((row) => ({ kind: texts.codeKinds.field, ...row })),
  ];
}

const headerRow = (locale: AppLocale) => officerImportColumns.map((column) => `${column.headers[locale]}${column.required ? " *" : ""}`);

/** CSV in UTF-8 with a BOM (so Excel shows Chinese correctly); instructions and codes as "#" lines the import skips. */
export async function buildCsvTemplate(actor: Actor, locale: AppLocale, texts: TemplateTexts): Promise<string> {
  const codes = await loadCodes(actor, texts);
  const comments = [
    ...texts.instructions.map((line) => [`# ${line}`]),
    ...codes.map((row) => [`# ${row.kind}: ${row.code} — ${localizedName(row, locale)}`]),
  ];
  return `\uFEFF${stringify([...comments, headerRow(locale)], { record_delimiter: "\r\n" })}`;
}

export async function buildXlsxTemplate(actor: Actor, locale: AppLocale, texts: TemplateTexts): Promise<Uint8Array> {
  const codes = await loadCodes(actor, texts);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Exchange Desk";
  const officers = workbook.addWorksheet(texts.officersSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  officers.addRow(headerRow(locale)).font = { bold: true };
  officers.columns.forEach((column) => (column.width = 22));
  // Staff numbers stay text, so Excel does not drop leading zeros or turn long numbers into 1.2E+11.
  officers.getColumn(1).numFmt = "@";

  const codeSheet = workbook.addWorksheet(texts.codesSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  codeSheet.addRow([texts.codeHeaders.kind, texts.codeHeaders.code, "English", "繁體中文", "简体中文"]).font = { bold: true };
  for (const row of codes) codeSheet.addRow([row.kind, row.code, row.nameEn, row.nameZhHant, row.nameZhHans]);
  [14, 18, 60, 36, 36].forEach((width, index) => (codeSheet.getColumn(index + 1).width = width));

  const instructions = workbook.addWorksheet(texts.instructionsSheet);
  for (const line of texts.instructions) instructions.addRow([line]);
  instructions.getColumn(1).width = 120;

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
