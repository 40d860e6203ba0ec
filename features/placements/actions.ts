"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { approvePlacement, assignPlacement, nominateOfficers, withdrawPlacement } from "./mutations";
import { approvalSchema, assignPlacementSchema, nominateOfficersSchema, withdrawPlacementSchema } from "./schemas";

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
