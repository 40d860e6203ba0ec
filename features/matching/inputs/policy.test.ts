import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authorization";
import { preferenceLock, type PreferencePlacement } from "./policy";

const actor = (role: Actor["role"], jurisdictionId: string | null, officerId: string | null = null): Actor => ({ userId: `u-${role}`, email: "x@x", name: "X", role, jurisdictionId, officerId, hostUnitId: null });
const officer = actor("OFFICER", "hk", "officer-1");
const sending = actor("COORDINATOR", "hk");
const host = actor("COORDINATOR", "sz");
const deadline = new Date("2030-07-31T00:00:00Z");
const placement = (overrides: Partial<PreferencePlacement> = {}): PreferencePlacement => ({
  officerId: "officer-1",
  hostUnitId: null,
  status: "NOMINATED",
  cohort: { sendingJurisdictionId: "hk", hostJurisdictionId: "sz", nominationDeadline: deadline, status: "NOMINATIONS" },
  ...overrides,
});

describe("who may rank a placement's preferences, and until when", () => {
  it("lets the officer edit up to and including the deadline day, not the day after", () => {
    expect(preferenceLock(officer, placement(), new Date("2030-07-31T00:00:00Z"))).toBeNull();
    expect(preferenceLock(officer, placement(), new Date("2030-08-01T00:00:00Z"))).toBe("deadlinePassed");
  });

  it("lets the sending coordinator edit after the deadline too", () => {
    expect(preferenceLock(sending, placement(), new Date("2031-01-01T00:00:00Z"))).toBeNull();
  });

  it("sets no limit without a deadline", () => {
    expect(preferenceLock(officer, placement({ cohort: { ...placement().cohort, nominationDeadline: null } }), new Date("2099-01-01T00:00:00Z"))).toBeNull();
  });

  it("refuses the host side, another officer and an assigned or completed placement", () => {
    const today = new Date("2030-07-01T00:00:00Z");
    expect(preferenceLock(host, placement(), today)).toBe("forbidden");
    expect(preferenceLock({ ...officer, officerId: "officer-2" }, placement(), today)).toBe("forbidden");
    expect(preferenceLock(sending, placement({ status: "ASSIGNED", hostUnitId: "u" }), today)).toBe("notNominated");
    expect(preferenceLock(sending, placement({ cohort: { ...placement().cohort, status: "COMPLETED" } }), today)).toBe("cohortClosed");
  });
});
