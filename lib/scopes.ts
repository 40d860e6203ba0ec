// Which rows an actor may see, defined once per resource. Each scope is a small condition tree over a model's
// columns and relations; the same tree is rendered as a Prisma `where`, as an SQL fragment for the raw statements,
// and evaluated on a loaded record (the field rule for staff numbers). tests/integration/scopes.int.test.ts checks that the three
// agree with isAllowed for every actor of a two-sided world. See docs/decisions/040-one-scope-module.md.
import { Prisma } from "@/generated/prisma/client";
import { hasPermission, type Actor } from "@/lib/authorization";

// ---------------------------------------------------------------------------------------------------------------
// The schema the conditions may refer to

type ModelName = "Cohort" | "Placement" | "Officer" | "HostUnit" | "ScheduleItem";

interface Relation {
  model: ModelName;
  /** Column of this model that the relation joins on. */
  from: string;
  /** Column of the related model that `from` equals. */
  to: string;
  /** A to-many relation: the condition must hold for some related row. */
  many?: true;
}

const relations: Record<ModelName, Record<string, Relation>> = {
  Cohort: { placements: { model: "Placement", from: "id", to: "cohortId", many: true } },
  Placement: { cohort: { model: "Cohort", from: "cohortId", to: "id" } },
  Officer: { placements: { model: "Placement", from: "id", to: "officerId", many: true } },
  HostUnit: {},
  ScheduleItem: {
    cohort: { model: "Cohort", from: "cohortId", to: "id" },
    placement: { model: "Placement", from: "placementId", to: "id" },
  },
};

/** Columns compared with an enum value need the cast in SQL. */
const enumColumns: Partial<Record<ModelName, Record<string, string>>> = { Placement: { status: "PlacementStatus" } };

// ---------------------------------------------------------------------------------------------------------------
// Conditions

export type Condition =
  | { all: true }
  | { none: true }
  | { column: string; equals: string | null }
  | { column: string; notEquals: string }
  | { and: Condition[] }
  | { or: Condition[] }
  | { relation: string; where: Condition };

const all: Condition = { all: true };
const none: Condition = { none: true };
const equals = (column: string, value: string | null): Condition => ({ column, equals: value });
const livePlacement: Condition = { column: "status", notEquals: "WITHDRAWN" };

/** Cohorts: all for admins, those its side takes part in (sending or host) for a coordinator, none otherwise. */
function cohortCondition(actor: Actor): Condition {
  if (actor.role === "ADMIN") return all;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return { or: [equals("sendingJurisdictionId", actor.jurisdictionId), equals("hostJurisdictionId", actor.jurisdictionId)] };
  }
  return none;
}

/** Placements (placement:view): by cohort side for coordinators, own host unit for supervisors, own for officers. */
function placementCondition(actor: Actor): Condition {
  switch (actor.role) {
    case "ADMIN":
      return all;
    case "COORDINATOR":
      return { relation: "cohort", where: cohortCondition(actor) };
    case "SUPERVISOR":
      return actor.hostUnitId ? equals("hostUnitId", actor.hostUnitId) : none;
    case "OFFICER":
      return actor.officerId ? equals("officerId", actor.officerId) : none;
    default:
      return none;
  }
}

/**
 * Placements whose schedules an actor may read (schedule:view): as placement:view, except that supervisors and
 * officers no longer see the schedule of a withdrawn placement.
 */
function schedulePlacementCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "schedule:view")) return none;
  if (actor.role === "SUPERVISOR" || actor.role === "OFFICER") return { and: [placementCondition(actor), livePlacement] };
  return placementCondition(actor);
}

/**
 * Schedule items: a placement's items go with the placement (above); cohort-wide items are read by the cohort's
 * coordinators and by everyone with a readable placement in that cohort.
 */
function scheduleItemCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "schedule:view")) return none;
  if (actor.role === "ADMIN") return all;
  if (actor.role === "COORDINATOR") return { relation: "cohort", where: cohortCondition(actor) };
  const placements = schedulePlacementCondition(actor);
  return {
    or: [
      { relation: "placement", where: placements },
      { and: [equals("placementId", null), { relation: "cohort", where: { relation: "placements", where: placements } }] },
    ],
  };
}

