import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { currentAuditAction } from "@/lib/audit-actions";
import { hasPermission, type Actor } from "@/lib/authorization";
import { isDateOnly, parseDateOnly } from "@/lib/dates";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { localizedName, trilingualNameSelect, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { decodeApprovalResetReason } from "@/features/placements/policy";
import type { AuditEntryView } from "./queries";

// How an audit entry reads: its action and fields in the reader's language, values as people know them (names, not
// ids or codes; dates and Hong Kong times in the reader's format; statuses by their label), and a link only to a
// record the reader may open. One presentation for the audit log, every record history and the CSV export.

/** A translator over the whole catalog, as next-intl's getTranslations() and lib/route.ts give one. */
export type CatalogTranslate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

export interface ReaderContext {
  actor: Actor;
  locale: AppLocale;
  t: CatalogTranslate;
}

/** A reader in their language, with a translator over the whole catalog. */
export function readerContext(actor: Actor, locale: AppLocale): ReaderContext {
  return { actor, locale, t: createTranslator({ locale, messages: loadMessages(locale) }) as unknown as CatalogTranslate };
}

export interface DisplayValue {
  text: string;
  /** Where the record lives, only when the reader may open it. */
  href: string | null;
}

export interface ChangeLine {
  field: string;
  label: string;
  /** Absent when the entry has no value before (a new record) or after (a removal). */
  before?: DisplayValue[];
  after?: DisplayValue[];
}

export interface PresentedEntry {
  id: string;
  createdAt: Date;
  time: string;
  actorName: string;
  actorEmail: string | null;
  action: string;
  actionLabel: string;
  recordType: string;
  record: DisplayValue | null;
  changes: ChangeLine[];
  ipAddress: string | null;
  requestId: string | null;
}

type ReferenceKind = "officer" | "cohort" | "placement" | "hostUnit" | "field" | "jurisdiction" | "department" | "rank" | "user" | "scheduleItem";

type FieldKind =
  | { ref: ReferenceKind }
  | { code: "rank" | "department" | "field" | "hostUnit" | "cohort" }
  | "date"
  | "instant"
  | "status"
  | "boolean"
  | "enum"
  | "approvalResetReason"
  | "notificationDelivery"
  | "hidden";

/** What each audited field holds. A field not listed is shown as written. */
const fieldKinds: Record<string, FieldKind> = {
  officerId: { ref: "officer" },
  cohortId: { ref: "cohort" },
  placementId: { ref: "placement" },
  hostUnitId: { ref: "hostUnit" },
  fieldId: { ref: "field" },
  jurisdictionId: { ref: "jurisdiction" },
  sendingJurisdictionId: { ref: "jurisdiction" },
  hostJurisdictionId: { ref: "jurisdiction" },
  sendingApprovedById: { ref: "user" },
  hostApprovedById: { ref: "user" },
  rank: { code: "rank" },
  department: { code: "department" },
  fields: { code: "field" },
  hostUnit: { code: "hostUnit" },
  cohort: { code: "cohort" },
  startDate: "date",
  endDate: "date",
  nominationDeadline: "date",
  sendingApprovedAt: "instant",
  hostApprovedAt: "instant",
  startsAt: "instant",
  endsAt: "instant",
  status: "status",
  active: "boolean",
  allDay: "boolean",
  ssoOnly: "boolean",
  isDirectorate: "boolean",
  type: "enum",
  kind: "enum",
  role: "enum",
  approvalResetReason: "approvalResetReason",
  placementEmails: "notificationDelivery",
  scheduleEmails: "notificationDelivery",
  reminderEmails: "notificationDelivery",
  importEmails: "notificationDelivery",
  // Bookkeeping, not something a person changed.
  version: "hidden",
  fieldIds: "hidden",
};

/** The order changes are listed in, as the record's own page lists its fields; other fields follow by name. */
const fieldOrder = [
  "officerId", "placementId", "cohortId", "cohort", "hostUnitId", "hostUnit", "status", "staffNumber", "surname", "givenName", "otherName", "chineseName",
  "code", "nameEn", "nameZhHant", "nameZhHans", "kind", "jurisdictionId", "sendingJurisdictionId", "hostJurisdictionId", "rank", "department", "fieldId", "fields",
  "postTitle", "type", "title", "startDate", "endDate", "startsAt", "endsAt", "allDay", "location", "notes", "nominationDeadline", "capacity",
  "sendingApprovedById", "sendingApprovedAt", "hostApprovedById", "hostApprovedAt", "approvalResetReason", "withdrawnReason", "active",
];
const fieldRank = (field: string) => {
  const index = fieldOrder.indexOf(field);
  return index === -1 ? fieldOrder.length : index;
};

/** The entity type of a record → the kind of reference it is (for its name and link). */
const entityReferenceKinds: Record<string, ReferenceKind> = {
  Officer: "officer",
  Cohort: "cohort",
  Placement: "placement",
  HostUnit: "hostUnit",
  Field: "field",
  Jurisdiction: "jurisdiction",
  Department: "department",
  Rank: "rank",
  User: "user",
  ScheduleItem: "scheduleItem",
  PlacementReport: "cohort",
  // ---- matchin ----
  MatchingPreferenceList: "placement",
  CohortMatchingSettings: "cohort",
};

const referenceDataPaths: Partial<Record<ReferenceKind, string>> = {
  field: "fields",
  jurisdiction: "jurisdictions",
  department: "departments",
  rank: "ranks",
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

interface ResolvedReference {
  name: string;
  href: string | null;
}

type Lookups = {
  byId: Map<ReferenceKind, Map<string, ResolvedReference>>;
  byCode: Map<string, Map<string, ResolvedReference>>;
};

/** Ids and codes the entries mention, per kind, so each kind is looked up once for the whole page. */
function collectReferences(entries: AuditEntryView[]) {
  const ids = new Map<ReferenceKind, Set<string>>();
  const codes = new Map<string, Set<string>>();
  const addId = (kind: ReferenceKind, id: unknown) => {
    if (typeof id === "string" && id) (ids.get(kind) ?? ids.set(kind, new Set()).get(kind)!).add(id);
  };
  const addCode = (kind: string, code: unknown) => {
    for (const value of Array.isArray(code) ? code : [code]) if (typeof value === "string" && value) (codes.get(kind) ?? codes.set(kind, new Set()).get(kind)!).add(value);
  };
  for (const entry of entries) {
    const own = recordReference(entry);
    for (const [kind, id] of own) addId(kind, id);
    for (const record of [entry.before, entry.after]) {
      for (const [field, value] of Object.entries(record ?? {})) {
        const kind = fieldKinds[field];
        if (kind && typeof kind === "object" && "ref" in kind) addId(kind.ref, value);
        if (kind && typeof kind === "object" && "code" in kind) addCode(kind.code, value);
      }
    }
  }
  return { ids, codes };
}

/** The references that name an entry's own record; a host unit's capacity for a cohort names both. */
function recordReference(entry: Pick<AuditEntryView, "entityType" | "entityId">): Array<[ReferenceKind, string]> {
  if (!entry.entityId) return [];
  if (entry.entityType === "HostUnitCapacity" || entry.entityType === "HostUnitRankBand") {
    const [hostUnitId, cohortId] = entry.entityId.split(":");
    return cohortId ? [["hostUnit", hostUnitId], ["cohort", cohortId]] : [["hostUnit", hostUnitId]];
  }
  const kind = entityReferenceKinds[entry.entityType];
  return kind ? [[kind, entry.entityId]] : [];
}

async function visibleIds(ids: string[], find: (where: { id: { in: string[] } }) => Promise<Array<{ id: string }>>): Promise<Set<string>> {
  return new Set((await find({ id: { in: ids } })).map((row) => row.id));
}

/** Names for every id and code, and a link for each record the reader may open (its scope decides, as on its page). */
async function resolveReferences(entries: AuditEntryView[], { actor, locale }: ReaderContext): Promise<Lookups> {
  const { ids, codes } = collectReferences(entries);
  const list = (kind: ReferenceKind) => [...(ids.get(kind) ?? [])];
  const codeList = (kind: string) => [...(codes.get(kind) ?? [])];
  const mayManageReference = hasPermission(actor, "referenceData:manage");
  const named = <Row extends { id: string }>(rows: Row[], name: (row: Row) => string, href: (row: Row) => string | null) =>
    new Map(rows.map((row) => [row.id, { name: name(row), href: href(row) }]));
  const none = Promise.resolve(new Set<string>());
  const officerSelect = { id: true, surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } as const;
  const officerName = (officer: { surname: string; givenName: string; otherName: string | null; chineseName: string | null; jurisdiction: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" } }) =>
    officer.chineseName ? `${formatOfficerName(officer)} ${officer.chineseName}` : formatOfficerName(officer);

  const [officers, officersOpen, cohorts, cohortsOpen, placements, placementsOpen, hostUnits, hostUnitsOpen, items, itemsOpen, users, fields, jurisdictions, departments, ranks] =
    await Promise.all([
      db.officer.findMany({ where: { id: { in: list("officer") } }, select: officerSelect }),
      list("officer").length ? visibleIds(list("officer"), (where) => db.officer.findMany({ where: { AND: [where, scopeWhere("officer", actor)] }, select: { id: true } })) : none,
      db.cohort.findMany({ where: { OR: [{ id: { in: list("cohort") } }, { code: { in: codeList("cohort") } }] }, select: { id: true, code: true, ...trilingualNameSelect } }),
      list("cohort").length || codeList("cohort").length
        ? visibleIds([...list("cohort")], (where) =>
            db.cohort.findMany({ where: { AND: [{ OR: [where, { code: { in: codeList("cohort") } }] }, scopeWhere("cohort", actor)] }, select: { id: true } }),
          )
        : none,
      db.placement.findMany({ where: { id: { in: list("placement") } }, select: { id: true, officer: { select: officerSelect } } }),
      list("placement").length ? visibleIds(list("placement"), (where) => db.placement.findMany({ where: { AND: [where, scopeWhere("placement", actor)] }, select: { id: true } })) : none,
      db.hostUnit.findMany({ where: { OR: [{ id: { in: list("hostUnit") } }, { code: { in: codeList("hostUnit") } }] }, select: { id: true, code: true, ...trilingualNameSelect } }),
      list("hostUnit").length || codeList("hostUnit").length
        ? visibleIds(list("hostUnit"), (where) =>
            db.hostUnit.findMany({ where: { AND: [{ OR: [where, { code: { in: codeList("hostUnit") } }] }, scopeWhere("hostUnit", actor)] }, select: { id: true } }),
          )
        : none,
      db.scheduleItem.findMany({ where: { id: { in: list("scheduleItem") } }, select: { id: true, title: true } }),
      list("scheduleItem").length ? visibleIds(list("scheduleItem"), (where) => db.scheduleItem.findMany({ where: { AND: [where, scopeWhere("scheduleItem", actor)] }, select: { id: true } })) : none,
      db.user.findMany({ where: { id: { in: list("user") } }, select: { id: true, name: true } }),
      db.field.findMany({ where: { OR: [{ id: { in: list("field") } }, { code: { in: codeList("field") } }] }, select: { id: true, code: true, ...trilingualNameSelect } }),
      db.jurisdiction.findMany({ where: { id: { in: list("jurisdiction") } }, select: { id: true, code: true, ...trilingualNameSelect } }),
      db.department.findMany({ where: { OR: [{ id: { in: list("department") } }, { code: { in: codeList("department") } }] }, select: { id: true, code: true, ...trilingualNameSelect } }),
      db.rank.findMany({ where: { OR: [{ id: { in: list("rank") } }, { code: { in: codeList("rank") } }] }, select: { id: true, code: true, ...trilingualNameSelect } }),
    ]);

  const referencePage = (kind: ReferenceKind) => (row: { id: string }) => (mayManageReference ? `/admin/reference/${referenceDataPaths[kind]}/${row.id}` : null);
  const byId: Lookups["byId"] = new Map();
  byId.set("officer", named(officers, officerName, (row) => (officersOpen.has(row.id) ? `/officers/${row.id}` : null)));
  byId.set("cohort", named(cohorts, (row) => localizedName(row, locale), (row) => (cohortsOpen.has(row.id) ? `/cohorts/${row.id}` : null)));
  byId.set("placement", named(placements, (row) => officerName(row.officer), (row) => (placementsOpen.has(row.id) ? `/placements/${row.id}` : null)));
  byId.set("hostUnit", named(hostUnits, (row) => localizedName(row, locale), (row) => (hostUnitsOpen.has(row.id) ? `/host-units/${row.id}` : null)));
  byId.set("scheduleItem", named(items, (row) => row.title, (row) => (itemsOpen.has(row.id) ? `/schedule/items/${row.id}` : null)));
  byId.set("user", named(users, (row) => row.name, () => null));
  byId.set("field", named(fields, (row) => localizedName(row, locale), referencePage("field")));
  byId.set("jurisdiction", named(jurisdictions, (row) => localizedName(row, locale), referencePage("jurisdiction")));
  byId.set("department", named(departments, (row) => localizedName(row, locale), referencePage("department")));
  byId.set("rank", named(ranks, (row) => localizedName(row, locale), referencePage("rank")));

  // A code names a record only when exactly one record has it (rank and department codes are unique per side).
  const byCode: Lookups["byCode"] = new Map();
  const codeKinds: Array<[string, ReferenceKind, Array<{ id: string; code: string }>]> = [
    ["cohort", "cohort", cohorts],
    ["hostUnit", "hostUnit", hostUnits],
    ["field", "field", fields],
    ["department", "department", departments],
    ["rank", "rank", ranks],
  ];
  for (const [codeKind, kind, rows] of codeKinds) {
    const map = new Map<string, ResolvedReference>();
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(row.code, (seen.get(row.code) ?? 0) + 1);
    for (const row of rows) if (seen.get(row.code) === 1) map.set(row.code, byId.get(kind)!.get(row.id)!);
    byCode.set(codeKind, map);
  }
  return { byId, byCode };
}

function label(t: CatalogTranslate, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

function presentValue(field: string, value: unknown, entityType: string, lookups: Lookups, { t, locale }: ReaderContext): DisplayValue[] {
  const plain = (text: string): DisplayValue => ({ text, href: null });
  if (isEmpty(value)) return [plain(t("audit.emptyValue"))];
  const kind = fieldKinds[field];
  if (kind && typeof kind === "object" && "ref" in kind) {
    const found = lookups.byId.get(kind.ref)?.get(String(value));
    return [found ? { text: found.name, href: found.href } : plain(t("audit.removedRecord"))];
  }
  if (kind && typeof kind === "object" && "code" in kind) {
    return (Array.isArray(value) ? value : [value]).map((code) => {
      const found = lookups.byCode.get(kind.code)?.get(String(code));
      return found ? { text: found.name, href: found.href } : plain(String(code));
    });
  }
  if (kind === "date" && typeof value === "string" && isDateOnly(value)) return [plain(formatCalendarDate(parseDateOnly(value), locale))];
  if (kind === "instant" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return [plain(formatDateTime(new Date(value), locale))];
  if (kind === "status") return [plain(label(t, `status.${entityType === "Cohort" ? "cohort" : "placement"}.${value}`, String(value)))];
  if (kind === "boolean" && typeof value === "boolean") return [plain(t(value ? "common.yes" : "common.no"))];
  if (kind === "enum") {
    const namespace =
      field === "role" ? "roles" : field === "type" ? "schedule.types" : entityType === "Department" ? "referenceData.departmentKinds" : "referenceData.jurisdictionKinds";
    return [plain(label(t, `${namespace}.${value}`, String(value)))];
  }
  if (kind === "approvalResetReason" && typeof value === "string") {
    const changes = decodeApprovalResetReason(value);
    return [plain(changes ? changes.map((change) => label(t, `placements.materialChange.${change}`, change)).join(t("placements.listSeparator")) : value)];
  }
  if (kind === "notificationDelivery") return [plain(label(t, `notifications.preferences.deliveries.${value}`, String(value)))];
  if (Array.isArray(value)) return value.map((item) => plain(typeof item === "object" ? JSON.stringify(item) : String(item)));
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => plain(`${label(t, `audit.fields.${key}`, key)}: ${String(item)}`));
  }
  return [plain(String(value))];
}

function presentChanges(entry: AuditEntryView, lookups: Lookups, reader: ReaderContext): ChangeLine[] {
  const isCreate = !entry.before;
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])]
    .filter((key) => fieldKinds[key] !== "hidden")
    .sort((a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b));
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const before = entry.before?.[key];
    const after = entry.after?.[key];
    // Entries written before the writer dropped them still list every empty column of a new record.
    if (isCreate && isEmpty(after)) continue;
    if (!isCreate && entry.after && JSON.stringify(before) === JSON.stringify(after)) continue;
    lines.push({
      field: key,
      label: label(reader.t, `audit.fields.${key}`, key),
      ...(entry.before && key in entry.before ? { before: presentValue(key, before, entry.entityType, lookups, reader) } : {}),
      ...(entry.after && key in entry.after ? { after: presentValue(key, after, entry.entityType, lookups, reader) } : {}),
    });
  }
  return lines;
}

