import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authorization";
import { canManageCohort, canMoveCohortStatus, reachableCohortStatuses, viewerRoleInCohort } from "./policy";

const coordinator = (jurisdictionId: string): Actor => ({
  userId: `u-${jurisdictionId}`,
  email: `${jurisdictionId}@x`,
  name: jurisdictionId,
  role: "COORDINATOR",
  jurisdictionId,
  officerId: null,
  hostUnitId: null,
});
const admin: Actor = { userId: "a", email: "a@x", name: "A", role: "ADMIN", jurisdictionId: null, officerId: null, hostUnitId: null };
const hkToSz = { sendingJurisdictionId: "hk", hostJurisdictionId: "sz" };
const szToHk = { sendingJurisdictionId: "sz", hostJurisdictionId: "hk" };

describe("cohort status workflow", () => {
  it("moves one step forward or back, never jumps", () => {
    expect(canMoveCohortStatus("PLANNING", "NOMINATIONS")).toBe(true);
    expect(canMoveCohortStatus("NOMINATIONS", "PLANNING")).toBe(true);
    expect(canMoveCohortStatus("MATCHING", "MATCHING")).toBe(true);
    expect(canMoveCohortStatus("PLANNING", "MATCHING")).toBe(false);
    expect(canMoveCohortStatus("COMPLETED", "PLANNING")).toBe(false);
  });

  it("offers the current status and its neighbours", () => {
    expect(reachableCohortStatuses("PLANNING")).toEqual(["PLANNING", "NOMINATIONS"]);
    expect(reachableCohortStatuses("CONFIRMED")).toEqual(["MATCHING", "CONFIRMED", "IN_PROGRESS"]);
    expect(reachableCohortStatuses("COMPLETED")).toEqual(["IN_PROGRESS", "COMPLETED"]);
  });
});

describe("who manages a cohort", () => {
  it("is the sending side's coordinator or an admin; the direction decides, not the organisation", () => {
    expect(canManageCohort(coordinator("hk"), hkToSz)).toBe(true);
    expect(canManageCohort(coordinator("sz"), hkToSz)).toBe(false);
    expect(canManageCohort(coordinator("sz"), szToHk)).toBe(true);
    expect(canManageCohort(coordinator("hk"), szToHk)).toBe(false);
    expect(canManageCohort(coordinator("bj"), hkToSz)).toBe(false);
    expect(canManageCohort(admin, hkToSz)).toBe(true);
  });

  it("names the viewer's part in the cohort", () => {
    expect(viewerRoleInCohort(coordinator("hk"), hkToSz)).toBe("sending");
    expect(viewerRoleInCohort(coordinator("hk"), szToHk)).toBe("host");
    expect(viewerRoleInCohort(coordinator("bj"), hkToSz)).toBeNull();
    expect(viewerRoleInCohort(admin, hkToSz)).toBe("admin");
    expect(viewerRoleInCohort({ ...coordinator("sz"), role: "SUPERVISOR" }, hkToSz)).toBeNull();
  });
});
