import "server-only";
import { db } from "@/lib/db";
import { scopeWhere } from "@/lib/scopes";
import { transactionOptions, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { applyApproval } from "./mutations";
import { approvalBlocker, approvalSideOf } from "./policy";
import { rowRefusalReasons, RowsRefusedError, type RowRefusal, type RowRefusalReason } from "./row-refusals";
import type { ApproveSelectedInput } from "./schemas";

const isRowRefusalReason = (key: string): key is RowRefusalReason => (rowRefusalReasons as readonly string[]).includes(key);

/**
 * "Approve selected" in the approvals queue: each chosen placement is approved for the actor's side in its cohort
 * (a coordinator may be the sending side of one cohort and the host side of another). All or nothing, in one
 * transaction: every placement is loaded in the actor's scope and checked — side (isAllowed), completed cohort, the
 * version the user saw, the workflow — before anything is written; if any is refused, none is approved and each
 * refused one says why. Each approval is written at its version and audited on its own, as a single approval is.
 */
export async function approveSelectedPlacements({ actor, request }: MutationContext, input: ApproveSelectedInput): Promise<{ approved: number; confirmed: number }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const ids = input.placements.map((placement) => placement.placementId);
      const placements = await tx.placement.findMany({ where: { AND: [{ id: { in: ids } }, scopeWhere("placement", actor)] }, include: { cohort: true } });
      const byId = new Map(placements.map((placement) => [placement.id, placement]));
      const refusals: RowRefusal[] = [];
      const approvals = [];
      for (const { placementId, version } of input.placements) {
        const placement = byId.get(placementId);
        const side = placement && approvalSideOf(actor, placement);
        const blocker = placement && side ? approvalBlocker(placement, side) : null;
        const refuse = (reason: RowRefusalReason) => refusals.push({ id: placementId, reason });
        if (!placement) refuse("notFound");
        else if (!side) refuse("forbidden");
        else if (placement.cohort.status === "COMPLETED") refuse("cohortCompletedReadOnly");
        else if (placement.version !== version) refuse("changedSinceLoaded");
        else if (blocker) refuse(isRowRefusalReason(blocker) ? blocker : "forbidden");
        else approvals.push({ placement, side, version });
      }
      if (refusals.length > 0) throw new RowsRefusedError(refusals);
      let confirmed = 0;
      for (const { placement, side, version } of approvals) {
        // A concurrent change between the read above and this write is still refused (and rolls everything back).
        const after = await applyApproval(tx, { actor, request }, placement, side, version);
        if (after.status === "CONFIRMED") confirmed += 1;
      }
      return { approved: approvals.length, confirmed };
    }, transactionOptions),
  );
}
