import "server-only";
import { db } from "@/lib/db";
import type { Evaluation, Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { isAllowed, type Actor, type Permission } from "@/lib/authorization";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { scopeWhere } from "@/lib/scopes";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { evaluationResource } from "./resource";
import { evaluationCriteria, ratingColumn, type ReleaseEvaluationInput, type SaveEvaluationInput } from "./schemas";

// The host unit supervisor writes and edits the evaluation of the officers of their unit; the sending side releases
// it to the officer (decision 092).

const entityType = "Evaluation";

async function loadPlacement(tx: Prisma.TransactionClient, actor: Actor, placementId: string) {
  const placement = await tx.placement.findFirst({
    where: { AND: [{ id: placementId }, scopeWhere("placement", actor)] },
    select: { id: true, officerId: true, hostUnitId: true, status: true, cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } }, evaluation: true },
  });
  if (!placement) throw new NotFoundError();
  return placement;
}

function authorize(actor: Actor, permission: Permission, placement: Awaited<ReturnType<typeof loadPlacement>>) {
  if (!isAllowed(actor, permission, evaluationResource(placement, placement.evaluation))) throw new ForbiddenError();
  if (placement.status !== "CONFIRMED") throw new AppError("officerReports.placementNotConfirmed");
}

const auditView = (evaluation: Evaluation) => ({
  ...Object.fromEntries(evaluationCriteria.map((criterion) => [criterion, evaluation[ratingColumn[criterion]]])),
  comments: evaluation.comments,
  releasedToOfficerAt: evaluation.releasedToOfficerAt,
  version: evaluation.version,
});

export interface EvaluationOutcome {
  id: string;
  placementId: string;
  version: number;
  released: boolean;
}

const outcomeOf = (evaluation: Evaluation): EvaluationOutcome => ({
  id: evaluation.id,
  placementId: evaluation.placementId,
  version: evaluation.version,
  released: evaluation.releasedToOfficerAt !== null,
});

export async function saveEvaluation(context: MutationContext, input: SaveEvaluationInput): Promise<EvaluationOutcome> {
  const { actor, request } = context;
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const placement = await loadPlacement(tx, actor, input.placementId);
      authorize(actor, "evaluation:write", placement);
      const ratings = Object.fromEntries(evaluationCriteria.map((criterion) => [ratingColumn[criterion], input[criterion]])) as Record<
        (typeof ratingColumn)[keyof typeof ratingColumn],
        number
      >;
      const before = placement.evaluation;
      if (!before) {
        const created = await tx.evaluation.create({ data: { placementId: placement.id, supervisorId: actor.userId, ...ratings, comments: input.comments } });
        await writeAudit(tx, actor, request, { action: "evaluation.create", entityType, entityId: created.id, after: auditView(created) });
        return outcomeOf(created);
      }
      const after = await updateAtVersion(tx, context, {
        entityType,
        id: before.id,
        version: input.version ?? 0,
        readAt: before.updatedAt,
        write: (where, version) => tx.evaluation.updateMany({ where, data: { ...ratings, comments: input.comments, supervisorId: actor.userId, version } }),
        read: () => tx.evaluation.findUniqueOrThrow({ where: { id: before.id } }),
        audit: (written) => ({ action: "evaluation.update", before: auditView(before), after: auditView(written) }),
      });
      return outcomeOf(after);
    }, transactionOptions),
  );
}

export async function releaseEvaluation(context: MutationContext, input: ReleaseEvaluationInput): Promise<EvaluationOutcome> {
  const { actor } = context;
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const placement = await loadPlacement(tx, actor, input.placementId);
      authorize(actor, "evaluation:release", placement);
      const before = placement.evaluation;
      if (!before) throw new AppError("officerReports.evaluationNotReleasable");
      const after = await updateAtVersion(tx, context, {
        entityType,
        id: before.id,
        version: input.version,
        readAt: before.updatedAt,
        write: (where, version) => tx.evaluation.updateMany({ where, data: { releasedToOfficerAt: new Date(), releasedById: actor.userId, version } }),
        read: () => tx.evaluation.findUniqueOrThrow({ where: { id: before.id } }),
        audit: (written) => ({ action: "evaluation.release", before: auditView(before), after: auditView(written) }),
      });
      return outcomeOf(after);
    }, transactionOptions),
  );
}
