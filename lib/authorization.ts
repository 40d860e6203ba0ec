// The one place that decides who may do what. Pure functions, no I/O: pages, server actions and route handlers
// load the record, then ask here. Anything not granted explicitly is denied. See docs/decisions/006-authorization.md.
import type { Role } from "@/generated/prisma/enums";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** The side a coordinator or supervisor works for; null for admins. */
  jurisdictionId: string | null;
  officerId: string | null;
  hostUnitId: string | null;
}

export const permissions = [
  "dashboard:view",
  "referenceData:view",
  "referenceData:manage",
  "holiday:manage",
  "user:manage",
  "audit:view",
  "officer:view",
  "officer:manage",
  "officer:import",
  "hostUnit:view",
  "hostUnit:manageCapacity",
  "cohort:view",
  "cohort:manage",
  "placement:view",
  "placement:nominate",
  "placement:assign",
  "placement:approveSending",
  "placement:approveHost",
  "placement:revokeSending",
  "placement:revokeHost",
  "placement:withdraw",
  "schedule:view",
  "schedule:editCohort",
  "schedule:editPlacement",
  "calendarFeed:manage",
  "report:export",
  "notification:view",
  "email:manage",
  // ---- accounts (issue 14) ----
  /** Invite someone: admins anyone; coordinators the officers of their own side (one, or a cohort's at once). */
  "user:invite",
  // ---- selfserve ----
  /** One's own password, sessions and second factor (every query scoped to the actor's own user id). */
  "account:manageOwn",
  // ---- reports2: officers' reports, evaluations, outcomes library (decision 091) ----
  "officerReport:view",
  "officerReport:write",
  "officerReport:review",
  "evaluation:view",
  "evaluation:write",
  "evaluation:release",
  "outcome:view",
  // ---- documents ----
  "document:view",
  "document:upload",
  "document:viewDetails",
  "documentTemplate:manage",
  "certificate:issue",
  "certificate:download",
  // ---- totp ----
  /** Reset another user's second factor (they enrol again at their next sign-in when their role requires it). */
  "user:resetSecondFactor",
  // ---- matchin: matching inputs (issue 16, decision 107) ----
  /** Read a placement's ranked host-unit preferences: the officer, both sides' coordinators (the host side matches on them). */
  "matchingPreference:view",
  /** Rank them: the officer until the nomination deadline (features/matching/inputs/policy.ts), the sending side always. */
  "matchingPreference:edit",
  /** A cohort's matching settings (weights, department cap, rank bands, wishes): the host side's, read by admins. */
  "matchingSettings:view",
  "matchingSettings:edit",
  /** A host unit's ranked wishes among the nominated officers: the host side's coordinators. */
  "matchingWish:edit",
  // ---- matchrun: matching runs (issue 16, decision 110) ----
  /** See a cohort's matching runs: both coordinators' sides (the sending side without the host side's choices). */
  "matchingRun:view",
  /** Propose (and propose again with what-if rules), accept and discard: the host side, who assigns. */
  "matchingRun:propose",
  "matchingRun:accept",
  "matchingRun:discard",
] as const;
export type Permission = (typeof permissions)[number];

