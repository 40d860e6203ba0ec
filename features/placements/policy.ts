import { isAllowed, sideInCohort, type Actor, type CohortSides, type Resource } from "@/lib/authorization";
import { todayInHongKong } from "@/lib/dates";
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

export function placementResource(placement: PlacementForPolicy): Resource {
  return { kind: "placement", officerId: placement.officerId, hostUnitId: placement.hostUnitId, cohort: placement.cohort };
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

/**
 * The sending side knows its officers' staff numbers; the host side gets only what it needs to host (name, rank,
 * home department, fields, work email). An officer sees their own. Admins see everything.
 */
export function canSeeStaffNumber(actor: Actor, placement: PlacementForPolicy): boolean {
  if (actor.role === "ADMIN") return true;
  if (actor.role === "OFFICER") return actor.officerId === placement.officerId;
  return actor.role === "COORDINATOR" && sideInCohort(actor, placement.cohort) === "sending";
}

/** Nominations are accepted up to and including the deadline day (a Hong Kong calendar date); no deadline, no limit. */
export function nominationDeadlinePassed(cohort: { nominationDeadline: Date | null }, today: Date = todayInHongKong()): boolean {
  return cohort.nominationDeadline !== null && today > cohort.nominationDeadline;
}