function presentRecord(entry: AuditEntryView, lookups: Lookups, t: CatalogTranslate): DisplayValue | null {
  const references = recordReference(entry);
  if (references.length === 0) return entry.entityId ? { text: entry.entityId, href: null } : null;
  const found = references.map(([kind, id]) => lookups.byId.get(kind)?.get(id));
  if (found.every((item) => !item)) return { text: t("audit.removedRecord"), href: null };
  const names = found.filter((item): item is ResolvedReference => Boolean(item));
  return { text: names.map((item) => item.name).join(" · "), href: names[0].href };
}

/** The label of an action in the reader's language; an old stored name reads as its current one. */
export function actionLabel(t: CatalogTranslate, storedAction: string): string {
  const action = currentAuditAction(storedAction);
  return label(t, `audit.actions.${action}`, action);
}

export function recordTypeLabel(t: CatalogTranslate, entityType: string): string {
  return label(t, `audit.entityTypes.${entityType}`, entityType);
}

/** Entries as a reader sees them: translated, named, linked where the reader may open the record. */
export async function presentAuditEntries(entries: AuditEntryView[], reader: ReaderContext): Promise<PresentedEntry[]> {
  if (entries.length === 0) return [];
  const lookups = await resolveReferences(entries, reader);
  const { t, locale } = reader;
  return entries.map((entry) => ({
    id: entry.id,
    createdAt: entry.createdAt,
    time: formatDateTime(entry.createdAt, locale),
    actorName: entry.actorName ?? entry.actorEmail ?? t("audit.system"),
    actorEmail: entry.actorEmail,
    action: currentAuditAction(entry.action),
    actionLabel: actionLabel(t, entry.action),
    recordType: recordTypeLabel(t, entry.entityType),
    record: presentRecord(entry, lookups, t),
    changes: presentChanges(entry, lookups, reader),
    ipAddress: entry.ipAddress,
    requestId: entry.requestId,
  }));
}
