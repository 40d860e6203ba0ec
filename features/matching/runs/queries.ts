import "server-only";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, type Actor, type CohortSides } from "@/lib/authorization";
import { sql, type SqlBool } from "kysely";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { scopeSql } from "@/lib/scopes";
import { trilingualNameSelect, type TrilingualName } from "@/lib/i18n/locales";
import { trilingualJson } from "@/lib/sql-fragments";
import { formatOfficerName } from "@/features/officers/names";
import type { FirstChoiceReason, UnassignedReason, ValueBreakdown } from "@/features/matching/engine/schemas";
import type { MatchingRunStatus } from "@/generated/prisma/enums";
import { pairValue } from "./pair";
import { acceptablePairs, storedInstanceSchema, storedResultSchema, type StoredRun } from "./stored";

// What the matching page shows (decision 110): a cohort's runs, and one run beside the cohort as it is now. Officers
// appear by name and rank only — no staff number, email or other sending-only field — for either side.

export interface MatchingRunSummary {
  id: string;
  createdAt: Date;
  createdByName: string | null;
  status: MatchingRunStatus;
  assigned: number;
  unassigned: number;
  acceptedCount: number;
  isOpen: boolean;
}

/** A reason without the engine's English sentence (distributed over the union of reasons). */
type WithoutText<Reason> = Reason extends { text: string } ? Omit<Reason, "text"> : never;

export interface MatchingRow {
  placementId: string;
  officerName: string;
  chineseName: string | null;
  rank: TrilingualName;
  /** The placement's unit now (live), and whether it is still the one it had when the run was proposed. */
  currentUnit: TrilingualName | null;
  currentUnitId: string | null;
  proposedUnitId: string | null;
  proposedUnit: TrilingualName | null;
  source: "optimised" | "pinned" | "kept" | null;
  /** The score (the value without the coverage bonus every pair carries) and its parts. */
  score: number | null;
  breakdown: Omit<ValueBreakdown, "coverage"> | null;
  notFirstChoice: WithoutText<FirstChoiceReason> | null;
  unassignedReason: WithoutText<UnassignedReason> | null;
  /** A pair the run proposes that would change the placement. */
  isAcceptable: boolean;
  /** The placement is now where the run proposed it. */
  isInPlace: boolean;
  isPinned: boolean;
  isForbidden: boolean;
  /** The officer listed a first choice and is proposed there. */
  isFirstChoice: boolean;
}

export interface MatchingRunDetail extends MatchingRunSummary {
  rows: MatchingRow[];
  objectiveScore: number;
  weights: { fieldFit: number; preference: number; wish: number; rankBand: number };
  maxPerDepartmentPerUnit: number | null;
  pinned: [string, string][];
  forbidden: [string, string][];
  released: string[];
  solveMs: number;
  /** Names of the units and officers a reason or a rule names, by id (the rows carry their own). */
  unitNames: Record<string, TrilingualName>;
  officerNames: Record<string, string>;
}

export interface MatchingPage {
  runs: MatchingRunSummary[];
  run: MatchingRunDetail | null;
  canPropose: boolean;
  canAccept: boolean;
  canDiscard: boolean;
}

const isOpen = (status: MatchingRunStatus) => status === "PROPOSED" || status === "PARTLY_ACCEPTED";
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The cohort's runs (newest first) and the chosen run, or the newest open one. The caller has checked matchingRun:view.
 * `justStored`: the run `runId` names as "Propose" has just kept it, so that its view does not read and parse it again.
 */