const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([
    "dashboard:view",
    "referenceData:view",
    "referenceData:manage",
    "holiday:manage",
    "user:manage",
    "audit:view",
    "officer:view",
    "hostUnit:view",
    "cohort:view",
    "cohort:manage",
    "placement:view",
    "schedule:view",
    "report:export",
    "notification:view",
    "email:manage",
    "user:invite",
    "account:manageOwn",
    "officerReport:view",
    "evaluation:view",
    "outcome:view",
    // ---- documents ----
    "document:view",
    "document:viewDetails",
    "documentTemplate:manage",
    "certificate:download",
    // ---- totp ----
    "user:resetSecondFactor",
    // ---- matchin ----
    "matchingPreference:view",
    "matchingSettings:view",
    // ---- matchrun ----
    "matchingRun:view",
  ]),
  COORDINATOR: new Set<Permission>([
    "dashboard:view",
    "referenceData:view",
    "officer:view",
    "officer:manage",
    "officer:import",
    "hostUnit:view",
    "hostUnit:manageCapacity",
    "cohort:view",
    "cohort:manage",
    "placement:view",
    "placement:nominate",
    "placement:assign",
    "placement:approveSending",
    "placement:approveHost",
    "placement:revokeSending",
    "placement:revokeHost",
    "placement:withdraw",
    "schedule:view",
    "schedule:editCohort",
    "schedule:editPlacement",
    "calendarFeed:manage",
    "report:export",
    "notification:view",
    "user:invite",
    "officerReport:view",
    "officerReport:review",
    "evaluation:view",
    "evaluation:release",
    "outcome:view",
    "account:manageOwn",
    // ---- documents ----
    "document:view",
    "document:upload",
    "document:viewDetails",
    "certificate:issue",
    "certificate:download",
    // ---- matchin ----
    "matchingPreference:view",
    "matchingPreference:edit",
    "matchingSettings:view",
    "matchingSettings:edit",
    "matchingWish:edit",
    // ---- matchrun ----
    "matchingRun:view",
    "matchingRun:propose",
    "matchingRun:accept",
    "matchingRun:discard",
  ]),
  SUPERVISOR: new Set<Permission>([
    "dashboard:view",
    "hostUnit:view",
    "placement:view",
    "schedule:view",
    "schedule:editPlacement",
    "calendarFeed:manage",
    "notification:view",
    "officerReport:view",
    "evaluation:view",
    "evaluation:write",
    "account:manageOwn",
    "document:view",
  ]),
  OFFICER: new Set<Permission>([
    "dashboard:view",
    "placement:view",
    "schedule:view",
    "calendarFeed:manage",
    "notification:view",
    "officerReport:view",
    "officerReport:write",
    "evaluation:view",
    "outcome:view",
    "account:manageOwn",
    // ---- documents ----
    "document:view",
    "document:upload",
    "document:viewDetails",
    "certificate:download",
    // ---- matchin ----
    "matchingPreference:view",
    "matchingPreference:edit",
  ]),
};

export interface CohortSides {
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
}

/** The Prisma select of a cohort's two sides, for rows that isAllowed, sideInCohort or the resources read. */
export const cohortSidesSelect = { sendingJurisdictionId: true, hostJurisdictionId: true } as const satisfies Record<keyof CohortSides, true>;

export type Resource =
  | ({ kind: "cohort" } & CohortSides)
  | { kind: "placement"; officerId: string; hostUnitId: string | null; cohort: CohortSides }
  | { kind: "officer"; id: string; jurisdictionId: string }
  | { kind: "hostUnit"; id: string; jurisdictionId: string }
  /** A supervisor's evaluation: its placement, and whether the sending side has released it to the officer. */
  | { kind: "evaluation"; released: boolean; placement: PlacementResource };

type PlacementResource = { kind: "placement"; officerId: string; hostUnitId: string | null; cohort: CohortSides };

export type CohortSide = "sending" | "host";

/** A cohort as isAllowed reads it, from any row that carries its two sides. */
export function cohortResource(cohort: CohortSides): Resource {
  return { kind: "cohort", sendingJurisdictionId: cohort.sendingJurisdictionId, hostJurisdictionId: cohort.hostJurisdictionId };
}

/** A placement as isAllowed reads it, from any row that carries its officer, host unit and cohort sides. */
export function placementResource(placement: { officerId: string; hostUnitId: string | null; cohort: CohortSides }): Resource {
  return { kind: "placement", officerId: placement.officerId, hostUnitId: placement.hostUnitId, cohort: cohortSidesOf(placement.cohort) };
}

function cohortSidesOf(cohort: CohortSides): CohortSides {
  return { sendingJurisdictionId: cohort.sendingJurisdictionId, hostJurisdictionId: cohort.hostJurisdictionId };
}

/** Which side of a cohort the actor's organisation is on, if any. Derived from data, never from names. */
export function sideInCohort(actor: Actor, cohort: CohortSides): CohortSide | null {
  if (!actor.jurisdictionId) return null;
  if (actor.jurisdictionId === cohort.sendingJurisdictionId) return "sending";
  if (actor.jurisdictionId === cohort.hostJurisdictionId) return "host";
  return null;
}