/** Officers with the full record (officer:view): its own side's for a coordinator, all for an admin. */
function officerCondition(actor: Actor): Condition {
  if (actor.role === "ADMIN") return all;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) return equals("jurisdictionId", actor.jurisdictionId);
  return none;
}

/**
 * Officers a coordinator or supervisor meets through a live placement it may view (the host view of
 * features/officers/policy.ts), or whose full record it may see.
 */
function officerRecordCondition(actor: Actor): Condition {
  if (actor.role !== "COORDINATOR" && actor.role !== "SUPERVISOR") return officerCondition(actor);
  return { or: [officerCondition(actor), { relation: "placements", where: { and: [livePlacement, placementCondition(actor)] } }] };
}

/** Host units: its own side's for a coordinator, its own unit for a supervisor, all for an admin. */
function hostUnitCondition(actor: Actor): Condition {
  if (actor.role === "ADMIN") return all;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) return equals("jurisdictionId", actor.jurisdictionId);
  if (actor.role === "SUPERVISOR" && actor.hostUnitId) return equals("id", actor.hostUnitId);
  return none;
}

/**
 * The field rule for staff numbers, on a placement: the sending side knows its officers' staff numbers; the host
 * side gets only what it needs to host. An officer sees their own. Admins see everything.
 */
function staffNumberCondition(actor: Actor): Condition {
  if (actor.role === "ADMIN") return all;
  if (actor.role === "OFFICER") return actor.officerId ? equals("officerId", actor.officerId) : none;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return { relation: "cohort", where: equals("sendingJurisdictionId", actor.jurisdictionId) };
  }
  return none;
}

// ---- reports2: officers' reports and the outcomes library (decision 091) ----

/** Placements whose reports an actor may read (officerReport:view): as placement:view. */
function officerReportCondition(actor: Actor): Condition {
  return hasPermission(actor, "officerReport:view") ? placementCondition(actor) : none;
}

/**
 * The field rule for a report's sections not marked shareable: they stay with the sending side (its coordinators),
 * the officer who wrote them and admins; the host side (coordinators, supervisors) never receives them.
 */
function officerReportPrivateSectionsCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "officerReport:view")) return none;
  if (actor.role === "ADMIN") return all;
  if (actor.role === "OFFICER") return actor.officerId ? equals("officerId", actor.officerId) : none;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) return { relation: "cohort", where: equals("sendingJurisdictionId", actor.jurisdictionId) };
  return none;
}

/**
 * Placements whose accepted final reports the outcomes library shows: a coordinator's cohorts (either side), for an
 * officer the cohorts their own side sends (preparing their own placement), all for admins.
 */
function outcomeCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "outcome:view")) return none;
  if (actor.role === "ADMIN") return all;
  if (actor.role === "COORDINATOR") return { relation: "cohort", where: cohortCondition(actor) };
  if (actor.role === "OFFICER" && actor.jurisdictionId) return { relation: "cohort", where: equals("sendingJurisdictionId", actor.jurisdictionId) };
  return none;
}

// ---- documents ----
/**
 * The field rule for a placement's travel documents (numbers, expiry dates, files): the sending side collects them
 * and the officer gives them; the host side and supervisors see only each item's state (decision 096). Same
 * boundary as staff numbers, kept as its own scope so that either rule can change alone.
 */
function documentDetailsCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "document:viewDetails")) return none;
  return staffNumberCondition(actor);
}

// ---- matchin ----
/**
 * Placements whose ranked host-unit preferences an actor may read (matchingPreference:view): the officer's own, both
 * sides' coordinators of the cohort (the host side needs them to match, decision 107), all for admins. Supervisors
 * none: a nominated officer is not yet anyone's in their unit.
 */
function matchingPreferenceCondition(actor: Actor): Condition {
  if (!hasPermission(actor, "matchingPreference:view")) return none;
  return placementCondition(actor);
}

const scopes = {
  cohort: { model: "Cohort", condition: cohortCondition },
  placement: { model: "Placement", condition: placementCondition },
  schedulePlacement: { model: "Placement", condition: schedulePlacementCondition },
  scheduleItem: { model: "ScheduleItem", condition: scheduleItemCondition },
  officer: { model: "Officer", condition: officerCondition },
  officerRecord: { model: "Officer", condition: officerRecordCondition },
  hostUnit: { model: "HostUnit", condition: hostUnitCondition },
  staffNumber: { model: "Placement", condition: staffNumberCondition },
  officerReport: { model: "Placement", condition: officerReportCondition },
  officerReportPrivateSections: { model: "Placement", condition: officerReportPrivateSectionsCondition },
  outcome: { model: "Placement", condition: outcomeCondition },
  documentDetails: { model: "Placement", condition: documentDetailsCondition },
  matchingPreference: { model: "Placement", condition: matchingPreferenceCondition },
} as const satisfies Record<string, { model: ModelName; condition: (actor: Actor) => Condition }>;

