import { describe, expect, it } from "vitest";
import { hasPermission, isAllowed, permissions, sideInCohort, type Actor, type Permission, type Resource } from "./authorization";

// The full matrix: every permission × every role × a record on the actor's own side / the other side / its own
// record / someone else's. Each row states the expected answer; a new permission without rows fails the last test.
const HK = "hk";
const SZ = "sz";
const BJ = "bj";

const actors = {
  admin: { userId: "u-admin", email: "a@x", name: "Admin", role: "ADMIN", jurisdictionId: null, officerId: null, hostUnitId: null },
  hkCoordinator: { userId: "u-hkc", email: "h@x", name: "HK", role: "COORDINATOR", jurisdictionId: HK, officerId: null, hostUnitId: null },
  szCoordinator: { userId: "u-szc", email: "s@x", name: "SZ", role: "COORDINATOR", jurisdictionId: SZ, officerId: null, hostUnitId: null },
  bjCoordinator: { userId: "u-bjc", email: "b@x", name: "BJ", role: "COORDINATOR", jurisdictionId: BJ, officerId: null, hostUnitId: null },
  szSupervisor: { userId: "u-sup", email: "p@x", name: "Sup", role: "SUPERVISOR", jurisdictionId: SZ, officerId: null, hostUnitId: "unit-sz-1" },
  hkOfficer: { userId: "u-off", email: "o@x", name: "Off", role: "OFFICER", jurisdictionId: HK, officerId: "officer-1", hostUnitId: null },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const hkToSz = { sendingJurisdictionId: HK, hostJurisdictionId: SZ };
const resources = {
  cohortHkToSz: { kind: "cohort", ...hkToSz },
  ownPlacement: { kind: "placement", officerId: "officer-1", hostUnitId: "unit-sz-1", cohort: hkToSz },
  otherPlacement: { kind: "placement", officerId: "officer-2", hostUnitId: "unit-sz-2", cohort: hkToSz },
  hkOfficerRecord: { kind: "officer", id: "officer-1", jurisdictionId: HK },
  szUnit1: { kind: "hostUnit", id: "unit-sz-1", jurisdictionId: SZ },
  szOfficerRecord: { kind: "officer", id: "officer-sz", jurisdictionId: SZ },
  szUnit2: { kind: "hostUnit", id: "unit-sz-2", jurisdictionId: SZ },
  // reports2: evaluations of the officer's own placement, before and after the sending side releases them.
  ownEvaluationHeld: { kind: "evaluation", released: false, placement: { kind: "placement", officerId: "officer-1", hostUnitId: "unit-sz-1", cohort: hkToSz } },
  ownEvaluationReleased: { kind: "evaluation", released: true, placement: { kind: "placement", officerId: "officer-1", hostUnitId: "unit-sz-1", cohort: hkToSz } },
  otherEvaluationReleased: { kind: "evaluation", released: true, placement: { kind: "placement", officerId: "officer-2", hostUnitId: "unit-sz-2", cohort: hkToSz } },
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof resources;

/** "ownAccount": permissions over the actor's own account (its calendar feed), checked by role alone. */
type Row = [Permission, ResourceName | "ownAccount", Partial<Record<ActorName, boolean>>];
// Actors not named in a row are expected to be denied.
const matrix: Row[] = [
  ["cohort:view", "cohortHkToSz", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["cohort:manage", "cohortHkToSz", { admin: true, hkCoordinator: true }],
  ["placement:view", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true, hkOfficer: true }],
  ["placement:view", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["placement:nominate", "cohortHkToSz", { hkCoordinator: true }],
  ["placement:assign", "otherPlacement", { szCoordinator: true }],
  ["placement:approveSending", "otherPlacement", { hkCoordinator: true }],
  ["placement:approveHost", "otherPlacement", { szCoordinator: true }],
  ["placement:revokeSending", "otherPlacement", { hkCoordinator: true }],
  ["placement:revokeHost", "otherPlacement", { szCoordinator: true }],
  ["placement:revokeSending", "ownPlacement", { hkCoordinator: true }],
  ["placement:revokeHost", "ownPlacement", { szCoordinator: true }],
  ["placement:withdraw", "otherPlacement", { hkCoordinator: true, szCoordinator: true }],
  ["schedule:view", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true, hkOfficer: true }],
  ["schedule:view", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["schedule:editCohort", "cohortHkToSz", { hkCoordinator: true, szCoordinator: true }],
  ["schedule:editPlacement", "ownPlacement", { szCoordinator: true, szSupervisor: true }],
  ["schedule:editPlacement", "otherPlacement", { szCoordinator: true }],
  ["officer:view", "hkOfficerRecord", { admin: true, hkCoordinator: true }],
  ["officer:manage", "hkOfficerRecord", { hkCoordinator: true }],
  ["officer:import", "hkOfficerRecord", { hkCoordinator: true }],
  ["hostUnit:view", "szUnit1", { admin: true, szCoordinator: true, szSupervisor: true }],
  ["hostUnit:manageCapacity", "szUnit1", { szCoordinator: true }],
  // The other side's officers and another unit than the supervisor's own.
  ["officer:view", "szOfficerRecord", { admin: true, szCoordinator: true }],
  ["officer:manage", "szOfficerRecord", { szCoordinator: true }],
  ["officer:import", "szOfficerRecord", { szCoordinator: true }],
  ["hostUnit:view", "szUnit2", { admin: true, szCoordinator: true }],
  ["hostUnit:manageCapacity", "szUnit2", { szCoordinator: true }],
  ["report:export", "cohortHkToSz", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["referenceData:manage", "cohortHkToSz", { admin: true }],
  ["holiday:manage", "ownAccount", { admin: true }],
  ["user:manage", "cohortHkToSz", { admin: true }],
  ["audit:view", "cohortHkToSz", { admin: true }],
  ["calendarFeed:manage", "ownAccount", { hkOfficer: true, hkCoordinator: true, szCoordinator: true, bjCoordinator: true, szSupervisor: true }],
  ["dashboard:view", "cohortHkToSz", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["referenceData:view", "cohortHkToSz", { admin: true, hkCoordinator: true, szCoordinator: true }],
  // One's own notifications (each query is scoped to the recipient); the email outbox and dead letters are admins'.
  ["notification:view", "ownAccount", { admin: true, hkOfficer: true, hkCoordinator: true, szCoordinator: true, bjCoordinator: true, szSupervisor: true }],
  ["email:manage", "cohortHkToSz", { admin: true }],
  // Accounts (issue 14): admins invite anyone; a coordinator only the officers of their own side, one by one or all of
  // a cohort of which their side is the sending side.
  ["user:invite", "hkOfficerRecord", { admin: true, hkCoordinator: true }],
  ["user:invite", "szOfficerRecord", { admin: true, szCoordinator: true }],
  ["user:invite", "cohortHkToSz", { admin: true, hkCoordinator: true }],
  // ---- selfserve ---- one's own password, sessions and second factor: every signed-in role.
  ["account:manageOwn", "ownAccount", { admin: true, hkOfficer: true, hkCoordinator: true, szCoordinator: true, bjCoordinator: true, szSupervisor: true }],
  // ---- reports2 ----
  // Both sides read reports (the host side without sending-only sections: lib/scopes.ts); the officer writes own.
  ["officerReport:view", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true, hkOfficer: true }],
  ["officerReport:view", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["officerReport:write", "ownPlacement", { hkOfficer: true }],
  ["officerReport:write", "otherPlacement", {}],
  ["officerReport:review", "ownPlacement", { hkCoordinator: true }],
  ["officerReport:review", "otherPlacement", { hkCoordinator: true }],
  ["evaluation:view", "ownEvaluationHeld", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true }],
  ["evaluation:view", "ownEvaluationReleased", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true, hkOfficer: true }],
  ["evaluation:view", "otherEvaluationReleased", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["evaluation:write", "ownEvaluationHeld", { szSupervisor: true }],
  ["evaluation:write", "otherEvaluationReleased", {}],
  ["evaluation:release", "ownEvaluationHeld", { hkCoordinator: true }],
  ["evaluation:release", "otherEvaluationReleased", { hkCoordinator: true }],
  // The library: role-level; which cohorts' reports each reader finds is lib/scopes.ts "outcome".
  ["outcome:view", "ownAccount", { admin: true, hkCoordinator: true, szCoordinator: true, bjCoordinator: true, hkOfficer: true }],
  // ---- documents ---- the checklist's state is both sides'; numbers and files are the sending side's and the
  // officer's own; the supervisor reads the summary of their unit's placements (decision 096).
  ["document:view", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, szSupervisor: true, hkOfficer: true }],
  ["document:view", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["document:upload", "ownPlacement", { hkCoordinator: true, hkOfficer: true }],
  ["document:upload", "otherPlacement", { hkCoordinator: true }],
  ["document:viewDetails", "ownPlacement", { admin: true, hkCoordinator: true, hkOfficer: true }],
  ["document:viewDetails", "otherPlacement", { admin: true, hkCoordinator: true }],
  ["documentTemplate:manage", "cohortHkToSz", { admin: true }],
  ["certificate:issue", "ownPlacement", { hkCoordinator: true }],
  ["certificate:issue", "otherPlacement", { hkCoordinator: true }],
  ["certificate:download", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, hkOfficer: true }],
  ["certificate:download", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  // ---- totp ---- only admins reset someone else's second factor; one's own is account:manageOwn (above).
  ["user:resetSecondFactor", "ownAccount", { admin: true }],
  ["user:resetSecondFactor", "cohortHkToSz", { admin: true }],
  // ---- matchin ---- preferences: the officer's own and both sides' coordinators read them (the host side matches
  // on them); the officer and the sending side rank them (the deadline is features/matching/inputs/policy.ts). The
  // settings, bands and wishes are the host side's; supervisors and third cities get nothing (decision 107).
  ["matchingPreference:view", "ownPlacement", { admin: true, hkCoordinator: true, szCoordinator: true, hkOfficer: true }],
  ["matchingPreference:view", "otherPlacement", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["matchingPreference:edit", "ownPlacement", { hkCoordinator: true, hkOfficer: true }],
  ["matchingPreference:edit", "otherPlacement", { hkCoordinator: true }],
  ["matchingSettings:view", "cohortHkToSz", { admin: true, szCoordinator: true }],
  ["matchingSettings:edit", "cohortHkToSz", { szCoordinator: true }],
  ["matchingWish:edit", "cohortHkToSz", { szCoordinator: true }],
  // ---- matchrun ---- both sides see a cohort's runs; only the host side proposes, accepts and discards (decision 110).
  ["matchingRun:view", "cohortHkToSz", { admin: true, hkCoordinator: true, szCoordinator: true }],
  ["matchingRun:propose", "cohortHkToSz", { szCoordinator: true }],
  ["matchingRun:accept", "cohortHkToSz", { szCoordinator: true }],
  ["matchingRun:discard", "cohortHkToSz", { szCoordinator: true }],
];

describe("authorization matrix", () => {
  for (const [permission, resourceName, allowed] of matrix) {
    for (const actorName of Object.keys(actors) as ActorName[]) {
      const expected = allowed[actorName] ?? false;
      it(`${actorName} ${expected ? "may" : "may not"} ${permission} on ${resourceName}`, () => {
        const actor = actors[actorName];
        const answer = resourceName === "ownAccount" ? hasPermission(actor, permission) : isAllowed(actor, permission, resources[resourceName]);
        expect(answer).toBe(expected);
      });
    }
  }

  it("has rows for every permission", () => {
    const covered = new Set(matrix.map(([permission]) => permission));
    expect(permissions.filter((permission) => !covered.has(permission))).toEqual([]);
  });
});

describe("fails closed", () => {
  it("denies a missing actor", () => {
    expect(hasPermission(null, "dashboard:view")).toBe(false);
    expect(isAllowed(undefined, "cohort:view", resources.cohortHkToSz)).toBe(false);
  });

  it("denies an unknown role", () => {
    const stranger = { ...actors.hkCoordinator, role: "AUDITOR" } as unknown as Actor;
    expect(hasPermission(stranger, "dashboard:view")).toBe(false);
    expect(isAllowed(stranger, "cohort:view", resources.cohortHkToSz)).toBe(false);
  });

  it("denies a coordinator without a side", () => {
    expect(isAllowed({ ...actors.hkCoordinator, jurisdictionId: null }, "cohort:view", resources.cohortHkToSz)).toBe(false);
  });

  it("denies a supervisor without a host unit on placements", () => {
    const placement = { ...resources.otherPlacement, hostUnitId: null };
    expect(isAllowed({ ...actors.szSupervisor, hostUnitId: null }, "placement:view", placement)).toBe(false);
  });
});

describe("sides are derived from the cohort, never from names", () => {
  it("swaps sending and host for a cohort in the other direction", () => {
    const szToHk = { kind: "cohort" as const, sendingJurisdictionId: SZ, hostJurisdictionId: HK };
    expect(sideInCohort(actors.szCoordinator, szToHk)).toBe("sending");
    expect(sideInCohort(actors.hkCoordinator, szToHk)).toBe("host");
    expect(isAllowed(actors.szCoordinator, "placement:nominate", szToHk)).toBe(true);
    expect(isAllowed(actors.hkCoordinator, "placement:nominate", szToHk)).toBe(false);
    expect(isAllowed(actors.hkCoordinator, "placement:approveHost", szToHk)).toBe(true);
  });

  it("gives a third city's coordinator nothing in a cohort it is not part of", () => {
    expect(sideInCohort(actors.bjCoordinator, hkToSz)).toBeNull();
  });
});
