import { parseDateOnly } from "@/lib/dates";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authorization";
import { canSeeStaffNumber } from "@/lib/scopes";
import {
  approvalBlocker,
  approvalSideOf,
  decodeApprovalResetReason,
  encodeApprovalResetReason,
  materialChanges,
  nominationDeadlinePassed,
  revocationBlocker,
  statusAfterApproval,
} from "./policy";

const day = parseDateOnly;

describe("approvals", () => {
  const assigned = { status: "ASSIGNED" as const, sendingApprovedAt: null, hostApprovedAt: null };
  const now = new Date("2026-04-01T02:00:00Z");

  it("confirms only on the second side's approval", () => {
    expect(statusAfterApproval(assigned, "sending")).toBe("ASSIGNED");
    expect(statusAfterApproval({ ...assigned, hostApprovedAt: now }, "sending")).toBe("CONFIRMED");
    expect(statusAfterApproval({ ...assigned, sendingApprovedAt: now }, "host")).toBe("CONFIRMED");
  });

  it("says why a side cannot approve", () => {
    expect(approvalBlocker(assigned, "host")).toBeNull();
    expect(approvalBlocker({ ...assigned, status: "NOMINATED" }, "host")).toBe("approvalNeedsAssignment");
    expect(approvalBlocker({ ...assigned, status: "WITHDRAWN" }, "host")).toBe("placementWithdrawn");
    expect(approvalBlocker({ ...assigned, hostApprovedAt: now }, "host")).toBe("alreadyApproved");
    expect(approvalBlocker({ ...assigned, hostApprovedAt: now }, "sending")).toBeNull();
  });

  it("lets a coordinator take back only their own approval, and only while the other side has not approved", () => {
    const mine = { ...assigned, hostApprovedAt: now, hostApprovedById: "me", sendingApprovedById: null };
    expect(revocationBlocker(mine, "host", "me")).toBeNull();
    expect(revocationBlocker(mine, "host", "colleague")).toBe("approvalNotYours");
    expect(revocationBlocker(mine, "sending", "me")).toBe("approvalNotGiven");
    expect(revocationBlocker({ ...mine, status: "CONFIRMED", sendingApprovedAt: now, sendingApprovedById: "them" }, "host", "me")).toBe("approvalOtherSideActed");
    expect(revocationBlocker({ ...mine, status: "WITHDRAWN" }, "host", "me")).toBe("placementWithdrawn");
  });

  it("derives the approving side from the cohort, so the roles swap with the direction", () => {
    const hk: Actor = { userId: "u", email: "e", name: "n", role: "COORDINATOR", jurisdictionId: "hk", officerId: null, hostUnitId: null };
    const placement = { officerId: "o", hostUnitId: "u1", cohort: { sendingJurisdictionId: "hk", hostJurisdictionId: "sz" } };
    const reverse = { ...placement, cohort: { sendingJurisdictionId: "sz", hostJurisdictionId: "hk" } };
    expect(approvalSideOf(hk, placement)).toBe("sending");
    expect(approvalSideOf(hk, reverse)).toBe("host");
    expect(approvalSideOf({ ...hk, jurisdictionId: "bj" }, placement)).toBeNull();
    expect(approvalSideOf({ ...hk, role: "ADMIN", jurisdictionId: null }, placement)).toBeNull();
  });
});

describe("material changes", () => {
  const before = { hostUnitId: "u1", postTitle: "Special Assistant", startDate: day("2026-03-02"), endDate: day("2026-05-22") };

  it("are the host unit, the dates and the post — not the field", () => {
    expect(materialChanges(before, { ...before })).toEqual([]);
    expect(materialChanges(before, { ...before, hostUnitId: "u2" })).toEqual(["hostUnit"]);
    expect(materialChanges(before, { ...before, endDate: day("2026-05-15") })).toEqual(["dates"]);
    expect(materialChanges(before, { ...before, postTitle: "Planning Officer", startDate: day("2026-03-09") })).toEqual(["dates", "post"]);
  });

  it("treat an empty post like a missing one", () => {
    expect(materialChanges({ ...before, postTitle: null }, { ...before, postTitle: "" })).toEqual([]);
  });

  it("are stored language-neutral and read back; free text stays free text", () => {
    expect(decodeApprovalResetReason(encodeApprovalResetReason(["hostUnit", "post"]))).toEqual(["hostUnit", "post"]);
    expect(decodeApprovalResetReason("Host unit changed at the host's request")).toBeNull();
    expect(decodeApprovalResetReason("material-change:salary")).toBeNull();
  });
});

describe("staff numbers", () => {
  const placement = { officerId: "o1", hostUnitId: "u1", cohort: { sendingJurisdictionId: "hk", hostJurisdictionId: "sz" } };
  const actor = (role: Actor["role"], jurisdictionId: string | null, officerId: string | null = null): Actor => ({
    userId: "u",
    email: "e",
    name: "n",
    role,
    jurisdictionId,
    officerId,
    hostUnitId: role === "SUPERVISOR" ? "u1" : null,
  });

  it("are seen by the sending side, admins and the officer, never by the host side", () => {
    expect(canSeeStaffNumber(actor("COORDINATOR", "hk"), placement)).toBe(true);
    expect(canSeeStaffNumber(actor("ADMIN", null), placement)).toBe(true);
    expect(canSeeStaffNumber(actor("OFFICER", "hk", "o1"), placement)).toBe(true);
    expect(canSeeStaffNumber(actor("OFFICER", "hk", "o2"), placement)).toBe(false);
    expect(canSeeStaffNumber(actor("COORDINATOR", "sz"), placement)).toBe(false);
    expect(canSeeStaffNumber(actor("SUPERVISOR", "sz"), placement)).toBe(false);
    expect(canSeeStaffNumber(actor("COORDINATOR", "bj"), placement)).toBe(false);
  });
});

describe("nominationDeadlinePassed", () => {
  it("keeps nominations open on the deadline day and closes them the day after; no deadline never closes", () => {
    expect(nominationDeadlinePassed({ nominationDeadline: day("2026-11-27") }, day("2026-11-27"))).toBe(false);
    expect(nominationDeadlinePassed({ nominationDeadline: day("2026-11-27") }, day("2026-11-28"))).toBe(true);
    expect(nominationDeadlinePassed({ nominationDeadline: null }, day("2030-01-01"))).toBe(false);
  });
});
