import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authorization";
import { canManageOfficer, mayOpenOfficerRecords, officerAccessFor, type OfficerAccessFacts } from "./policy";

const actor = (overrides: Partial<Actor>): Actor => ({ userId: "u", email: "u@x", name: "U", role: "COORDINATOR", jurisdictionId: null, officerId: null, hostUnitId: null, ...overrides });
const hkToSz = { sendingJurisdictionId: "hk", hostJurisdictionId: "sz" };
const officer = (placements: OfficerAccessFacts["placements"] = []): OfficerAccessFacts => ({ id: "o1", jurisdictionId: "hk", placements });
const placed = officer([{ officerId: "o1", hostUnitId: "unit-1", status: "ASSIGNED", cohort: hkToSz }]);

describe("who sees how much of an officer", () => {
  it("gives the full record to the officer's own side and to admins", () => {
    expect(officerAccessFor(actor({ jurisdictionId: "hk" }), officer())).toBe("full");
    expect(officerAccessFor(actor({ role: "ADMIN" }), officer())).toBe("full");
  });

  it("gives the host view to the host side of a live placement: its coordinator and the unit's supervisor", () => {
    expect(officerAccessFor(actor({ jurisdictionId: "sz" }), placed)).toBe("host");
    expect(officerAccessFor(actor({ role: "SUPERVISOR", jurisdictionId: "sz", hostUnitId: "unit-1" }), placed)).toBe("host");
  });

  it("gives nothing to others: another side, another unit's supervisor, officers, and after a withdrawal", () => {
    expect(officerAccessFor(actor({ jurisdictionId: "sz" }), officer())).toBeNull();
    expect(officerAccessFor(actor({ jurisdictionId: "bj" }), placed)).toBeNull();
    expect(officerAccessFor(actor({ role: "SUPERVISOR", jurisdictionId: "sz", hostUnitId: "unit-2" }), placed)).toBeNull();
    expect(officerAccessFor(actor({ role: "OFFICER", jurisdictionId: "hk", officerId: "o1" }), placed)).toBeNull();
    const withdrawn = officer([{ ...placed.placements[0], status: "WITHDRAWN" }]);
    expect(officerAccessFor(actor({ jurisdictionId: "sz" }), withdrawn)).toBeNull();
  });

  it("lets only the own side's coordinators edit; admins read", () => {
    expect(canManageOfficer(actor({ jurisdictionId: "hk" }), officer())).toBe(true);
    expect(canManageOfficer(actor({ jurisdictionId: "sz" }), officer())).toBe(false);
    expect(canManageOfficer(actor({ role: "ADMIN" }), officer())).toBe(false);
  });

  it("opens officer pages to coordinators, admins and supervisors, not to officers", () => {
    expect(mayOpenOfficerRecords(actor({ jurisdictionId: "hk" }))).toBe(true);
    expect(mayOpenOfficerRecords(actor({ role: "SUPERVISOR", hostUnitId: "unit-1" }))).toBe(true);
    expect(mayOpenOfficerRecords(actor({ role: "OFFICER", officerId: "o1" }))).toBe(false);
  });
});
