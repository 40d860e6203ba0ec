import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "@/lib/db";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { writeAudit } from "@/lib/audit";
import { cohortResource, isAllowed, type Actor, type CohortSides } from "@/lib/authorization";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { scopeWhere } from "@/lib/scopes";
import { transactionOptions, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { Prisma } from "@/generated/prisma/client";
import { instanceSchema } from "@/features/matching/engine/schemas";
import { solveMatching } from "@/features/matching/engine/solve";
import { applyAssignment, applyAssignments } from "@/features/placements/mutations";
import { buildCohortInstance, type Tx } from "./instance";
import { acceptRefusalReasons, type AcceptInput, type AcceptRefusalReason, type DiscardInput, type ProposeInput } from "./schemas";
import { acceptablePairs, compactResult, storedInstanceSchema, storedResultSchema, type StoredInstance, type StoredRun } from "./stored";

// Matching runs (issue 16, decisions 109–111): "Propose" solves the cohort as it stands with the host side's what-if
// rules and keeps the run; "Accept selected" turns chosen pairs into assignments through the placements' own write
// step (applyAssignments, set-based; pair by pair on savepoints when the database refuses one) after pre-checks under
// the same row locks the capacity trigger takes, so one refused pair never undoes the others; "Discard" closes a run.

const now = () => performance.now();
const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

async function loadCohortFor(tx: Tx, actor: Actor, cohortId: string, permission: "matchingRun:propose") {
  const cohort = await tx.cohort.findFirst({ where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] } });
  if (!cohort) throw new NotFoundError();
  if (!isAllowed(actor, permission, cohortResource(cohort))) throw new ForbiddenError();
  if (cohort.status === "COMPLETED") throw new AppError("cohortCompletedReadOnly");
  return cohort;
}

export interface ProposeOutcome {
  id: string;
  cohortId: string;
  createdAt: Date;
  assigned: number;
  unassigned: number;
  /** The cohort (in the actor's scope) and the run as stored, so that its view needs neither read again. */
  cohort: CohortSides & { id: string };
  stored: StoredRun;
}

/** A new run for the cohort as it stands, with the given pins, forbids and released officers. */
export async function proposeMatchingRun({ actor, request }: MutationContext, input: ProposeInput): Promise<ProposeOutcome> {
  const started = now();
  // Read in one transaction (one consistent picture of the cohort), solve outside it, then keep the run.
  const { cohort, built } = await db.$transaction(async (tx) => {
    const cohort = await loadCohortFor(tx, actor, input.cohortId, "matchingRun:propose");
    return { cohort, built: await buildCohortInstance(tx, cohort, { pinned: input.pinned, forbidden: input.forbidden, released: input.released }) };
  }, transactionOptions);
  const parsed = instanceSchema.safeParse(built.instance);
  // Unknown ids (a placement withdrawn meanwhile) or rules that cannot hold together (two pins for one officer, more
  // pins than places, a pin that is also forbidden): the engine's English message is not shown; ours is.
  if (!parsed.success) throw new AppError("matchingRulesInvalid");
  const buildMs = now() - started;
  const result = solveMatching(parsed.data);
  const stored: StoredInstance = { instance: parsed.data, placements: built.placements };
  const compact = compactResult(result);
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      // One INSERT of the stored JSON as text: Prisma's create took twice as long (15 against 7.5 ms for the
      // 60 kB of a 50 × 100 run; docs/performance.md), most of it walking the JSON values.
      const [run] = await runQuery(
        sqlBuilder
          .insertInto("MatchingRun")
          .values({
            id: randomUUID(),
            cohortId: input.cohortId,
            createdById: actor.userId,
            instance: jsonb(stored),
            result: jsonb(compact),
            pinned: jsonb(input.pinned),
            forbidden: jsonb(input.forbidden),
            released: jsonb(input.released),
            buildMs,
            solveMs: result.solveMs,
            updatedAt: sql<Date>`now()`,
          })
          .returning(["id", "createdAt"]),
        tx,
      );
      await writeAudit(tx, actor, request, {
        action: "matchingRun.propose",
        entityType: "MatchingRun",
        entityId: run.id,
        after: { cohortId: input.cohortId, ...inputsSummary(stored), objective: result.objective, assigned: result.assignments.length, unassigned: result.unassigned.length },
      });
      const kept: StoredRun = { instance: stored, result: compact, pinned: input.pinned, forbidden: input.forbidden, released: input.released, solveMs: result.solveMs };
      return { id: run.id, cohortId: input.cohortId, createdAt: run.createdAt, assigned: result.assignments.length, unassigned: result.unassigned.length, cohort, stored: kept };
    }, transactionOptions),
  );
}

