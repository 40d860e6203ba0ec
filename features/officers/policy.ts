import { hasPermission, isAllowed, placementResource, type Actor, type CohortSides } from "@/lib/authorization";

/**
 * How much of an officer record an actor may see:
 * - "full": the officer's own side (its coordinators) and admins — every field, the whole placement history;
 * - "host": the host side of a cohort the officer is placed in (its coordinator, or the supervisor of the host
 *   unit) — only what the host needs (name, rank, home department, fields, work email), and only those placements
 *   the actor may view. Never the staff number.
 * - null: nothing; the page answers 404.
 */
export type OfficerAccess = "full" | "host";

export interface OfficerAccessFacts {
  id: string;
  jurisdictionId: string;
  placements: { officerId: string; hostUnitId: string | null; status: string; cohort: CohortSides }[];
}

export function officerAccessFor(actor: Actor, officer: OfficerAccessFacts): OfficerAccess | null {
  if (isAllowed(actor, "officer:view", { kind: "officer", id: officer.id, jurisdictionId: officer.jurisdictionId })) return "full";
  if (actor.role !== "COORDINATOR" && actor.role !== "SUPERVISOR") return null;
  const hosting = officer.placements.some(
    (placement) => placement.status !== "WITHDRAWN" && isAllowed(actor, "placement:view", placementResource(placement)),
  );
  return hosting ? "host" : null;
}

/** Editing is for the officer's own side only; admins see officers read-only. */
export function canManageOfficer(actor: Actor, officer: { id: string; jurisdictionId: string }): boolean {
  return isAllowed(actor, "officer:manage", { kind: "officer", ...officer });
}

/**
 * Role-level gate for an officer's page: the officer's own side and admins (officer:view), or a host-unit
 * supervisor, who may meet officers placed in its unit. The record itself then decides (officerAccessFor).
 */
export function mayOpenOfficerRecords(actor: Actor): boolean {
  return hasPermission(actor, "officer:view") || (actor.role === "SUPERVISOR" && hasPermission(actor, "placement:view"));
}
