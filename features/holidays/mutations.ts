import "server-only";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { readDatabaseError } from "@/lib/database-errors";
import { parseDateOnly, formatDateOnly } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { refuseStaleEdit } from "@/lib/last-change";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated } from "@/lib/mutation-support";
import type { RequestContext } from "@/lib/request-context";
import { knownHolidayName, type HolidayName } from "@/features/schedule/holidays";
import { parseHolidayPaste, type PasteError } from "./paste";
import type { HolidayEntryInput, ImportHolidayYearInput, RemoveHolidayInput } from "./schemas";

// Admin entries of the holiday calendars (decision 064). Every write is audited in its own transaction; the database
// keeps one entry per side and date ("Holiday_side_date_key") and checks side, kind and names.

export const holidayEntityType = "Holiday";

function requireHolidayManager(actor: Actor) {
  if (!hasPermission(actor, "holiday:manage")) throw new ForbiddenError();
}

interface HolidayRow {
  id: string;
  side: string;
  date: Date;
  kind: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  version: number;
}

const auditView = (row: HolidayRow) => ({ side: row.side, date: formatDateOnly(row.date), kind: row.kind, nameEn: row.nameEn, nameZhHant: row.nameZhHant, nameZhHans: row.nameZhHans });

/** The names as stored: what the admin typed, the package's translations of a known name, or the English name. */
function namesOf(input: Pick<HolidayEntryInput, "side" | "nameEn" | "nameZhHant" | "nameZhHans">): HolidayName {
  const known = input.nameZhHant || input.nameZhHans ? null : knownHolidayName(input.side, input.nameEn);
  if (known) return known;
  return { en: input.nameEn, zhHant: input.nameZhHant ?? input.nameEn, zhHans: input.nameZhHans ?? input.nameZhHant ?? input.nameEn };
}

function translateDateTaken(error: unknown): never {
  const details = readDatabaseError(error);
  if (details?.code === "23505") throw new AppError("checkFields", {}, { date: ["holidayDateTaken"] });
  throw error;
}

/** Adds an entry, or saves an edit of one that started from `input.version`. */
export async function saveHoliday(actor: Actor, request: RequestContext, input: HolidayEntryInput): Promise<{ id: string; date: string }> {
  requireHolidayManager(actor);
  const names = namesOf(input);
  const data = { side: input.side, date: parseDateOnly(input.date), kind: input.kind, nameEn: names.en, nameZhHant: names.zhHant, nameZhHans: names.zhHans };
  return withDatabaseErrorsTranslated(() =>
    db
      .$transaction(async (tx) => {
        if (!input.id) {
          const created = await tx.holiday.create({ data });
          await writeAudit(tx, actor, request, { action: "holiday.create", entityType: holidayEntityType, entityId: created.id, after: auditView(created) });
          return { id: created.id, date: input.date };
        }
        const current = await tx.holiday.findUnique({ where: { id: input.id } });
        if (!current) throw new NotFoundError();
        await updateAtVersion(tx, { actor, request }, {
          entityType: holidayEntityType,
          id: current.id,
          version: input.version ?? -1,
          readAt: current.updatedAt,
          write: (where, version) => tx.holiday.updateMany({ where, data: { ...data, version } }),
          read: () => tx.holiday.findUniqueOrThrow({ where: { id: current.id } }),
          audit: (after) => ({ action: "holiday.update", before: auditView(current), after: auditView(after) }),
        });
        return { id: current.id, date: input.date };
      }, transactionOptions)
      .catch(translateDateTaken),
  );
}

/** Removes an admin entry; the package's data for that date applies again. */
export async function removeHoliday(actor: Actor, request: RequestContext, input: RemoveHolidayInput): Promise<{ date: string }> {
  requireHolidayManager(actor);
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const current = await tx.holiday.findUnique({ where: { id: input.id } });
      if (!current) throw new NotFoundError();
      const { count } = await tx.holiday.deleteMany({ where: { id: current.id, version: input.version } });
      if (count === 0) await refuseStaleEdit(tx, holidayEntityType, current.id, current.updatedAt);
      await writeAudit(tx, actor, request, { action: "holiday.delete", entityType: holidayEntityType, entityId: current.id, before: auditView(current) });
      return { date: formatDateOnly(current.date) };
    }, transactionOptions),
  );
}

export type ImportHolidayYearResult = { saved: true; count: number; removed: number } | { saved: false; errors: PasteError[] };

/**
 * Replaces one side's admin entries of one year with the pasted list — all or nothing: with any bad line nothing is
 * written and every problem is returned. One audit entry per entry written or removed, and one for the import.
 */
export async function importHolidayYear(actor: Actor, request: RequestContext, input: ImportHolidayYearInput): Promise<ImportHolidayYearResult> {
  requireHolidayManager(actor);
  const { entries, errors } = parseHolidayPaste(input.text, input.side, input.year);
  if (errors.length > 0) return { saved: false, errors };
  if (entries.length === 0) throw new AppError("checkFields", {}, { text: ["required"] });
  const range = { gte: parseDateOnly(`${input.year}-01-01`), lte: parseDateOnly(`${input.year}-12-31`) };
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const previous = await tx.holiday.findMany({ where: { side: input.side, date: range } });
      await tx.holiday.deleteMany({ where: { side: input.side, date: range } });
      for (const row of previous) {
        await writeAudit(tx, actor, request, { action: "holiday.delete", entityType: holidayEntityType, entityId: row.id, before: auditView(row) });
      }
      for (const entry of entries) {
        const created = await tx.holiday.create({
          data: { side: input.side, date: parseDateOnly(entry.date), kind: entry.kind, nameEn: entry.name.en, nameZhHant: entry.name.zhHant, nameZhHans: entry.name.zhHans },
        });
        await writeAudit(tx, actor, request, { action: "holiday.create", entityType: holidayEntityType, entityId: created.id, after: auditView(created) });
      }
      await writeAudit(tx, actor, request, {
        action: "holiday.import",
        entityType: holidayEntityType,
        entityId: null,
        after: { side: input.side, year: input.year, entries: entries.length, replaced: previous.length },
      });
      return { saved: true as const, count: entries.length, removed: previous.length };
    }, transactionOptions),
  );
}
