"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { approvePlacement, assignPlacement, nominateOfficers, withdrawPlacement } from "./mutations";
import { approveSelectedPlacements } from "./bulk-approval";
import { approvalSchema, approveSelectedSchema, assignPlacementSchema, nominateOfficersSchema, withdrawPlacementSchema } from "./schemas";

// Thin: the schema parses, defineAction checks the role-level permission, the mutation loads the record in the
// actor's scope and checks the side. Every page that shows placements is dynamic; revalidating refreshes the caller's view.

function revalidatePlacementViews(placementId?: string) {
  revalidatePath("/cohorts/[id]", "page");
  revalidatePath("/approvals");
  revalidatePath("/");
  if (placementId) revalidatePath(`/placements/${placementId}`);
}

export const nominateOfficersAction = defineAction({
  name: "placement.nominate",
  schema: nominateOfficersSchema,
  permission: "placement:nominate",
  run: async (input, { user, request }) => {
    const result = await nominateOfficers({ actor: user, request }, input);
    revalidatePlacementViews();
    return result;
  },
});

export const assignPlacementAction = defineAction({
  name: "placement.assign",
  schema: assignPlacementSchema,
  permission: "placement:assign",
  run: async (input, { user, request }) => {
    const result = await assignPlacement({ actor: user, request }, input);
    revalidatePlacementViews(result.id);
    return result;
  },
});

/** One action per side, each behind that side's permission; the mutation checks the side on the record. */
export const approveAsSendingSideAction = defineAction({
  name: "placement.approve.sending",
  schema: approvalSchema,
  permission: "placement:approveSending",
  run: async (input, { user, request }) => {
    const result = await approvePlacement({ actor: user, request }, { ...input, side: "sending" });
    revalidatePlacementViews(result.id);
    return result;
  },
});

export const approveAsHostSideAction = defineAction({
  name: "placement.approve.host",
  schema: approvalSchema,
  permission: "placement:approveHost",
  run: async (input, { user, request }) => {
    const result = await approvePlacement({ actor: user, request }, { ...input, side: "host" });
    revalidatePlacementViews(result.id);
    return result;
  },
});

/**
 * "Approve selected" in the approvals queue. The role-level gate is approving at all (a coordinator holds both
 * approval permissions); each placement is then approved for the actor's side in its cohort, checked per record with
 * isAllowed in the mutation, all or nothing.
 */
export const approveSelectedAction = defineAction({
  name: "placement.approve.selected",
  schema: approveSelectedSchema,
  permission: "placement:approveSending",
  run: async (input, { user, request }) => {
    const result = await approveSelectedPlacements({ actor: user, request }, input);
    revalidatePlacementViews();
    return result;
  },
});

export const withdrawPlacementAction = defineAction({
  name: "placement.withdraw",
  schema: withdrawPlacementSchema,
  permission: "placement:withdraw",
  run: async (input, { user, request }) => {
    const result = await withdrawPlacement({ actor: user, request }, input);
    revalidatePlacementViews(result.id);
    return result;
  },
});
