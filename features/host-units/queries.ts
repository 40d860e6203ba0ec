import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { isAllowed, type Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { formatOfficerName } from "@/features/officers/names";
import { hostUnitPageSize, type HostUnitListParams } from "./schemas";


/** Host units an actor may see: its own side's for a coordinator, its own unit for a supervisor, all for an admin. */
export function hostUnitScope(actor: Actor): Prisma.HostUnitWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) return { jurisdictionId: actor.jurisdictionId };
  if (actor.role === "SUPERVISOR" && actor.hostUnitId) return { id: actor.hostUnitId };
  return { id: { in: [] } };
}


export async function findHostUnits(actor: Actor, params: HostUnitListParams, locale: AppLocale) {
  const filters: Prisma.HostUnitWhereInput[] = [hostUnitScope(actor)];
  for (const term of (params.q ?? "").split(/\s+/).filter(Boolean).slice(0, 6)) {
    filters.push({
      OR: [
        { code: { contains: term, mode: "insensitive" } },
        { nameEn: { contains: term, mode: "insensitive" } },
        { nameZhHant: { contains: term } },
        { nameZhHans: { contains: term } },
        { district: { contains: term, mode: "insensitive" } },
      ],
    });
  }
  if (params.district) filters.push({ district: params.district });
  if (params.field) filters.push({ fields: { some: { fieldId: params.field } } });
  if (params.jurisdiction && actor.role === "ADMIN") filters.push({ jurisdictionId: params.jurisdiction });
  if (params.status !== "all") filters.push({ active: params.status === "active" });
  const where: Prisma.HostUnitWhereInput = { AND: filters };
  const orderBy: Prisma.HostUnitOrderByWithRelationInput[] =
    params.sort === "code"
      ? [{ code: params.dir }]
      : params.sort === "district"
        ? [{ district: { sort: params.dir, nulls: "last" } }, { [nameColumns[locale]]: "asc" }]
        : [{ [nameColumns[locale]]: params.dir }];
  const total = await db.hostUnit.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / hostUnitPageSize));
  const page = Math.min(params.page, pageCount);
  const units = await db.hostUnit.findMany({
    where,
    orderBy: [...orderBy, { id: "asc" }],
    skip: (page - 1) * hostUnitPageSize,
    take: hostUnitPageSize,
    select: {
      id: true,
      code: true,
      district: true,
      defaultCapacity: true,
      active: true,
      ...trilingualNameSelect,
      jurisdiction: { select: trilingualNameSelect },
      fields: { select: { field: { select: { ...trilingualNameSelect, sortOrder: true } } } },
    },
  });
  return {
    rows: units.map((unit) => ({ ...unit, fields: unit.fields.map(({ field }) => field).sort((a, b) => a.sortOrder - b.sortOrder) })),
    total,
    page,
    pageCount,
  };
}

export async function findHostUnitFilterOptions(actor: Actor) {
  const [districts, fields, jurisdictions] = await Promise.all([
    db.hostUnit.findMany({ where: { AND: [hostUnitScope(actor), { district: { not: null } }] }, distinct: ["district"], orderBy: { district: "asc" }, select: { district: true } }),
    db.field.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
    actor.role === "ADMIN" ? db.jurisdiction.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, active: true, ...trilingualNameSelect } }) : [],
  ]);
  return { districts: districts.map((row) => row.district!).filter(Boolean), fields, jurisdictions };
}

export interface HostUnitPlacementRow {
  id: string;
  officerId: string;
  officerName: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  postTitle: string | null;
  field: TrilingualName | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

export interface HostUnitCohortRow {
  id: string;
  name: TrilingualName;
  startDate: Date;
  endDate: Date;
  capacity: number;
  /** Null while the unit's default capacity applies to this cohort. */
  capacityVersion: number | null;
  used: number;
  canManageCapacity: boolean;
  placements: HostUnitPlacementRow[];
}

/**
 * A host unit with its placements and capacity per cohort (the cohorts its side hosts), or null when out of the
 * actor's scope. Officers appear with what the host side may see — never a staff number.
 */
export async function findHostUnitView(actor: Actor, id: string) {
  const unit = await db.hostUnit.findFirst({
    where: { AND: [{ id }, hostUnitScope(actor)] },
    include: {
      jurisdiction: { select: trilingualNameSelect },
      fields: { include: { field: { select: { ...trilingualNameSelect, sortOrder: true } } } },
    },
  });
  if (!unit || !isAllowed(actor, "hostUnit:view", { kind: "hostUnit", id: unit.id, jurisdictionId: unit.jurisdictionId })) return null;
  const [cohorts, capacities, placements] = await Promise.all([
    db.cohort.findMany({
      where: { hostJurisdictionId: unit.jurisdictionId },
      orderBy: { startDate: "desc" },
      select: { id: true, ...trilingualNameSelect, startDate: true, endDate: true, sendingJurisdictionId: true, hostJurisdictionId: true },
    }),
    db.hostUnitCapacity.findMany({ where: { hostUnitId: unit.id } }),
    db.placement.findMany({
      where: { hostUnitId: unit.id },
      orderBy: [{ startDate: "asc" }],
      select: {
        id: true,
        cohortId: true,
        postTitle: true,
        startDate: true,
        endDate: true,
        status: true,
        field: { select: trilingualNameSelect },
        officer: {
          select: { id: true, surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } }, rank: { select: trilingualNameSelect }, department: { select: trilingualNameSelect } },
        },
      },
    }),
  ]);
  const unitResource = { kind: "hostUnit" as const, id: unit.id, jurisdictionId: unit.jurisdictionId };
  const cohortRows: HostUnitCohortRow[] = cohorts.map((cohort) => {
    const capacity = capacities.find((row) => row.cohortId === cohort.id);
    const inCohort = placements.filter((placement) => placement.cohortId === cohort.id);
    return {
      id: cohort.id,
      name: cohort,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      capacity: capacity?.capacity ?? unit.defaultCapacity,
      capacityVersion: capacity?.version ?? null,
      used: inCohort.filter((placement) => placement.status !== "WITHDRAWN").length,
      canManageCapacity:
        isAllowed(actor, "hostUnit:manageCapacity", unitResource) && isAllowed(actor, "hostUnit:manageCapacity", { kind: "cohort", ...cohort }),
      placements: inCohort.map((placement) => ({
        id: placement.id,
        officerId: placement.officer.id,
        officerName: formatOfficerName(placement.officer),
        chineseName: placement.officer.chineseName,
        rank: placement.officer.rank,
        department: placement.officer.department,
        postTitle: placement.postTitle,
        field: placement.field,
        startDate: placement.startDate,
        endDate: placement.endDate,
        status: placement.status,
      })),
    };
  });
  return {
    id: unit.id,
    code: unit.code,
    name: { nameEn: unit.nameEn, nameZhHant: unit.nameZhHant, nameZhHans: unit.nameZhHans },
    district: unit.district,
    defaultCapacity: unit.defaultCapacity,
    active: unit.active,
    jurisdiction: unit.jurisdiction,
    fields: unit.fields.map(({ field }) => field).sort((a, b) => a.sortOrder - b.sortOrder),
    cohorts: cohortRows,
    /** The record's history holds both sides' data: for its own side's coordinators and admins only. */
    mayViewHistory: actor.role === "ADMIN" || (actor.role === "COORDINATOR" && actor.jurisdictionId === unit.jurisdictionId),
  };
}

export type HostUnitView = NonNullable<Awaited<ReturnType<typeof findHostUnitView>>>;
