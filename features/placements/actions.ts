"use server";

import { revalidatePath } from "next/cache";
import { defineAction, type NoticeCatalog } from "@/lib/action";
import { localizedName } from "@/lib/i18n/locales";
import { approvePlacement, assignPlacement, nominateOfficers, revokeApproval, withdrawPlacement, type PlacementOutcome } from "./mutations";
import { approveSelectedPlacements } from "./bulk-approval";
import { approvalSchema, approveSelectedSchema, assignPlacementSchema, nominateOfficersSchema, withdrawPlacementSchema } from "./schemas";
import type { ApprovalSide } from "./schemas";

// Thin: the schema parses, defineAction checks the role-level permission, the mutation loads the record in the
// actor's scope and checks the side. Every page that shows placements is dynamic; revalidating refreshes the caller's view.
// Each action's notice names the officer and the state the placement shows now (decision 056).

function revalidatePlacementViews(placementId?: string) {
  revalidatePath("/cohorts/[id]", "page");
  revalidatePath("/approvals");
  revalidatePath("/");
  if (placementId) revalidatePath(`/placements/${placementId}`);
}

const status = ({ t }: NoticeCatalog, outcome: PlacementOutcome) => t(`status.placement.${outcome.displayStatus}`);
const otherSide = (side: ApprovalSide): ApprovalSide => (side === "sending" ? "host" : "sending");

export const nominateOfficersAction = defineAction({
  name: "placement.nominate",
  schema: nominateOfficersSchema,
  permission: "placement:nominate",
  run: async (input, { user, request }) => {
    const result = await nominateOfficers({ actor: user, request }, input);
    revalidatePlacementViews();
    return result;
  },
  notice: (result, { t, locale }) =>
    t("notices.officersNominated", { count: result.nominated, cohort: localizedName(result.cohort, locale), status: t("status.placement.NOMINATED") }),
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
  notice: (result, catalog) =>
    catalog.t(result.approvalsReset ? "notices.placementAssignedApprovalsReset" : "notices.placementAssigned", { name: result.officerName, status: status(catalog, result) }),
});

function approvalNotice(side: ApprovalSide) {
  return (result: PlacementOutcome & { confirmed: boolean }, catalog: NoticeCatalog) =>
    catalog.t(result.confirmed ? "notices.placementApproved" : "notices.placementApprovedWaiting", {
      name: result.officerName,
      side: catalog.t(`notices.sides.${side}`),
      otherSide: catalog.t(`notices.sides.${otherSide(side)}`),
      status: status(catalog, result),
    });
}

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
  notice: approvalNotice("sending"),
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
  notice: approvalNotice("host"),
});

function revocationNotice(side: ApprovalSide) {
  return (result: PlacementOutcome, catalog: NoticeCatalog) =>
    catalog.t("notices.approvalRevoked", { name: result.officerName, side: catalog.t(`notices.sides.${side}`), status: status(catalog, result) });
}

/** Undo of one's own approval while the other side has not approved (policy.ts revocationBlocker). */
export const revokeSendingApprovalAction = defineAction({
  name: "placement.revokeApproval.sending",
  schema: approvalSchema,
  permission: "placement:revokeSending",
  run: async (input, { user, request }) => {
    const result = await revokeApproval({ actor: user, request }, { ...input, side: "sending" });
    revalidatePlacementViews(result.id);
    return result;
  },
  notice: revocationNotice("sending"),
});

export const revokeHostApprovalAction = defineAction({
  name: "placement.revokeApproval.host",
  schema: approvalSchema,
  permission: "placement:revokeHost",
  run: async (input, { user, request }) => {
    const result = await revokeApproval({ actor: user, request }, { ...input, side: "host" });
    revalidatePlacementViews(result.id);
    return result;
  },
  notice: revocationNotice("host"),
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
  notice: (result, catalog) => catalog.t("notices.placementWithdrawn", { name: result.officerName, status: status(catalog, result) }),
});
