import { describe, expect, it } from "vitest";
import { isSecondFactorEnrolmentRequired } from "./second-factor";

describe("isSecondFactorEnrolmentRequired", () => {
  it("applies to password accounts of the listed roles that have no confirmed factor", () => {
    const admin = { role: "ADMIN" as const, ssoOnly: false, hasConfirmedSecondFactor: false };
    expect(isSecondFactorEnrolmentRequired(admin, ["ADMIN"])).toBe(true);
    expect(isSecondFactorEnrolmentRequired({ ...admin, hasConfirmedSecondFactor: true }, ["ADMIN"])).toBe(false);
    expect(isSecondFactorEnrolmentRequired({ ...admin, ssoOnly: true }, ["ADMIN"])).toBe(false);
    expect(isSecondFactorEnrolmentRequired({ ...admin, sessionFromSso: true }, ["ADMIN"])).toBe(false);
    expect(isSecondFactorEnrolmentRequired({ ...admin, role: "OFFICER" }, ["ADMIN"])).toBe(false);
    expect(isSecondFactorEnrolmentRequired({ ...admin, role: "OFFICER" }, ["ADMIN", "OFFICER"])).toBe(true);
    expect(isSecondFactorEnrolmentRequired(admin, [])).toBe(false);
  });
});
