import { z } from "zod";
import { officerTextRules } from "@/features/officers/schemas";
import { columnForHeader, officerImportColumns, splitCodes, type OfficerImportColumnKey } from "./columns";
import type { FileProblem, ParsedSheet } from "./parse";
import { issueMessageKey } from "@/lib/validation-messages";

// Checks every row of a parsed officer file against the same field rules as the officer form, and resolves the
// rank, department and field codes against the coordinator's own side. Pure: the caller loads the references.

export interface ReferenceEntry {
  id: string;
  active: boolean;
}

export interface ExistingOfficer {
  id: string;
  rankId: string;
  departmentId: string;
  fieldIds: string[];
}

export interface ImportReferences {
  /** Keyed by upper-case code. */
  ranks: Map<string, ReferenceEntry>;
  departments: Map<string, ReferenceEntry>;
  fields: Map<string, ReferenceEntry>;
  /** Officers of the coordinator's side, keyed by (upper-case) staff number. */
  existing: Map<string, ExistingOfficer>;
}

/** One problem in one cell (or one row when `column` is null); `key` is a full catalog key, e.g. "errors.required". */
export interface ImportRowError {
  row: number;
  column: OfficerImportColumnKey | null;
  key: string;
  values?: Record<string, string | number>;
  /** What the cell held, as entered (cut to `reportedValueLength`), so the person sees what to correct. */
  value?: string;
}

export const reportedValueLength = 200;

/** The value entered, as a report shows it: cut to `reportedValueLength` characters with an ellipsis. */
export function reportedValue(text: string): string {
  return text.length > reportedValueLength ? `${text.slice(0, reportedValueLength - 1)}…` : text;
}

export interface ImportOfficerRow {
  rowNumber: number;
  /** Set when the staff number already exists on the coordinator's side: the row updates that officer. */
  existingId: string | null;
  staffNumber: string;
  surname: string;
  givenName: string;
  otherName: string | null;
  chineseName: string | null;
  rankId: string;
  departmentId: string;
  workEmail: string;
  /** Null when the file has no field-codes column: an update then keeps the officer's fields. */
  fieldIds: string[] | null;
}

export interface ImportValidation {
  /** Problems with the header row; when present, no row is checked. */
  fileProblems: FileProblem[];
  rows: ImportOfficerRow[];
  errors: ImportRowError[];
  /** Columns the file has; optional columns it lacks are left unchanged on existing officers. */
  columns: OfficerImportColumnKey[];
}

/** Each column is checked on its own, so one bad cell never hides the problems of the others in its row. */
const cellRules = {
  ...officerTextRules,
  rankCode: z.string().trim().min(1).max(32),
  departmentCode: z.string().trim().min(1).max(32),
  fieldCodes: z.string().max(500),
} satisfies Record<OfficerImportColumnKey, z.ZodType>;

type CellValues = { [Key in OfficerImportColumnKey]: z.output<(typeof cellRules)[Key]> };

/** The catalog key for a zod issue, matching what lib/action.ts shows for the same rule on a form. */
export function issueMessage(issue: z.core.$ZodIssue): { key: string; values?: Record<string, string | number> } {
  const { key, values } = issueMessageKey(issue);
  return { key: `errors.${key}`, values };
}

