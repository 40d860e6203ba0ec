import "server-only";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, type Actor, type CohortSides } from "@/lib/authorization";
import { sql, type SqlBool } from "kysely";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { scopeSql, scopeWhere } from "@/lib/scopes";
import { trilingualNameSelect, type TrilingualName } from "@/lib/i18n/locales";
import { formatOfficerName } from "@/features/officers/names";
import type { FirstChoiceReason, UnassignedReason, ValueBreakdown } from "@/features/matching/engine/schemas";
import type { MatchingRunStatus } from "@/generated/prisma/enums";
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
  notFirstChoice: FirstChoiceReason | null;
  unassignedReason: UnassignedReason | null;
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
  /** Names of the units and officers a reason may mention, by id. */
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
 * `justStored`: the run "Propose" has just kept, as it kept it, so that its view does not read and parse it again.
 */
export async function findMatchingPage(actor: Actor, cohort: { id: string } & CohortSides, runId: string | undefined, justStored?: { id: string; run: StoredRun }): Promise<MatchingPage> {
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
    run: chosen ? await findRunDetail(actor, cohort.id, chosen, chosen.id === justStored?.id ? justStored.run : undefined) : null,
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

async function findRunDetail(actor: Actor, cohortId: string, summary: MatchingRunSummary, justStored: StoredRun | undefined): Promise<MatchingRunDetail> {
  const run = justStored ?? (await readStoredRun(summary.id));
  const { instance: stored, result } = run;
  const placementIds = stored.instance.officers.map((officer) => officer.id);
  const [placements, units] = await Promise.all([
    db.placement.findMany({
      where: { AND: [{ id: { in: placementIds }, cohortId }, scopeWhere("placement", actor)] },
      select: {
        id: true,
        hostUnitId: true,
        status: true,
        hostUnit: { select: trilingualNameSelect },
        officer: {
          select: { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } }, rank: { select: trilingualNameSelect } },
        },
      },
    }),
    db.hostUnit.findMany({ where: { id: { in: stored.instance.units.map((unit) => unit.id) } }, select: { id: true, ...trilingualNameSelect } }),
  ]);
  const unitNames: Record<string, TrilingualName> = Object.fromEntries(units.map(({ id, ...names }) => [id, names]));
  const officerNames: Record<string, string> = Object.fromEntries(placements.map((placement) => [placement.id, formatOfficerName(placement.officer)]));
  const firstChoice = new Map(stored.instance.officers.map((officer) => [officer.id, officer.preferences[0] ?? null]));
  const assignments = new Map(result.assignments.map((assignment) => [assignment.officerId, assignment]));
  const unassigned = new Map(result.unassigned.map((entry) => [entry.officerId, entry]));
  const acceptable = new Set(acceptablePairs(stored, result).map((assignment) => assignment.officerId));
  const { pinned, forbidden } = run;
  const pairKey = (placementId: string, unitId: string) => `${placementId}:${unitId}`;
  const pinnedKeys = new Set(pinned.map(([placementId, unitId]) => pairKey(placementId, unitId)));
  const forbiddenKeys = new Set(forbidden.map(([placementId, unitId]) => pairKey(placementId, unitId)));
  const rows: MatchingRow[] = placements
    .filter((placement) => placement.status !== "WITHDRAWN" || assignments.has(placement.id))
    .map((placement) => {
      const assignment = assignments.get(placement.id);
      const left = unassigned.get(placement.id);
      const breakdown = assignment ? { fieldFit: assignment.breakdown.fieldFit, preference: assignment.breakdown.preference, wish: assignment.breakdown.wish, rankBand: assignment.breakdown.rankBand } : null;
      return {
        placementId: placement.id,
        officerName: officerNames[placement.id],
        chineseName: placement.officer.chineseName,
        rank: placement.officer.rank,
        currentUnit: placement.hostUnit,
        currentUnitId: placement.hostUnitId,
        proposedUnitId: assignment?.unitId ?? null,
        proposedUnit: assignment ? (unitNames[assignment.unitId] ?? null) : null,
        source: assignment?.source ?? null,
        score: assignment ? round(assignment.value - assignment.breakdown.coverage) : null,
        breakdown: breakdown && { fieldFit: round(breakdown.fieldFit), preference: round(breakdown.preference), wish: round(breakdown.wish), rankBand: round(breakdown.rankBand) },
        notFirstChoice: assignment?.notFirstChoice ?? left?.notFirstChoice ?? null,
        unassignedReason: left?.reason ?? null,
        isAcceptable: acceptable.has(placement.id) && placement.hostUnitId !== assignment?.unitId,
        isInPlace: assignment !== undefined && placement.hostUnitId === assignment.unitId,
        isPinned: assignment !== undefined && pinnedKeys.has(pairKey(placement.id, assignment.unitId)),
        isForbidden: assignment !== undefined && forbiddenKeys.has(pairKey(placement.id, assignment.unitId)),
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
