import "server-only";
import { db } from "@/lib/db";
import { isAllowed, type Actor } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";
import { evaluationResource } from "./resource";
import { evaluationCriteria, ratingColumn, type EvaluationCriterion } from "./schemas";

export interface EvaluationView {
  placementId: string;
  /** Null when none is written yet (or, for the officer, not released yet). */
  evaluation: {
    id: string;
    version: number;
    ratings: Record<EvaluationCriterion, number>;
    comments: string;
    releasedToOfficerAt: Date | null;
    updatedAt: Date;
  } | null;
  canWrite: boolean;
  canRelease: boolean;
}

/** The placement's evaluation as the reader may see it; null when the reader may not see evaluations of it. */
export async function findEvaluation(actor: Actor, placementId: string): Promise<EvaluationView | null> {
  const placement = await db.placement.findFirst({
    where: { AND: [{ id: placementId }, scopeWhere("placement", actor)] },
    select: { id: true, officerId: true, hostUnitId: true, status: true, cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } }, evaluation: true },
  });
  if (!placement) return null;
  const stored = placement.evaluation;
  const resource = evaluationResource(placement, stored);
  const confirmed = placement.status === "CONFIRMED";
  const base = {
    placementId,
    canWrite: confirmed && isAllowed(actor, "evaluation:write", resource),
    canRelease: confirmed && stored !== null && stored.releasedToOfficerAt === null && isAllowed(actor, "evaluation:release", resource),
  };
  // Unreleased: the officer is told nothing about it (not even that it exists).
  if (!isAllowed(actor, "evaluation:view", resource)) {
    return isAllowed(actor, "evaluation:view", { ...resource, released: true } as typeof resource) ? { ...base, evaluation: null } : null;
  }
  return {
    ...base,
    evaluation: stored && {
      id: stored.id,
      version: stored.version,
      ratings: Object.fromEntries(evaluationCriteria.map((criterion) => [criterion, stored[ratingColumn[criterion]]])) as Record<EvaluationCriterion, number>,
      comments: stored.comments,
      releasedToOfficerAt: stored.releasedToOfficerAt,
      updatedAt: stored.updatedAt,
    },
  };
}
