import type { AppLocale } from "@/lib/i18n/locales";

// The officer import file format: one header row, then one officer per row. Headers may be written in any of the
// three languages (or as the camelCase key); matching ignores case, spaces, underscores, hyphens and a trailing "*".

export const officerImportColumns = [
  { key: "staffNumber", required: true, headers: { en: "Staff number", "zh-Hant": "職員編號", "zh-Hans": "人员编号" } },
  { key: "surname", required: true, headers: { en: "Surname", "zh-Hant": "姓氏（英文）", "zh-Hans": "姓（拼音）" } },
  { key: "givenName", required: true, headers: { en: "Given name", "zh-Hant": "名字（英文）", "zh-Hans": "名（拼音）" } },
  { key: "otherName", required: false, headers: { en: "Other name", "zh-Hant": "英文別名", "zh-Hans": "英文名" } },
  { key: "chineseName", required: false, headers: { en: "Chinese name", "zh-Hant": "中文姓名", "zh-Hans": "中文姓名" } },
  { key: "rankCode", required: true, headers: { en: "Rank code", "zh-Hant": "職級代碼", "zh-Hans": "职级代码" } },
  { key: "departmentCode", required: true, headers: { en: "Department code", "zh-Hant": "部門代碼", "zh-Hans": "部门代码" } },
  { key: "fieldCodes", required: false, headers: { en: "Field codes", "zh-Hant": "範疇代碼", "zh-Hans": "领域代码" } },
  { key: "workEmail", required: true, headers: { en: "Work email", "zh-Hant": "工作電郵", "zh-Hans": "工作邮箱" } },
] as const satisfies readonly { key: string; required: boolean; headers: Record<AppLocale, string> }[];

export type OfficerImportColumnKey = (typeof officerImportColumns)[number]["key"];

export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*（）()]+/gu, "");
}

const headerLookup = new Map<string, OfficerImportColumnKey>();
for (const column of officerImportColumns) {
  headerLookup.set(normalizeHeader(column.key), column.key);
  for (const header of Object.values(column.headers)) headerLookup.set(normalizeHeader(header), column.key);
}
// Short forms people type by hand.
for (const [alias, key] of [
  ["staff no", "staffNumber"],
  ["staff no.", "staffNumber"],
  ["email", "workEmail"],
  ["rank", "rankCode"],
  ["department", "departmentCode"],
  ["fields", "fieldCodes"],
] as const) {
  headerLookup.set(normalizeHeader(alias), key);
}

export function columnForHeader(header: string): OfficerImportColumnKey | undefined {
  return headerLookup.get(normalizeHeader(header));
}

export function columnLabel(key: OfficerImportColumnKey, locale: AppLocale): string {
  return officerImportColumns.find((column) => column.key === key)?.headers[locale] ?? key;
}

/** Field codes in one cell: "URBAN_PLANNING; TRANSPORT" (semicolons, commas or spaces). */
export function splitCodes(cell: string): string[] {
  return cell
    .split(/[;,，；、\s]+/u)
    .map((code) => code.trim())
    .filter(Boolean);
}