export type ScopeName = keyof typeof scopes;

interface WhereInputs {
  Cohort: Prisma.CohortWhereInput;
  Placement: Prisma.PlacementWhereInput;
  Officer: Prisma.OfficerWhereInput;
  HostUnit: Prisma.HostUnitWhereInput;
  ScheduleItem: Prisma.ScheduleItemWhereInput;
}

export type ScopeWhere<S extends ScopeName> = WhereInputs[(typeof scopes)[S]["model"]];

/** The scope's condition tree, for tests and for callers that combine it. */
export function scopeCondition(scope: ScopeName, actor: Actor): Condition {
  return scopes[scope].condition(actor);
}

// ---------------------------------------------------------------------------------------------------------------
// Prisma form

function toWhere(condition: Condition, model: ModelName): Record<string, unknown> {
  if ("all" in condition) return {};
  if ("none" in condition) return { id: { in: [] } };
  if ("and" in condition) return { AND: condition.and.map((part) => toWhere(part, model)) };
  if ("or" in condition) return { OR: condition.or.map((part) => toWhere(part, model)) };
  if ("relation" in condition) {
    const relation = relationOf(model, condition.relation);
    const inner = toWhere(condition.where, relation.model);
    return { [condition.relation]: relation.many ? { some: inner } : inner };
  }
  if ("notEquals" in condition) return { [condition.column]: { not: condition.notEquals } };
  return { [condition.column]: condition.equals };
}

/** The scope as a Prisma `where` on its model. */
export function scopeWhere<S extends ScopeName>(scope: S, actor: Actor): ScopeWhere<S> {
  return toWhere(scopes[scope].condition(actor), scopes[scope].model) as ScopeWhere<S>;
}

// ---------------------------------------------------------------------------------------------------------------
// SQL form

/** The alias under which each model's table is already joined in the statement, e.g. `{ Placement: "p", Cohort: "c" }`. */
export type ScopeAliases = Partial<Record<ModelName, string>>;