/** What an audit entry keeps of a run's inputs: sizes, rules and weights (not the officers' data). */
function inputsSummary({ instance }: StoredInstance) {
  return {
    officers: instance.officers.length,
    units: instance.units.length,
    places: instance.units.reduce((sum, unit) => sum + unit.capacity, 0),
    pinned: instance.rules.pinned,
    forbidden: instance.rules.forbidden,
    released: instance.rules.released,
    maxPerDepartmentPerUnit: instance.rules.maxPerDepartmentPerUnit,
    weights: instance.weights,
  };
}

/** Loads a run in the actor's scope, locked against a concurrent accept or discard of the same run. */
async function loadRunForUpdate(tx: Tx, actor: Actor, runId: string, permission: "matchingRun:accept" | "matchingRun:discard") {
  await tx.$queryRaw`SELECT "id" FROM "MatchingRun" WHERE "id" = ${runId} FOR UPDATE`;
  const run = await tx.matchingRun.findFirst({ where: { id: runId, cohort: scopeWhere("cohort", actor) }, include: { cohort: true } });
  if (!run) throw new NotFoundError();
  if (!isAllowed(actor, permission, cohortResource(run.cohort))) throw new ForbiddenError();
  if (run.cohort.status === "COMPLETED") throw new AppError("cohortCompletedReadOnly");
  if (run.status === "DISCARDED") throw new AppError("matchingRunDiscarded");
  if (run.status === "ACCEPTED") throw new AppError("matchingRunAccepted");
  return run;
}

export interface AcceptOutcome {
  cohortId: string;
  accepted: number;
  refused: { placementId: string; reason: AcceptRefusalReason }[];
}

const isRefusalReason = (key: string): key is AcceptRefusalReason => (acceptRefusalReasons as readonly string[]).includes(key);

/** The set write refused a pair by its own checks: the pairs then go one by one, each with its own reason. */
class BatchRefused extends Error {}

/**
 * Accepts the selected pairs of a run in one transaction. Locks, in the order a single assignment takes them
 * (placement, then host unit — so the two never deadlock): the run, the chosen placements, their proposed units.
 * Then each pair is checked against the cohort as it is now — the placement unchanged since the run (same version),
 * the unit active and with a place left, the department cap — and the pairs that pass are written together through
 * applyAssignments (set-based, on a savepoint). Only if the database refuses one of them (e.g. an overlapping
 * placement) do the pairs go one by one through applyAssignment, each on its own savepoint, so that the refusal rolls
 * back that pair only and is reported with its reason.
 */