export async function findMatchingPage(actor: Actor, cohort: { id: string } & CohortSides, runId: string | undefined, justStored?: StoredRun): Promise<MatchingPage> {
  const sides = cohortResource(cohort);
  // One statement: the counts come from the stored result's arrays in PostgreSQL, so a cohort with many what-if runs
  // does not send every run's result to the server to count it.
  const runs = await runQuery(
    sqlBuilder
      .selectFrom("MatchingRun as r")
      .innerJoin("Cohort as c", "c.id", "r.cohortId")
      .leftJoin("User as u", "u.id", "r.createdById")
      .select(["r.id", "r.createdAt", "r.status", "r.acceptedCount", "u.name as createdByName"])
      .select([sql<number>`jsonb_array_length(r."result"->'assignments')`.as("assigned"), sql<number>`jsonb_array_length(r."result"->'unassigned')`.as("unassigned")])
      .where("r.cohortId", "=", cohort.id)
      .where(prismaFragment<SqlBool>(scopeSql("cohort", actor, { Cohort: "c" })))
      .orderBy("r.createdAt", "desc")
      .limit(50),
  );
  const summaries: MatchingRunSummary[] = runs.map((run) => ({
    id: run.id,
    createdAt: run.createdAt,
    createdByName: run.createdByName,
    status: run.status,
    assigned: run.assigned,
    unassigned: run.unassigned,
    acceptedCount: run.acceptedCount,
    isOpen: isOpen(run.status),
  }));
  const chosen = summaries.find((run) => run.id === runId) ?? summaries.find((run) => run.isOpen) ?? null;
  return {
    runs: summaries,
    run: chosen ? await findRunDetail(actor, cohort.id, chosen, chosen.id === runId ? justStored : undefined) : null,
    canPropose: isAllowed(actor, "matchingRun:propose", sides),
    canAccept: isAllowed(actor, "matchingRun:accept", sides),
    canDiscard: isAllowed(actor, "matchingRun:discard", sides),
  };
}

async function readStoredRun(id: string): Promise<StoredRun> {
  const run = await db.matchingRun.findUniqueOrThrow({ where: { id } });
  return {
    instance: storedInstanceSchema.parse(run.instance),
    result: storedResultSchema.parse(run.result),
    pinned: run.pinned as [string, string][],
    forbidden: run.forbidden as [string, string][],
    released: run.released as string[],
    solveMs: run.solveMs,
  };
}

/** The engine's English sentence is never shown (the page words each reason from its code), so it is not sent. */
function withoutText<Reason extends { text: string }>(reason: Reason | null): WithoutText<Reason> | null {
  if (!reason) return null;
  const { text: _text, ...rest } = reason;
  return rest as WithoutText<Reason>;
}

/** The units and officers a reason or a rule of the run names: the only names the view needs beyond the rows' own. */
function namedByReasonsAndRules({ result, pinned, forbidden, released }: StoredRun) {
  const units = new Set<string>();
  const officers = new Set<string>(released);
  for (const [placementId, unitId] of [...pinned, ...forbidden]) {
    officers.add(placementId);
    units.add(unitId);
  }
  for (const reason of [...result.assignments.map((assignment) => assignment.notFirstChoice), ...result.unassigned.map((entry) => entry.notFirstChoice)]) {
    if (!reason) continue;
    units.add(reason.unitId);
    if (reason.code === "pinnedElsewhere") units.add(reason.pinnedUnitId);
    if (reason.code === "firstChoiceFull") for (const taker of reason.takenBy) officers.add(taker.officerId);
    if (reason.code === "departmentCap") for (const taker of reason.takenBy) officers.add(taker);
  }
  return { units: [...units], officers: [...officers] };
}