export function mapHeaders(headers: string[]): { columnAt: (OfficerImportColumnKey | null)[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const seen = new Set<OfficerImportColumnKey>();
  const columnAt = headers.map((header) => {
    if (header === "") return null;
    const key = columnForHeader(header);
    if (!key) {
      problems.push({ key: "unknownColumn", values: { header } });
      return null;
    }
    if (seen.has(key)) problems.push({ key: "duplicateColumn", values: { header } });
    seen.add(key);
    return key;
  });
  for (const column of officerImportColumns) {
    if (column.required && !seen.has(column.key)) problems.push({ key: "missingColumn", values: { column: column.key } });
  }
  return { columnAt, problems };
}

/** Looks a code up among the side's references; a retired one is accepted only where the officer already has it. */
function resolveCode(entries: Map<string, ReferenceEntry>, code: string | undefined, isCurrent: (id: string) => boolean) {
  if (code === undefined) return {};
  const entry = entries.get(code.toUpperCase());
  if (!entry) return { problem: "unknown" as const };
  if (!entry.active && !isCurrent(entry.id)) return { problem: "inactive" as const };
  return { entry };
}

const requiredKeys = officerImportColumns.filter((column) => column.required).map((column) => column.key);
const isComplete = (row: Partial<CellValues>): row is CellValues & Partial<CellValues> => requiredKeys.every((key) => row[key] !== undefined);

export function validateOfficerSheet(sheet: ParsedSheet, references: ImportReferences): ImportValidation {
  const { columnAt, problems } = mapHeaders(sheet.headers);
  const columns = columnAt.filter((key): key is OfficerImportColumnKey => key !== null);
  if (problems.length > 0) return { fileProblems: problems, rows: [], errors: [], columns };
  const hasFieldColumn = columns.includes("fieldCodes");
  const rows: ImportOfficerRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfStaffNumber = new Map<string, number>();

  for (const { rowNumber, cells } of sheet.rows) {
    const raw: Record<string, string> = {};
    columnAt.forEach((key, index) => {
      if (key) raw[key] = cells[index] ?? "";
    });
    const rowErrors: ImportRowError[] = [];
    const problem = (column: OfficerImportColumnKey | null, key: string, values?: ImportRowError["values"], value = column ? (raw[column] ?? "") : "") =>
      rowErrors.push({ row: rowNumber, column, key, values, value: reportedValue(value) });
    // A cell with content under a blank header is data the user expects to be read; say so rather than drop it.
    cells.forEach((cell, index) => {
      if ((index >= columnAt.length || columnAt[index] === null) && cell.trim() !== "") problem(null, "import.valueWithoutColumn", { column: index + 1 }, cell);
    });
    const values: Partial<CellValues> = {};
    for (const key of Object.keys(cellRules) as OfficerImportColumnKey[]) {
      if (!(key in raw)) continue;
      const parsed = cellRules[key].safeParse(raw[key]);
      // The first problem of a cell is the one worth fixing; "required" and "wrong format" together add nothing.
      if (parsed.success) (values as Record<string, unknown>)[key] = parsed.data;
      else rowErrors.push({ row: rowNumber, column: key, ...issueMessage(parsed.error.issues[0]), value: reportedValue(raw[key]) });
    }
    const row = values as Partial<CellValues>;
    const existing = row.staffNumber ? (references.existing.get(row.staffNumber) ?? null) : null;

    const earlier = row.staffNumber ? firstRowOfStaffNumber.get(row.staffNumber) : undefined;
    if (earlier !== undefined) problem("staffNumber", "import.duplicateStaffNumber", { row: earlier });
    else if (row.staffNumber) firstRowOfStaffNumber.set(row.staffNumber, rowNumber);

    const rank = resolveCode(references.ranks, row.rankCode, (id) => existing?.rankId === id);
    if (rank.problem) problem("rankCode", rank.problem === "unknown" ? "import.unknownRank" : "import.inactiveRank", { code: row.rankCode ?? "" });
    const department = resolveCode(references.departments, row.departmentCode, (id) => existing?.departmentId === id);
    if (department.problem) problem("departmentCode", department.problem === "unknown" ? "import.unknownDepartment" : "import.inactiveDepartment", { code: row.departmentCode ?? "" });
    const fieldIds: string[] = [];
    for (const code of splitCodes(row.fieldCodes ?? "")) {
      const field = resolveCode(references.fields, code, (id) => existing?.fieldIds.includes(id) ?? false);
      if (field.problem) problem("fieldCodes", field.problem === "unknown" ? "import.unknownField" : "import.inactiveField", { code });
      else if (field.entry && !fieldIds.includes(field.entry.id)) fieldIds.push(field.entry.id);
    }

    errors.push(...rowErrors);
    if (rowErrors.length > 0 || !isComplete(row) || !rank.entry || !department.entry) continue;
    rows.push({
      rowNumber,
      existingId: existing?.id ?? null,
      staffNumber: row.staffNumber,
      surname: row.surname,
      givenName: row.givenName,
      otherName: row.otherName ?? null,
      chineseName: row.chineseName ?? null,
      rankId: rank.entry.id,
      departmentId: department.entry.id,
      workEmail: row.workEmail,
      fieldIds: hasFieldColumn ? fieldIds : null,
    });
  }
  return { fileProblems: [], rows, errors, columns };
}
