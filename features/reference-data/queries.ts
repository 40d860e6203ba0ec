import "server-only";
import { hasPermission, type Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { ReferenceKind } from "./entities";
import { referencePageSize, type ReferenceListParams } from "./schemas";
import { trilingualNameSelect } from "@/lib/i18n/locales";


/** Reference data is maintained by admins only; coordinators read it through the forms that use it. */
function requireReferenceManager(actor: Actor) {
  if (!hasPermission(actor, "referenceData:manage")) throw new ForbiddenError();
}

export interface ReferenceRow {
  id: string;
  code: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  active: boolean;
  jurisdiction: { nameEn: string; nameZhHant: string; nameZhHans: string } | null;
  /** Kind-specific columns, already as text: e.g. a rank's grade and level, a host unit's district and capacity. */
  details: Record<string, string | number | boolean | null>;
}

function textFilter(q: string | undefined, columns: string[]) {
  const terms = (q ?? "").split(/\s+/).filter(Boolean).slice(0, 6);
  return terms.map((term) => ({ OR: columns.map((column) => ({ [column]: { contains: term, mode: "insensitive" as const } })) }));
}

/** One page of a kind of reference data, searched by code and names, filtered by side and status. */
export async function findReferenceRows(actor: Actor, kind: ReferenceKind, params: ReferenceListParams) {
  requireReferenceManager(actor);
  const text = textFilter(params.q, ["code", "nameEn", "nameZhHant", "nameZhHans"]);
  const status = params.status === "all" ? {} : { active: params.status === "active" };
  const where = { AND: [...text, status] };
  // Departments, host units and ranks belong to a side and can be filtered by it.
  const sidedWhere = { AND: [...text, status, params.jurisdiction ? { jurisdictionId: params.jurisdiction } : {}] };
  const skip = (params.page - 1) * referencePageSize;
  const take = referencePageSize;
  const page = async <T>(count: Promise<number>, rows: Promise<T[]>, map: (row: T) => ReferenceRow) => {
    const [total, found] = await Promise.all([count, rows]);
    return { total, page: params.page, pageCount: Math.max(1, Math.ceil(total / referencePageSize)), rows: found.map(map) };
  };
  const jurisdiction = { select: trilingualNameSelect };
  switch (kind) {
    case "jurisdictions":
      return page(db.jurisdiction.count({ where }), db.jurisdiction.findMany({ where, orderBy: { code: "asc" }, skip, take }), (row) => ({
        ...row,
        jurisdiction: null,
        details: { kind: row.kind, timeZone: row.timeZone },
      }));
    case "departments":
      return page(
        db.department.count({ where: sidedWhere }),
        db.department.findMany({ where: sidedWhere, orderBy: [{ jurisdiction: { code: "asc" } }, { code: "asc" }], include: { jurisdiction }, skip, take }),
        (row) => ({ ...row, details: { kind: row.kind } }),
      );
    case "host-units":
      return page(
        db.hostUnit.count({ where: sidedWhere }),
        db.hostUnit.findMany({ where: sidedWhere, orderBy: [{ jurisdiction: { code: "asc" } }, { code: "asc" }], include: { jurisdiction }, skip, take }),
        (row) => ({ ...row, details: { district: row.district, defaultCapacity: row.defaultCapacity } }),
      );
    case "ranks":
      return page(
        db.rank.count({ where: sidedWhere }),
        db.rank.findMany({ where: sidedWhere, orderBy: [{ jurisdiction: { code: "asc" } }, { grade: "asc" }, { level: "asc" }], include: { jurisdiction }, skip, take }),
        (row) => ({ ...row, details: { grade: row.grade, level: row.level, isDirectorate: row.isDirectorate } }),
      );
    case "fields":
      return page(db.field.count({ where }), db.field.findMany({ where, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], skip, take }), (row) => ({
        ...row,
        jurisdiction: null,
        details: { sortOrder: row.sortOrder },
      }));
  }
}

export async function countReferenceData(actor: Actor): Promise<Record<ReferenceKind, number>> {
  requireReferenceManager(actor);
  const [jurisdictions, departments, hostUnits, ranks, fields] = await Promise.all([
    db.jurisdiction.count(),
    db.department.count(),
    db.hostUnit.count(),
    db.rank.count(),
    db.field.count(),
  ]);
  return { jurisdictions, departments, "host-units": hostUnits, ranks, fields };
}

/** One record as its edit form needs it, with its version token; null if there is no such record. */
export async function findReferenceRecord(actor: Actor, kind: ReferenceKind, id: string) {
  requireReferenceManager(actor);
  switch (kind) {
    case "jurisdictions": {
      const row = await db.jurisdiction.findUnique({ where: { id } });
      return row && { ...row, jurisdictionId: null, versionToken: row.updatedAt.toISOString() };
    }
    case "departments": {
      const row = await db.department.findUnique({ where: { id } });
      return row && { ...row, versionToken: String(row.version) };
    }
    case "host-units": {
      const row = await db.hostUnit.findUnique({ where: { id }, include: { fields: { select: { fieldId: true } } } });
      return row && { ...row, fieldIds: row.fields.map((field) => field.fieldId), versionToken: String(row.version) };
    }
    case "ranks": {
      const row = await db.rank.findUnique({ where: { id } });
      return row && { ...row, versionToken: String(row.version) };
    }
    case "fields": {
      const row = await db.field.findUnique({ where: { id } });
      return row && { ...row, jurisdictionId: null, versionToken: String(row.version) };
    }
  }
}

export type ReferenceRecord = NonNullable<Awaited<ReturnType<typeof findReferenceRecord>>>;

export async function findReferenceFormOptions(actor: Actor) {
  requireReferenceManager(actor);
  const [jurisdictions, fields] = await Promise.all([
    db.jurisdiction.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
    db.field.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
  ]);
  return { jurisdictions, fields };
}
