import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit, writeAuditEntries, type AuditEntry } from "@/lib/audit";
import { isAllowed, type Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import { AppError, ForbiddenError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { formatOfficerName } from "@/features/officers/names";
import { sql } from "kysely";
import { runQuery, runStatement, sqlBuilder } from "@/lib/kysely";
import { advisoryLock, anyText, unnestText } from "@/lib/sql-fragments";
import { columnForHeader } from "./columns";
import { parseImportFile, type FileProblem, type ParsedSheet } from "./parse";
import { validateOfficerSheet, type ExistingOfficer, type ImportOfficerRow, type ImportReferences, type ImportRowError } from "./validate";
import { recordEvent } from "@/features/notifications/events";

// Bulk import of officers by a coordinator, for its own side only: preview (nothing written) and commit (all rows
// in one transaction, or none). Rows are matched to existing officers by staff number within the coordinator's
// jurisdiction — never across sides. See docs/decisions/012-officer-import.md.

type Tx = Prisma.TransactionClient;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportPhase = "reading" | "checking" | "saving";
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export type RowAction = "create" | "update" | "unchanged";

export interface ImportSampleRow {
  rowNumber: number;
  staffNumber: string;
  name: string;
  chineseName: string | null;
  action: RowAction;
}

export interface ImportPreview {
  fileName: string;
  format: ParsedSheet["format"] | null;
  sha256: string;
  rowCount: number;
  counts: Record<RowAction, number>;
  fileProblems: FileProblem[];
  /** The first errors (at most `maxReportedErrors`), in row order; `errorCount` has them all. */
  errors: ImportRowError[];
  errorCount: number;
  sample: ImportSampleRow[];
}

export interface ImportCommitResult {
  counts: Record<RowAction, number>;
  rowCount: number;
}

export const maxReportedErrors = 500;
const sampleSize = 20;
const auditEntity = "Officer";

function importingJurisdiction(actor: Actor): string {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) throw new ForbiddenError();
  if (!isAllowed(actor, "officer:import", { kind: "officer", id: "", jurisdictionId: actor.jurisdictionId })) throw new ForbiddenError();
  return actor.jurisdictionId;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Staff numbers as written in the file, normalised like the schema does, to look up existing officers in one query. */
function staffNumbersIn(sheet: ParsedSheet): string[] {
  const index = sheet.headers.findIndex((header) => columnForHeader(header) === "staffNumber");
  if (index < 0) return [];
  return [...new Set(sheet.rows.map((row) => (row.cells[index] ?? "").trim().toUpperCase()).filter(Boolean))];
}

interface ExistingRow extends ExistingOfficer {
  staffNumber: string;
  surname: string;
  givenName: string;
  otherName: string | null;
  chineseName: string | null;
  workEmail: string;
}

async function loadReferences(client: Tx | typeof db, jurisdictionId: string, staffNumbers: string[], lock: boolean) {
  if (lock) {
    // Row locks on the officers the file touches: a form edit running now waits, then meets the new version.
    await runQuery(sqlBuilder.selectFrom("Officer").select("id").where("jurisdictionId", "=", jurisdictionId).where("staffNumber", "=", anyText(staffNumbers)).forUpdate(), client);
  }
  // One after another: inside the commit transaction this is one connection, where pg deprecates queued queries.
  const ranks = await client.rank.findMany({ where: { jurisdictionId }, select: { id: true, code: true, active: true } });
  const departments = await client.department.findMany({ where: { jurisdictionId }, select: { id: true, code: true, active: true } });
  const fields = await client.field.findMany({ select: { id: true, code: true, active: true } });
  const existing: ExistingRow[] = await runQuery(
    sqlBuilder
      .selectFrom("Officer as o")
      .leftJoin("OfficerField as f", "f.officerId", "o.id")
      .select(["o.id", "o.staffNumber", "o.surname", "o.givenName", "o.otherName", "o.chineseName", "o.rankId", "o.departmentId", "o.workEmail"])
      .select((eb) =>
        eb.fn
          .coalesce(eb.fn.agg<string[]>("array_agg", ["f.fieldId"]).orderBy("f.fieldId").filterWhere("f.fieldId", "is not", null), sql<string[]>`'{}'`)
          .as("fieldIds"),
      )
      .where("o.jurisdictionId", "=", jurisdictionId)
      .where("o.staffNumber", "=", anyText(staffNumbers))
      .groupBy("o.id"),
    client,
  );
  const byCode = (rows: { id: string; code: string; active: boolean }[]) => new Map(rows.map((row) => [row.code.toUpperCase(), { id: row.id, active: row.active }]));
  const references: ImportReferences = {
    ranks: byCode(ranks),
    departments: byCode(departments),
    fields: byCode(fields),
    existing: new Map(existing.map((row) => [row.staffNumber, row])),
  };
  return { references, existing: new Map(existing.map((row) => [row.id, row])) };
}

/** The values an existing officer ends up with: columns missing from the file keep what the officer has. */
function mergedValues(row: ImportOfficerRow, current: ExistingRow | undefined, columns: Set<string>) {
  return {
    surname: row.surname,
    givenName: row.givenName,
    otherName: columns.has("otherName") || !current ? row.otherName : current.otherName,
    chineseName: columns.has("chineseName") || !current ? row.chineseName : current.chineseName,
    rankId: row.rankId,
    departmentId: row.departmentId,
    workEmail: row.workEmail,
    fieldIds: [...(row.fieldIds ?? current?.fieldIds ?? [])].sort(),
  };
}

type Merged = ReturnType<typeof mergedValues>;

function isUnchanged(merged: Merged, current: ExistingRow): boolean {
  return (
    merged.surname === current.surname &&
    merged.givenName === current.givenName &&
    merged.otherName === current.otherName &&
    merged.chineseName === current.chineseName &&
    merged.rankId === current.rankId &&
    merged.departmentId === current.departmentId &&
    merged.workEmail === current.workEmail &&
    merged.fieldIds.join() === [...current.fieldIds].sort().join()
  );
}

interface Plan {
  sheet: ParsedSheet | null;
  fileProblems: FileProblem[];
  errors: ImportRowError[];
  creates: { row: ImportOfficerRow; values: Merged }[];
  updates: { row: ImportOfficerRow; values: Merged; current: ExistingRow }[];
  unchanged: ImportOfficerRow[];
}

async function planImport(client: Tx | typeof db, jurisdictionId: string, file: ImportFile, lock: boolean, onProgress?: ImportProgress): Promise<Plan> {
  const empty = { errors: [], creates: [], updates: [], unchanged: [] };
  onProgress?.("reading", 0, file.bytes.byteLength);
  const parsed = await parseImportFile(file.bytes, file.name);
  if (!parsed.ok) return { sheet: null, fileProblems: [parsed.problem], ...empty };
  const sheet = parsed.sheet;
  onProgress?.("checking", 0, sheet.rows.length);
  const { references, existing } = await loadReferences(client, jurisdictionId, staffNumbersIn(sheet), lock);
  const validation = validateOfficerSheet(sheet, references);
  if (validation.fileProblems.length > 0) return { sheet, fileProblems: validation.fileProblems, ...empty };
  const columns = new Set<string>(validation.columns);
  const cellErrors = cellProblemErrors(sheet);
  const plan: Plan = { sheet, fileProblems: [], errors: withCellErrors(validation.errors, cellErrors), creates: [], updates: [], unchanged: [] };
  const rowsWithCellErrors = new Set(cellErrors.map((error) => error.row));
  for (const row of validation.rows) {
    if (rowsWithCellErrors.has(row.rowNumber)) continue;
    const current = row.existingId ? existing.get(row.existingId) : undefined;
    const values = mergedValues(row, current, columns);
    if (!current) plan.creates.push({ row, values });
    else if (isUnchanged(values, current)) plan.unchanged.push(row);
    else plan.updates.push({ row, values, current });
  }
  onProgress?.("checking", sheet.rows.length, sheet.rows.length);
  return plan;
}

/** A cell the parser could not read (a formula saved without its value), as an error of its row and column. */
function cellProblemErrors(sheet: ParsedSheet): ImportRowError[] {
  return (sheet.cellProblems ?? []).map((problem) => ({
    row: problem.rowNumber,
    column: columnForHeader(sheet.headers[problem.columnIndex] ?? "") ?? null,
    key: `import.problems.${problem.key}`,
    values: { cell: problem.cell },
  }));
}

/** The unreadable cell's own error replaces what validation said about the empty text it stood for. */
function withCellErrors(errors: ImportRowError[], cellErrors: ImportRowError[]): ImportRowError[] {
  if (cellErrors.length === 0) return errors;
  const covered = new Set(cellErrors.map((error) => `${error.row}:${error.column}`));
  const kept = errors.filter((error) => error.column === null || !covered.has(`${error.row}:${error.column}`));
  return [...kept, ...cellErrors].sort((a, b) => a.row - b.row);
}

function countsOf(plan: Plan): Record<RowAction, number> {
  return { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged.length };
}

/** Checks a file and reports what a commit would do; writes nothing. */
export async function previewOfficerImport(actor: Actor, file: ImportFile, onProgress?: ImportProgress): Promise<ImportPreview> {
  const jurisdictionId = importingJurisdiction(actor);
  const plan = await planImport(db, jurisdictionId, file, false, onProgress);
  const actions = new Map<number, RowAction>([
    ...plan.creates.map(({ row }) => [row.rowNumber, "create"] as const),
    ...plan.updates.map(({ row }) => [row.rowNumber, "update"] as const),
    ...plan.unchanged.map((row) => [row.rowNumber, "unchanged"] as const),
  ]);
  const valid = [...plan.creates.map(({ row }) => row), ...plan.updates.map(({ row }) => row), ...plan.unchanged].sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    fileName: file.name,
    format: plan.sheet?.format ?? null,
    sha256: sha256Of(file.bytes),
    rowCount: plan.sheet?.rows.length ?? 0,
    counts: countsOf(plan),
    fileProblems: plan.fileProblems,
    errors: plan.errors.slice(0, maxReportedErrors),
    errorCount: plan.errors.length,
    sample: valid.slice(0, sampleSize).map((row) => ({
      rowNumber: row.rowNumber,
      staffNumber: row.staffNumber,
      name: formatOfficerName(row),
      chineseName: row.chineseName,
      action: actions.get(row.rowNumber) ?? "create",
    })),
  };
}

/** Refusal of a commit; carries the same report as a preview so the page can show what is wrong. */
export class ImportRejectedError extends AppError {
  constructor(readonly preview: Pick<ImportPreview, "fileProblems" | "errors" | "errorCount">) {
    super("importRejected");
    this.name = "ImportRejectedError";
  }
}

/**
 * Writes every row of the file in one transaction, or nothing. The file must be the one that was previewed
 * (same SHA-256); it is parsed and checked again inside the transaction against the current data, with the
 * officers it touches locked, so a preview that went stale cannot be committed blindly.
 */
export async function commitOfficerImport(
  actor: Actor,
  request: RequestContext,
  file: ImportFile,
  previewedSha256: string,
  onProgress?: ImportProgress,
): Promise<ImportCommitResult> {
  const jurisdictionId = importingJurisdiction(actor);
  const sha256 = sha256Of(file.bytes);
  if (sha256 !== previewedSha256) throw new AppError("importFileChanged");
  return db.$transaction(
    async (tx) => {
      // One import per side at a time: two files creating the same new staff number would otherwise race.
      await runStatement(sqlBuilder.selectNoFrom(advisoryLock(`officer-import:${jurisdictionId}`).as("locked")), tx);
      const plan = await planImport(tx, jurisdictionId, file, true, onProgress);
      if (plan.fileProblems.length > 0 || plan.errors.length > 0) {
        throw new ImportRejectedError({ fileProblems: plan.fileProblems, errors: plan.errors.slice(0, maxReportedErrors), errorCount: plan.errors.length });
      }
      const total = plan.creates.length + plan.updates.length;
      onProgress?.("saving", 0, total);
      const created = await insertOfficers(tx, jurisdictionId, plan.creates);
      onProgress?.("saving", plan.creates.length, total);
      await updateOfficers(tx, plan.updates);
      await writeRowAudit(tx, actor, request, created, plan.updates);
      await writeAudit(tx, actor, request, {
        action: "officer.import",
        entityType: auditEntity,
        entityId: null,
        after: {
          fileName: file.name,
          sha256,
          rows: plan.sheet?.rows.length ?? 0,
          created: plan.creates.length,
          updated: plan.updates.length,
          unchanged: plan.unchanged.length,
        },
      });
      await recordEvent(tx, actor.userId, { kind: "import.finished", importId: sha256, created: plan.creates.length, updated: plan.updates.length });
      onProgress?.("saving", total, total);
      return { counts: countsOf(plan), rowCount: plan.sheet?.rows.length ?? 0 };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The officers' ids and values as one text array per column, for `unnestText`. */
function officerArrays(officers: { id: string; values: Merged }[]) {
  return {
    id: officers.map(({ id }) => id),
    surname: officers.map(({ values }) => values.surname),
    givenName: officers.map(({ values }) => values.givenName),
    otherName: officers.map(({ values }) => values.otherName),
    chineseName: officers.map(({ values }) => values.chineseName),
    rankId: officers.map(({ values }) => values.rankId),
    departmentId: officers.map(({ values }) => values.departmentId),
    workEmail: officers.map(({ values }) => values.workEmail),
  };
}

/**
 * New officers in one INSERT … SELECT FROM unnest(…): a single statement however many rows (Prisma's createMany
 * splits 5,000 rows into many bound-parameter batches and took seconds). Ids are random UUIDs generated here,
 * since Prisma's cuid() default only applies to rows Prisma itself inserts; ids are opaque either way.
 */
async function insertOfficers(tx: Tx, jurisdictionId: string, creates: Plan["creates"]) {
  if (creates.length === 0) return [];
  const created = creates.map(({ row, values }) => ({ id: randomUUID(), staffNumber: row.staffNumber, values }));
  await runStatement(
    sqlBuilder
      .insertInto("Officer")
      .columns(["id", "jurisdictionId", "staffNumber", "surname", "givenName", "otherName", "chineseName", "rankId", "departmentId", "workEmail", "updatedAt"])
      .expression((eb) =>
        eb
          .selectFrom(
            unnestText({ ...officerArrays(created), staffNumber: created.map((officer) => officer.staffNumber) }).as("u"),
          )
          .select([
            "u.id", sql<string>`${jurisdictionId}`.as("jurisdictionId"), "u.staffNumber", "u.surname", "u.givenName", "u.otherName",
            "u.chineseName", "u.rankId", "u.departmentId", "u.workEmail", sql<Date>`now()`.as("updatedAt"),
          ]),
      ),
    tx,
  );
  await insertFieldLinks(tx, created.flatMap((officer) => officer.values.fieldIds.map((fieldId) => [officer.id, fieldId] as const)));
  return created;
}

async function insertFieldLinks(tx: Tx, links: (readonly [officerId: string, fieldId: string])[]) {
  if (links.length === 0) return;
  await runStatement(
    sqlBuilder
      .insertInto("OfficerField")
      .columns(["officerId", "fieldId"])
      .expression((eb) =>
        eb.selectFrom(unnestText({ officerId: links.map(([officerId]) => officerId), fieldId: links.map(([, fieldId]) => fieldId) }).as("u")).select(["u.officerId", "u.fieldId"]),
      ),
    tx,
  );
}

/** All changed officers in one UPDATE … FROM unnest(…): one round trip however many rows. */
async function updateOfficers(tx: Tx, updates: Plan["updates"]) {
  if (updates.length === 0) return;
  await runStatement(
    sqlBuilder
      .updateTable("Officer as o")
      .from(
        unnestText(officerArrays(updates.map(({ current, values }) => ({ id: current.id, values })))).as("u"),
      )
      .set((eb) => ({
        surname: eb.ref("u.surname"),
        givenName: eb.ref("u.givenName"),
        otherName: eb.ref("u.otherName"),
        chineseName: eb.ref("u.chineseName"),
        rankId: eb.ref("u.rankId"),
        departmentId: eb.ref("u.departmentId"),
        workEmail: eb.ref("u.workEmail"),
        version: eb("o.version", "+", 1),
        updatedAt: sql<Date>`now()`,
      }))
      .whereRef("o.id", "=", "u.id"),
    tx,
  );
  const fieldChanges = updates.filter(({ values, current }) => values.fieldIds.join() !== [...current.fieldIds].sort().join());
  if (fieldChanges.length > 0) {
    await runStatement(sqlBuilder.deleteFrom("OfficerField").where("officerId", "=", anyText(fieldChanges.map(({ current }) => current.id))), tx);
    await insertFieldLinks(tx, fieldChanges.flatMap(({ current, values }) => values.fieldIds.map((fieldId) => [current.id, fieldId] as const)));
  }
}

/**
 * One audit entry per created or changed officer (so each officer's history shows the import), written by the
 * audit module's set form in one statement; unchanged rows write nothing. Rank, department and fields are recorded
 * by id here — resolving codes for thousands of rows would cost more than it tells.
 */
async function writeRowAudit(tx: Tx, actor: Actor, request: RequestContext, created: { id: string; staffNumber: string; values: Merged }[], updates: Plan["updates"]) {
  const entries: AuditEntry[] = [];
  for (const officer of created) {
    entries.push({ action: "officer.importCreate", entityType: auditEntity, entityId: officer.id, after: { staffNumber: officer.staffNumber, ...officer.values } });
  }
  for (const { current, values } of updates) {
    entries.push({
      action: "officer.importUpdate",
      entityType: auditEntity,
      entityId: current.id,
      before: { ...current, fieldIds: [...current.fieldIds].sort(), id: undefined, staffNumber: undefined },
      after: { ...current, ...values, id: undefined, staffNumber: undefined },
    });
  }
  await writeAuditEntries(tx, actor, request, entries);
}
