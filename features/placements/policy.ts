import { isAllowed, placementResource, sideInCohort, type Actor, type CohortSides } from "@/lib/authorization";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import type { PlacementStatus } from "@/generated/prisma/enums";
import type { ApprovalSide } from "./schemas";

// The placement workflow in one file: who approves, what counts as a material change (how a confirmed placement
// reads as active or completed is in display-status.ts). Pure functions; the mutations apply them inside their
// transactions.

export interface PlacementForPolicy {
  officerId: string;
  hostUnitId: string | null;
  cohort: CohortSides;
}

export const approvalPermission = { sending: "placement:approveSending", host: "placement:approveHost" } as const;

/** The side of the cohort on whose behalf this actor approves, if any. */
export function approvalSideOf(actor: Actor, placement: PlacementForPolicy): ApprovalSide | null {
  if (actor.role !== "COORDINATOR") return null;
  const side = sideInCohort(actor, placement.cohort);
  return side && isAllowed(actor, approvalPermission[side], placementResource(placement)) ? side : null;
}

interface Approvals {
  status: PlacementStatus;
  sendingApprovedAt: Date | null;
  hostApprovedAt: Date | null;
}

export function isApprovedBy(placement: Approvals, side: ApprovalSide): boolean {
  return side === "sending" ? placement.sendingApprovedAt !== null : placement.hostApprovedAt !== null;
}

/** Why `side` cannot approve now (a message key of the "errors" namespace), or null when it can. */
export function approvalBlocker(placement: Approvals, side: ApprovalSide): string | null {
  if (placement.status === "WITHDRAWN") return "placementWithdrawn";
  if (placement.status === "NOMINATED") return "approvalNeedsAssignment";
  if (placement.status === "CONFIRMED" || isApprovedBy(placement, side)) return "alreadyApproved";
  return null;
}

export const revocationPermission = { sending: "placement:revokeSending", host: "placement:revokeHost" } as const;

interface RevocableApprovals extends Approvals {
  sendingApprovedById: string | null;
  hostApprovedById: string | null;
}

/**
 * Why `actorId` cannot take back `side`'s approval now (an "errors" key), or null when it can: only the approval
 * they gave themselves, and only while the other side has not approved too — once it has, the placement is
 * confirmed and the other side acted on it, so undoing is no longer safe (withdrawal remains).
 */
export function revocationBlocker(placement: RevocableApprovals, side: ApprovalSide, actorId: string): string | null {
  if (placement.status === "WITHDRAWN") return "placementWithdrawn";
  if (!isApprovedBy(placement, side)) return "approvalNotGiven";
  const approvedBy = side === "sending" ? placement.sendingApprovedById : placement.hostApprovedById;
  if (approvedBy !== actorId) return "approvalNotYours";
  if (placement.status === "CONFIRMED" || isApprovedBy(placement, side === "sending" ? "host" : "sending")) return "approvalOtherSideActed";
  return null;
}

/** Confirmed only once both sides have approved (the database checks the same). */
export function statusAfterApproval(placement: Approvals, side: ApprovalSide): PlacementStatus {
  const other: ApprovalSide = side === "sending" ? "host" : "sending";
  return isApprovedBy(placement, other) ? "CONFIRMED" : "ASSIGNED";
}

export const materialChangeKinds = ["hostUnit", "dates", "post"] as const;
export type MaterialChange = (typeof materialChangeKinds)[number];

interface Assignment {
  hostUnitId: string | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
}

/** What both sides agreed to: the host unit, the dates and the post. A field change alone is not material. */
export function materialChanges(before: Assignment, after: Assignment): MaterialChange[] {
  const changes: MaterialChange[] = [];
  if (before.hostUnitId !== after.hostUnitId) changes.push("hostUnit");
  if (before.startDate.getTime() !== after.startDate.getTime() || before.endDate.getTime() !== after.endDate.getTime()) changes.push("dates");
  if ((before.postTitle ?? "") !== (after.postTitle ?? "")) changes.push("post");
  return changes;
}

export function hasAnyApproval(placement: Approvals): boolean {
  return placement.sendingApprovedAt !== null || placement.hostApprovedAt !== null;
}

const resetPrefix = "material-change:";

/** Stored language-neutral so each reader sees the reason in their own language. */
export function encodeApprovalResetReason(changes: MaterialChange[]): string {
  return `${resetPrefix}${changes.join(",")}`;
}

/** The changes behind a reset, or null for a free-text reason (e.g. from the demo data), shown as written. */
export function decodeApprovalResetReason(reason: string): MaterialChange[] | null {
  if (!reason.startsWith(resetPrefix)) return null;
  const kinds = reason.slice(resetPrefix.length).split(",");
  return kinds.every((kind): kind is MaterialChange => (materialChangeKinds as readonly string[]).includes(kind)) ? kinds : null;
}

/** Nominations are accepted up to and including the deadline day (a Hong Kong calendar date); no deadline, no limit. */
export function nominationDeadlinePassed(cohort: { nominationDeadline: Date | null }, today: Date = parseDateOnly(todayInHongKong())): boolean {
  return cohort.nominationDeadline !== null && today > cohort.nominationDeadline;
}