function toSql(condition: Condition, model: ModelName, alias: string, joined: ScopeAliases, depth: number): Prisma.Sql {
  if ("all" in condition) return Prisma.sql`TRUE`;
  if ("none" in condition) return Prisma.sql`FALSE`;
  if ("and" in condition || "or" in condition) {
    const parts = "and" in condition ? condition.and : condition.or;
    const rendered = parts.map((part) => toSql(part, model, alias, joined, depth));
    if (rendered.length === 1) return rendered[0];
    return Prisma.sql`(${Prisma.join(rendered, "and" in condition ? " AND " : " OR ")})`;
  }
  if ("relation" in condition) {
    const relation = relationOf(model, condition.relation);
    const joinedAlias = relation.many ? undefined : joined[relation.model];
    // A to-one relation whose table the statement has joined (on this relation) is read in place.
    if (joinedAlias) return toSql(condition.where, relation.model, joinedAlias, joined, depth);
    const inner = `scope_${depth}`;
    const nested = { ...joined, [relation.model]: undefined };
    return Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${relation.model}" ${inner}`)} WHERE ${Prisma.raw(`${inner}."${relation.to}" = ${alias}."${relation.from}"`)} AND ${toSql(condition.where, relation.model, inner, nested, depth + 1)})`;
  }
  const column = Prisma.raw(`${alias}."${condition.column}"`);
  if ("notEquals" in condition) {
    const type = enumColumns[model]?.[condition.column];
    return type ? Prisma.sql`${column} <> ${condition.notEquals}::${Prisma.raw(`"${type}"`)}` : Prisma.sql`${column} <> ${condition.notEquals}`;
  }
  return condition.equals === null ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${condition.equals}`;
}

/**
 * The scope as an SQL condition on the scope's table under `aliases[model]`; related tables the statement has
 * joined are named in `aliases` too (a placement scope reads the cohort's sides from `c` when `Cohort: "c"`),
 * others are reached by `EXISTS`.
 */
export function scopeSql(scope: ScopeName, actor: Actor, aliases: ScopeAliases): Prisma.Sql {
  const { model, condition } = scopes[scope];
  const alias = aliases[model];
  if (!alias) throw new Error(`scopeSql("${scope}") needs the alias of "${model}"`);
  return toSql(condition(actor), model, alias, aliases, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// On a loaded record

type RecordValue = string | number | boolean | null | Date | LoadedRecord | LoadedRecord[] | undefined;
interface LoadedRecord {
  [key: string]: RecordValue;
}

function holds(condition: Condition, model: ModelName, record: LoadedRecord): boolean {
  if ("all" in condition) return true;
  if ("none" in condition) return false;
  if ("and" in condition) return condition.and.every((part) => holds(part, model, record));
  if ("or" in condition) return condition.or.some((part) => holds(part, model, record));
  if ("relation" in condition) {
    const relation = relationOf(model, condition.relation);
    const related = record[condition.relation];
    if (related === undefined) throw new Error(`The ${model} record lacks "${condition.relation}", which its scope reads`);
    if (related === null) return false;
    if (Array.isArray(related)) return related.some((row) => holds(condition.where, relation.model, row));
    return holds(condition.where, relation.model, related as LoadedRecord);
  }
  const value = record[condition.column];
  if (value === undefined) throw new Error(`The ${model} record lacks "${condition.column}", which its scope reads`);
  return "notEquals" in condition ? value !== condition.notEquals : value === condition.equals;
}

/** Whether a record (with the columns and relations the scope reads) lies in the actor's scope. */
export function isInScope(scope: ScopeName, actor: Actor, record: object): boolean {
  const { model, condition } = scopes[scope];
  return holds(condition(actor), model, record as LoadedRecord);
}

function relationOf(model: ModelName, name: string): Relation {
  const relation = relations[model][name];
  if (!relation) throw new Error(`${model} has no relation "${name}" in lib/scopes.ts`);
  return relation;
}

// ---------------------------------------------------------------------------------------------------------------
// The staff-number field rule, in the forms its readers need

/** Whether the actor may see the staff number of the officer of this placement. */
export function canSeeStaffNumber(actor: Actor, placement: { officerId: string; cohort: { sendingJurisdictionId: string } }): boolean {
  return isInScope("staffNumber", actor, placement);
}

/** Whether the actor may see the numbers, expiry dates and files of this placement's documents. */
export function canSeeDocumentDetails(actor: Actor, placement: { officerId: string; cohort: { sendingJurisdictionId: string } }): boolean {
  return isInScope("documentDetails", actor, placement);
}

/** The staff number column where the actor may see it, NULL elsewhere; needs "Placement" and "Officer" aliases. */
export function staffNumberSql(actor: Actor, aliases: ScopeAliases & { Placement: string; Officer: string }): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${scopeSql("staffNumber", actor, aliases)} THEN ${Prisma.raw(`${aliases.Officer}."staffNumber"`)} END`;
}

// ---- attach: report attachments (decision 112) ----

/**
 * The field rule for a report's attachments, beside the one for its sections: whoever may read the placement's
 * reports sees an attachment marked shareable; one not marked shareable reaches only the readers of the
 * sending-side-only sections (the sending side's coordinators, the officer, admins), never the host side.
 */
export function canSeeReportAttachment(
  actor: Actor,
  placement: { officerId: string; hostUnitId: string | null; cohort: { sendingJurisdictionId: string; hostJurisdictionId: string } },
  attachment: { shareable: boolean },
): boolean {
  if (!isInScope("officerReport", actor, placement)) return false;
  return attachment.shareable || isInScope("officerReportPrivateSections", actor, placement);
}

/** The same rule as a Prisma `where` on ReportAttachment, for the attachments of a placement the actor may read. */
export function reportAttachmentWhere(
  actor: Actor,
  placement: { officerId: string; hostUnitId: string | null; cohort: { sendingJurisdictionId: string; hostJurisdictionId: string } },
): Prisma.ReportAttachmentWhereInput {
  if (!isInScope("officerReport", actor, placement)) return { id: { in: [] } };
  return isInScope("officerReportPrivateSections", actor, placement) ? {} : { shareable: true };
}
