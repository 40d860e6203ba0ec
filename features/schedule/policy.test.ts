import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authorization";
import { canEditSchedule, type ScheduleTarget } from "./policy";

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: "u",
  email: "u@x",
  name: "U",
  role: "COORDINATOR",
  jurisdictionId: null,
  officerId: null,
  hostUnitId: null,
  ...overrides,
});

const hkToSz = { sendingJurisdictionId: "hk", hostJurisdictionId: "sz" };
const cohortWide: ScheduleTarget = { cohort: hkToSz, placement: null };
const placementItem: ScheduleTarget = { cohort: hkToSz, placement: { officerId: "officer-1", hostUnitId: "unit-1" } };
const unassigned: ScheduleTarget = { cohort: hkToSz, placement: { officerId: "officer-1", hostUnitId: null } };

const hkCoordinator = actor({ jurisdictionId: "hk" });
const szCoordinator = actor({ jurisdictionId: "sz" });
const bjCoordinator = actor({ jurisdictionId: "bj" });
const supervisor = actor({ role: "SUPERVISOR", jurisdictionId: "sz", hostUnitId: "unit-1" });
const otherSupervisor = actor({ role: "SUPERVISOR", jurisdictionId: "sz", hostUnitId: "unit-2" });
const officer = actor({ role: "OFFICER", jurisdictionId: "hk", officerId: "officer-1" });
const admin = actor({ role: "ADMIN" });

describe("canEditSchedule", () => {
  it("lets coordinators of both sides, and only them, edit cohort-wide items", () => {
    expect(canEditSchedule(hkCoordinator, cohortWide)).toBe(true);
    expect(canEditSchedule(szCoordinator, cohortWide)).toBe(true);
    for (const denied of [bjCoordinator, supervisor, officer, admin, null]) expect(canEditSchedule(denied, cohortWide)).toBe(false);
  });

  it("lets the host side and the host unit's supervisor edit a placement's items", () => {
    expect(canEditSchedule(szCoordinator, placementItem)).toBe(true);
    expect(canEditSchedule(supervisor, placementItem)).toBe(true);
    for (const denied of [hkCoordinator, bjCoordinator, otherSupervisor, officer, admin]) expect(canEditSchedule(denied, placementItem)).toBe(false);
  });

  it("gives no supervisor a placement without a host unit", () => {
    expect(canEditSchedule(supervisor, unassigned)).toBe(false);
    expect(canEditSchedule(szCoordinator, unassigned)).toBe(true);
  });
});