/** Role-level check, for navigation and for pages that list records the queries then scope. */
export function hasPermission(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return rolePermissions[actor.role]?.has(permission) ?? false;
}

/** Record-level check: the role must hold the permission and the record must be in the actor's scope. */
export function isAllowed(actor: Actor | null | undefined, permission: Permission, resource: Resource): boolean {
  if (!actor || !hasPermission(actor, permission)) return false;
  if (actor.role === "ADMIN") return true;
  switch (resource.kind) {
    case "cohort":
      return isAllowedOnCohort(actor, permission, resource);
    case "placement":
      return isAllowedOnPlacement(actor, permission, resource);
    case "officer":
      return actor.role === "COORDINATOR" && actor.jurisdictionId === resource.jurisdictionId;
    case "evaluation":
      // The officer reads it only once released; everyone else as the placement.
      if (actor.role === "OFFICER" && !resource.released) return false;
      return isAllowedOnPlacement(actor, permission, resource.placement);
    case "hostUnit":
      if (actor.role === "SUPERVISOR") return permission === "hostUnit:view" && actor.hostUnitId === resource.id;
      return actor.role === "COORDINATOR" && actor.jurisdictionId === resource.jurisdictionId;
    default:
      return false;
  }
}

// Revoking an approval belongs to the side that gave it; placements/policy.ts adds "only your own, and only while
// the other side has not approved".
// A cohort's officers come from its sending side, so only that side invites them ("user:invite").
const sendingSidePermissions = new Set<Permission>([
  "placement:nominate",
  "placement:approveSending",
  "placement:revokeSending",
  "user:invite",
  // reports2: the sending side reviews its officers' reports and releases evaluations to them.
  "officerReport:review",
  "evaluation:release",
  // ---- documents ---- the sending side collects its officers' travel documents and certifies completion
  // (decision 096); the host side sees the checklist's state, not the numbers or files.
  "document:upload",
  "document:viewDetails",
  "certificate:issue",
  // ---- matchin ---- the sending side ranks its officers' preferences, also after the deadline.
  "matchingPreference:edit",
]);
const hostSidePermissions = new Set<Permission>([
  "placement:assign",
  "placement:approveHost",
  "placement:revokeHost",
  "schedule:editPlacement",
  "hostUnit:manageCapacity",
  // ---- matchin ---- weights, cap, bands and wishes are the host side's judgement (decision 107).
  "matchingSettings:view",
  "matchingSettings:edit",
  "matchingWish:edit",
  // ---- matchrun ---- matching proposes assignments, which are the host side's (decision 110).
  "matchingRun:propose",
  "matchingRun:accept",
  "matchingRun:discard",
]);
/** What an officer may do on their own placement. */
const ownPlacementOfficerPermissions = new Set<Permission>([
  "placement:view",
  "schedule:view",
  "officerReport:view",
  "officerReport:write",
  "evaluation:view",
  // ---- documents ----
  "document:view",
  "document:upload",
  "document:viewDetails",
  "certificate:download",
  // ---- matchin ----
  "matchingPreference:view",
  "matchingPreference:edit",
]);

function isAllowedOnCohort(actor: Actor, permission: Permission, cohort: CohortSides): boolean {
  if (actor.role !== "COORDINATOR") return false;
  const side = sideInCohort(actor, cohort);
  if (!side) return false;
  if (sendingSidePermissions.has(permission)) return side === "sending";
  if (hostSidePermissions.has(permission)) return side === "host";
  // A cohort is set up by its sending side; both sides view it, edit its cohort-wide schedule and export it.
  if (permission === "cohort:manage") return side === "sending";
  return true;
}

function isAllowedOnPlacement(actor: Actor, permission: Permission, placement: PlacementResource): boolean {
  switch (actor.role) {
    case "OFFICER":
      return ownPlacementOfficerPermissions.has(permission) && actor.officerId === placement.officerId;
    case "SUPERVISOR":
      return placement.hostUnitId !== null && actor.hostUnitId === placement.hostUnitId;
    case "COORDINATOR":
      return isAllowedOnCohort(actor, permission, placement.cohort);
    default:
      return false;
  }
}