async function findRunDetail(actor: Actor, cohortId: string, summary: MatchingRunSummary, justStored: StoredRun | undefined): Promise<MatchingRunDetail> {
  const run = justStored ?? (await readStoredRun(summary.id));
  const { instance: stored, result } = run;
  const placementIds = stored.instance.officers.map((officer) => officer.id);
  const named = namedByReasonsAndRules(run);
  // One statement for the rows (each model relation would be a query of its own), beside the units' names.
  const [placements, units] = await Promise.all([
    placementIds.length === 0
      ? []
      : runQuery(
          sqlBuilder
            .selectFrom("Placement as p")
            .innerJoin("Officer as o", "o.id", "p.officerId")
            .innerJoin("Jurisdiction as j", "j.id", "o.jurisdictionId")
            .innerJoin("Rank as r", "r.id", "o.rankId")
            .select(["p.id", "p.hostUnitId", "p.status", "o.surname", "o.givenName", "o.otherName", "o.chineseName", "j.kind as jurisdictionKind", trilingualJson("r").as("rank")])
            .select((eb) => eb.selectFrom("HostUnit as h").select(trilingualJson("h").as("name")).whereRef("h.id", "=", "p.hostUnitId").$asScalar().as("currentUnit"))
            .where("p.id", "in", placementIds)
            .where("p.cohortId", "=", cohortId)
            .where(prismaFragment<SqlBool>(scopeSql("placement", actor, { Placement: "p", Officer: "o" }))),
        ),
    // The proposed units (the rows name them) and those a reason or a rule names; not every unit of the instance.
    db.hostUnit.findMany({ where: { id: { in: [...new Set([...result.assignments.map((assignment) => assignment.unitId), ...named.units])] } }, select: { id: true, ...trilingualNameSelect } }),
  ]);
  const names: Record<string, TrilingualName> = Object.fromEntries(units.map(({ id, ...unitNames }) => [id, unitNames]));
  const unitNames: Record<string, TrilingualName> = Object.fromEntries(named.units.filter((id) => names[id]).map((id) => [id, names[id]]));
  const placementNames = new Map(placements.map((placement) => [placement.id, formatOfficerName({ ...placement, jurisdiction: { kind: placement.jurisdictionKind } })]));
  const officerNames: Record<string, string> = Object.fromEntries(named.officers.filter((id) => placementNames.has(id)).map((id) => [id, placementNames.get(id) as string]));
  const firstChoice = new Map(stored.instance.officers.map((officer) => [officer.id, officer.preferences[0] ?? null]));
  const assignments = new Map(result.assignments.map((assignment) => [assignment.officerId, assignment]));
  const unassigned = new Map(result.unassigned.map((entry) => [entry.officerId, entry]));
  const acceptable = new Set(acceptablePairs(stored, result).map((assignment) => assignment.officerId));
  const { pinned, forbidden } = run;
  const pinnedKeys = new Set(pinned.map(([placementId, unitId]) => pairValue(placementId, unitId)));
  const forbiddenKeys = new Set(forbidden.map(([placementId, unitId]) => pairValue(placementId, unitId)));
  const rows: MatchingRow[] = placements
    .filter((placement) => placement.status !== "WITHDRAWN" || assignments.has(placement.id))
    .map((placement) => {
      const assignment = assignments.get(placement.id);
      const left = unassigned.get(placement.id);
      const breakdown = assignment ? { fieldFit: assignment.breakdown.fieldFit, preference: assignment.breakdown.preference, wish: assignment.breakdown.wish, rankBand: assignment.breakdown.rankBand } : null;
      return {
        placementId: placement.id,
        officerName: placementNames.get(placement.id) as string,
        chineseName: placement.chineseName,
        rank: placement.rank,
        currentUnit: placement.currentUnit,
        currentUnitId: placement.hostUnitId,
        proposedUnitId: assignment?.unitId ?? null,
        proposedUnit: assignment ? (names[assignment.unitId] ?? null) : null,
        source: assignment?.source ?? null,
        score: assignment ? round(assignment.value - assignment.breakdown.coverage) : null,
        breakdown: breakdown && { fieldFit: round(breakdown.fieldFit), preference: round(breakdown.preference), wish: round(breakdown.wish), rankBand: round(breakdown.rankBand) },
        notFirstChoice: withoutText(assignment?.notFirstChoice ?? left?.notFirstChoice ?? null),
        unassignedReason: withoutText(left?.reason ?? null),
        isAcceptable: acceptable.has(placement.id) && placement.hostUnitId !== assignment?.unitId,
        isInPlace: assignment !== undefined && placement.hostUnitId === assignment.unitId,
        isPinned: assignment !== undefined && pinnedKeys.has(pairValue(placement.id, assignment.unitId)),
        isForbidden: assignment !== undefined && forbiddenKeys.has(pairValue(placement.id, assignment.unitId)),
        isFirstChoice: assignment !== undefined && firstChoice.get(placement.id) === assignment.unitId,
      };
    })
    .sort((a, b) => a.officerName.localeCompare(b.officerName, "en"));
  return {
    ...summary,
    rows,
    objectiveScore: round(result.assignments.reduce((sum, assignment) => sum + assignment.value - assignment.breakdown.coverage, 0)),
    weights: result.weights,
    maxPerDepartmentPerUnit: stored.instance.rules.maxPerDepartmentPerUnit,
    pinned,
    forbidden,
    released: run.released,
    solveMs: run.solveMs,
    unitNames,
    officerNames,
  };
}