export async function acceptMatchingRun({ actor, request }: MutationContext, input: AcceptInput): Promise<AcceptOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const run = await loadRunForUpdate(tx, actor, input.runId, "matchingRun:accept");
      const stored = storedInstanceSchema.parse(run.instance);
      const result = storedResultSchema.parse(run.result);
      const proposals = new Map(acceptablePairs(stored, result).map((assignment) => [assignment.officerId, assignment]));
      const placementIds = [...new Set(input.placementIds)];
      const refused: AcceptOutcome["refused"] = [];
      const chosen = placementIds.filter((placementId) => {
        if (proposals.has(placementId)) return true;
        refused.push({ placementId, reason: "notInRun" });
        return false;
      });
      const unitIds = [...new Set(chosen.map((placementId) => proposals.get(placementId)!.unitId))];
      if (chosen.length > 0) {
        await tx.$queryRaw`SELECT "id" FROM "Placement" WHERE "id" IN (${Prisma.join(chosen)}) ORDER BY "id" FOR UPDATE`;
        await tx.$queryRaw`SELECT "id" FROM "HostUnit" WHERE "id" IN (${Prisma.join(unitIds)}) ORDER BY "id" FOR NO KEY UPDATE`;
      }
      const [placements, units, used] = await Promise.all([
        tx.placement.findMany({ where: { id: { in: chosen }, cohortId: run.cohortId }, include: { cohort: true, officer: { select: { departmentId: true, fields: { select: { fieldId: true } } } } } }),
        tx.hostUnit.findMany({
          where: { id: { in: unitIds }, jurisdictionId: run.cohort.hostJurisdictionId },
          select: { id: true, active: true, defaultCapacity: true, capacities: { where: { cohortId: run.cohortId }, select: { capacity: true } }, fields: { select: { fieldId: true } } },
        }),
        tx.placement.groupBy({ by: ["hostUnitId"], where: { cohortId: run.cohortId, status: { not: "WITHDRAWN" }, hostUnitId: { in: unitIds } }, _count: { _all: true } }),
      ]);
      // The run's department cap is checked again under the same locks: a manual assignment since the run may have
      // reached it (the engine only kept it among the run's own officers).
      const departmentCap = stored.instance.rules.maxPerDepartmentPerUnit ?? null;
      const departmentKey = (unitId: string, departmentId: string) => `${unitId} ${departmentId}`;
      const usedByDepartment = new Map<string, number>();
      if (departmentCap !== null && unitIds.length > 0) {
        const rows = await tx.$queryRaw<{ hostUnitId: string; departmentId: string; taken: number }[]>`
          SELECT p."hostUnitId", o."departmentId", count(*)::int AS "taken" FROM "Placement" p JOIN "Officer" o ON o."id" = p."officerId"
          WHERE p."cohortId" = ${run.cohortId} AND p."status" <> 'WITHDRAWN' AND p."hostUnitId" IN (${Prisma.join(unitIds)})
          GROUP BY p."hostUnitId", o."departmentId"`;
        for (const row of rows) usedByDepartment.set(departmentKey(row.hostUnitId, row.departmentId), row.taken);
      }
      const placementById = new Map(placements.map((placement) => [placement.id, placement]));
      const unitById = new Map(units.map((unit) => [unit.id, unit]));
      const usedByUnit = new Map(used.map((row) => [row.hostUnitId, row._count._all]));
      const fieldIds = new Set(placements.flatMap((placement) => [...placement.officer.fields.map((field) => field.fieldId), ...(placement.fieldId ? [placement.fieldId] : [])]));
      const activeFields = await tx.field.findMany({ where: { id: { in: [...fieldIds] }, active: true }, select: { id: true } });
      const activeFieldIds = new Set(activeFields.map((field) => field.id));

      /**
       * Checks one pair against the cohort as it is now (with the places and department counts of the pairs passed
       * before it), or says why not. `take` counts a pair's place once it is written.
       */
      const counts = { unit: new Map(usedByUnit), department: new Map(usedByDepartment) };
      const check = (placementId: string) => {
        const proposal = proposals.get(placementId)!;
        const before = placementById.get(placementId);
        const unit = unitById.get(proposal.unitId);
        const no = (reason: AcceptRefusalReason) => ({ ok: false as const, reason });
        if (!before || !unit) return no("notFound");
        if (before.status === "WITHDRAWN") return no("placementWithdrawn");
        if (before.version !== stored.placements[placementId]?.version) return no("changedSinceRun");
        if (!unit.active && unit.id !== before.hostUnitId) return no("hostUnitInactive");
        const capacity = unit.capacities[0]?.capacity ?? unit.defaultCapacity;
        const taken = counts.unit.get(unit.id) ?? 0;
        if (before.hostUnitId !== unit.id && taken >= capacity) return no("noPlaceLeft");
        const department = departmentKey(unit.id, before.officer.departmentId);
        if (departmentCap !== null && before.hostUnitId !== unit.id && (counts.department.get(department) ?? 0) >= departmentCap) return no("departmentCap");
        const officerFields = before.officer.fields.map((field) => field.fieldId);
        const wanted = new Set(unit.fields.map((field) => field.fieldId));
        const fieldId = officerFields.find((field) => wanted.has(field)) ?? before.fieldId ?? officerFields[0];
        if (!fieldId) return no("noField");
        // The write step would refuse an inactive field the placement does not already have ("refused", as before).
        if (!activeFieldIds.has(fieldId) && fieldId !== before.fieldId) return no("refused");
        const take = () => {
          counts.unit.set(unit.id, taken + (before.hostUnitId === unit.id ? 0 : 1));
          if (before.hostUnitId) counts.unit.set(before.hostUnitId, (counts.unit.get(before.hostUnitId) ?? 1) - 1);
          if (before.hostUnitId !== unit.id) {
            counts.department.set(department, (counts.department.get(department) ?? 0) + 1);
            if (before.hostUnitId) {
              const left = departmentKey(before.hostUnitId, before.officer.departmentId);
              counts.department.set(left, (counts.department.get(left) ?? 1) - 1);
            }
          }
        };
        const values = { version: before.version, hostUnitId: unit.id, fieldId, postTitle: before.postTitle, startDate: before.cohort.startDate, endDate: before.cohort.endDate };
        return { ok: true as const, before, values, take };
      };
      const accepted: { placementId: string; hostUnitId: string; fieldId: string }[] = [];
      const refusedEarlier = refused.length;

      // Every pair that passes the checks, written at once (decision 111, amended): one UPDATE, one audit INSERT and
      // one event INSERT, on a savepoint. The database's own rules still run per row; if one refuses a pair, the
      // whole statement is rolled back and the pairs go through one by one below, so that only that pair is refused.
      const batch: { before: NonNullable<ReturnType<typeof placementById.get>>; input: Exclude<ReturnType<typeof check>, { ok: false }>["values"] }[] = [];
      for (const placementId of chosen) {
        const outcome = check(placementId);
        if (!outcome.ok) {
          refused.push({ placementId, reason: outcome.reason });
          continue;
        }
        outcome.take();
        batch.push({ before: outcome.before, input: outcome.values });
      }
      let batchWritten = false;
      if (batch.length > 0) {
        await tx.$executeRawUnsafe("SAVEPOINT matching_accept_all");
        try {
          const written = await applyAssignments(tx, { actor, request }, batch);
          if (written.refused.length > 0) throw new BatchRefused();
          await tx.$executeRawUnsafe("RELEASE SAVEPOINT matching_accept_all");
          batchWritten = true;
          for (const { before, input } of batch) accepted.push({ placementId: before.id, hostUnitId: input.hostUnitId, fieldId: input.fieldId });
        } catch (error) {
          await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT matching_accept_all");
          if (!(error instanceof BatchRefused) && !(error instanceof AppError) && !translateDatabaseError(error)) throw error;
        }
      }

      if (!batchWritten && batch.length > 0) {
        // One by one, from the counts as they were: each pair on its own savepoint through the single write step.
        refused.length = refusedEarlier;
        counts.unit = new Map(usedByUnit);
        counts.department = new Map(usedByDepartment);
        for (const [index, placementId] of chosen.entries()) {
          const outcome = check(placementId);
          if (!outcome.ok) {
            refused.push({ placementId, reason: outcome.reason });
            continue;
          }
          const savepoint = `matching_accept_${index}`;
          await tx.$executeRawUnsafe(`SAVEPOINT ${savepoint}`);
          try {
            await applyAssignment(tx, { actor, request }, outcome.before, outcome.values);
            await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${savepoint}`);
          } catch (error) {
            await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${savepoint}`);
            const known = error instanceof AppError ? error : translateDatabaseError(error);
            if (!known) throw error;
            refused.push({ placementId, reason: known.messageKey.startsWith("staleRecord") ? "changedSinceRun" : isRefusalReason(known.messageKey) ? known.messageKey : "refused" });
            continue;
          }
          outcome.take();
          accepted.push({ placementId, hostUnitId: outcome.values.hostUnitId, fieldId: outcome.values.fieldId });
        }
      }

      if (accepted.length > 0) {
        const acceptedCount = run.acceptedCount + accepted.length;
        const status = acceptedCount >= proposals.size ? "ACCEPTED" : "PARTLY_ACCEPTED";
        await tx.matchingRun.update({
          where: { id: run.id },
          data: { status, acceptedCount, acceptedAt: new Date(), acceptedById: actor.userId, version: { increment: 1 } },
        });
        await writeAudit(tx, actor, request, {
          action: "matchingRun.accept",
          entityType: "MatchingRun",
          entityId: run.id,
          before: { status: run.status, acceptedCount: run.acceptedCount },
          after: { status, acceptedCount, accepted, refused, objective: result.objective, ...inputsSummary(stored) },
        });
      }
      return { cohortId: run.cohortId, accepted: accepted.length, refused };
    }, transactionOptions),
  );
}

/** Discards a run that is not (wholly) accepted: it stays listed as discarded and can no longer be accepted. */
export async function discardMatchingRun({ actor, request }: MutationContext, input: DiscardInput): Promise<{ id: string; cohortId: string }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const run = await loadRunForUpdate(tx, actor, input.runId, "matchingRun:discard");
      await tx.matchingRun.update({
        where: { id: run.id },
        data: { status: "DISCARDED", discardedAt: new Date(), discardedById: actor.userId, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, request, {
        action: "matchingRun.discard",
        entityType: "MatchingRun",
        entityId: run.id,
        before: { status: run.status },
        after: { status: "DISCARDED" },
      });
      return { id: run.id, cohortId: run.cohortId };
    }, transactionOptions),
  );
}
