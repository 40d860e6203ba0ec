import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { loadSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { attemptSignIn } from "@/features/auth/sign-in";
import { createOfficer, createPlacement, createSession, createTwoSidedWorld, createUser, type TwoSidedWorld } from "@/tests/factories";
import {
  acceptInvitation,
  inviteCohortOfficers,
  inviteOfficer,
  inviteUser,
  readInvitationLink,
  requireNewPassword,
  resendInvitation,
  revokeInvitation,
  setUserActive,
  unlockUser,
  updateUser,
} from "./mutations";

afterAll(async () => db.$disconnect());

const request = () => ({ requestId: randomUUID(), ipAddress: "192.0.2.10" });
const acceptAll = () => ({ ok: true }) as const;
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);
const goodPassword = "Harbour-Lantern-Seventy-3";
const fixedNow = new Date("2026-12-03T02:00:00Z");
const hours = (count: number) => new Date(fixedNow.getTime() + count * 3_600_000);

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.messageKey;
    throw error;
  }
  throw new Error("expected a refusal");
}

let world: TwoSidedWorld;
let admin: ReturnType<typeof actorFromUser>;
beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  admin = actorFromUser(world.admin);
});

async function inviteCoordinator(email = `invitee.${randomUUID().slice(0, 8)}@example.test`) {
  return inviteUser(admin, request(), { email, name: "Invited Coordinator", locale: "zh-Hant", role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null }, { now: fixedNow });
}

describe("invitation lifecycle", () => {
  it("creates a user without a password, stores only the token's hash, audits and writes the email", async () => {
    const link = await inviteCoordinator();
    const token = tokenOf(link.url);
    const user = await db.user.findUniqueOrThrow({ where: { id: link.userId } });
    expect(user).toMatchObject({ passwordHash: null, role: "COORDINATOR", jurisdictionId: world.hk.id, locale: "zh_Hant" });
    const invitation = await db.invitation.findFirstOrThrow({ where: { userId: user.id } });
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitation.expiresAt.getTime() - fixedNow.getTime()).toBe(72 * 3_600_000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.invite" } });
    expect(audit).toMatchObject({ actorId: world.admin.id, entityType: "User" });
    const email = await db.emailMessage.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(email.toAddress).toBe(user.email);
    expect(email.text).toContain(link.url);
    expect(email.subject).toMatch(/邀請/);
  });

  it("sets the password once, within 72 hours, and the user can then sign in", async () => {
    const link = await inviteCoordinator();
    const token = tokenOf(link.url);
    expect((await readInvitationLink(token, { now: hours(71) })).state).toBe("valid");
    const accepted = await acceptInvitation(request(), { token, password: goodPassword }, acceptAll, { now: hours(71) });
    expect(accepted.userId).toBe(link.userId);
    expect(await attemptSignIn({ email: link.email, password: goodPassword }, request())).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: link.userId, action: "user.setPassword", actorId: link.userId } })).toBe(1);
    // Reuse is refused, and the password stays the one set.
    expect(await refusal(acceptInvitation(request(), { token, password: "Another-Password-Entirely-9" }, acceptAll, { now: hours(72 - 0.5) }))).toBe("invitationUsed");
    expect((await readInvitationLink(token, { now: hours(1) })).state).toBe("used");
  });

  it("refuses an expired link (a fixed clock at 72 hours) and an unknown one", async () => {
    const link = await inviteCoordinator();
    const token = tokenOf(link.url);
    expect(await refusal(acceptInvitation(request(), { token, password: goodPassword }, acceptAll, { now: hours(72) }))).toBe("invitationExpired");
    expect(await refusal(acceptInvitation(request(), { token: "not-a-token", password: goodPassword }, acceptAll, { now: hours(1) }))).toBe("invitationInvalid");
    expect((await db.user.findUniqueOrThrow({ where: { id: link.userId } })).passwordHash).toBeNull();
  });

  it("refuses a revoked link, and a resend makes the old link useless while the new one works", async () => {
    const link = await inviteCoordinator();
    await revokeInvitation(admin, request(), { id: link.userId }, { now: hours(1) });
    expect(await refusal(acceptInvitation(request(), { token: tokenOf(link.url), password: goodPassword }, acceptAll, { now: hours(2) }))).toBe("invitationRevoked");
    expect(await refusal(revokeInvitation(admin, request(), { id: link.userId }, { now: hours(2) }))).toBe("noOpenInvitation");

    const first = await resendInvitation(admin, request(), { id: link.userId }, { now: hours(3) });
    const second = await resendInvitation(admin, request(), { id: link.userId }, { now: hours(4) });
    expect(await refusal(acceptInvitation(request(), { token: tokenOf(first.url), password: goodPassword }, acceptAll, { now: hours(5) }))).toBe("invitationRevoked");
    await acceptInvitation(request(), { token: tokenOf(second.url), password: goodPassword }, acceptAll, { now: hours(5) });
    expect(await db.auditLog.count({ where: { entityId: link.userId, action: "invitation.resend" } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "invitation.revoke", actorId: world.admin.id } })).toBeGreaterThanOrEqual(1);
    // The account now has a password: nothing left to resend.
    expect(await refusal(resendInvitation(admin, request(), { id: link.userId }))).toBe("noInvitationToResend");
  });

  it("refuses two uses of one link at the same moment: exactly one sets the password", async () => {
    const link = await inviteCoordinator();
    const token = tokenOf(link.url);
    const outcomes = await Promise.allSettled([
      acceptInvitation(request(), { token, password: goodPassword }, acceptAll, { now: hours(1) }),
      acceptInvitation(request(), { token, password: "Second-Tab-Password-42" }, acceptAll, { now: hours(1) }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a weak password with the reason, and leaves the link usable", async () => {
    const link = await inviteCoordinator();
    const token = tokenOf(link.url);
    const error = await acceptInvitation(request(), { token, password: "short" }, () => ({ ok: false, reason: "too short" }), { now: hours(1) }).catch((caught) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ messageKey: "passwordRejected", values: { reason: "too short" } });
    expect((await readInvitationLink(token, { now: hours(1) })).state).toBe("valid");
  });

  it("refuses an SSO-only invitation while single sign-on is not configured, and writes nothing", async () => {
    const email = `sso.off.${randomUUID().slice(0, 8)}@example.test`;
    const input = { email, name: "No Provider", locale: "en" as const, role: "COORDINATOR" as const, jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: true };
    expect(await refusal(inviteUser(admin, request(), input, { now: fixedNow }))).toBe("ssoInvitationUnavailable");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an email that already has an account", async () => {
    expect(await refusal(inviteCoordinator(world.hkCoordinator.email))).toBe("accountEmailTaken");
  });
});

describe("coordinators inviting officers", () => {
  it("invites an officer of their own side, and not one of the other side", async () => {
    const hkCoordinator = actorFromUser(world.hkCoordinator);
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    const result = await inviteOfficer(hkCoordinator, request(), { officerId: officer.id }, { now: fixedNow });
    expect(result.outcome).toBe("invited");
    const user = await db.user.findUniqueOrThrow({ where: { officerId: officer.id } });
    expect(user).toMatchObject({ role: "OFFICER", jurisdictionId: world.hk.id, email: officer.workEmail.toLowerCase(), passwordHash: null });
    expect((await inviteOfficer(hkCoordinator, request(), { officerId: officer.id })).outcome).toBe("hasAccount");

    const szCoordinator = actorFromUser(world.szCoordinator);
    const other = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    expect(await refusal(inviteOfficer(szCoordinator, request(), { officerId: other.id }))).toBe("notFound");
    expect(await db.user.count({ where: { officerId: other.id } })).toBe(0);
  });

  it("invites a whole cohort's officers with a result per row; only the sending side may", async () => {
    const hkCoordinator = actorFromUser(world.hkCoordinator);
    const fresh = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, surname: "Aaa" });
    const noEmail = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, surname: "Bbb" });
    await db.officer.update({ where: { id: noEmail.id }, data: { workEmail: "" } });
    await createPlacement(db, { cohortId: world.hkToSz.id, officerId: fresh.id });
    await createPlacement(db, { cohortId: world.hkToSz.id, officerId: noEmail.id });
    await createPlacement(db, { cohortId: world.hkToSz.id, officerId: world.hkOfficers[0].id });

    expect(await refusal(inviteCohortOfficers(actorFromUser(world.szCoordinator), request(), { cohortId: world.hkToSz.id }))).toBe("notFound");
    const results = await inviteCohortOfficers(hkCoordinator, request(), { cohortId: world.hkToSz.id }, { now: fixedNow });
    const outcome = (officerId: string) => results.find((row) => row.officerId === officerId)?.outcome;
    expect(outcome(fresh.id)).toBe("invited");
    expect(outcome(noEmail.id)).toBe("noEmail");
    expect(outcome(world.hkOfficers[0].id)).toBe("hasAccount");
    expect(results.find((row) => row.officerId === fresh.id)?.url).toMatch(/\/invitation\//);
    expect(await db.auditLog.count({ where: { action: "user.invite", actorId: world.hkCoordinator.id } })).toBeGreaterThanOrEqual(1);
  });
});

describe("the last active admin", () => {
  async function onlyTheseAdmins(count: number) {
    const admins = await Promise.all(Array.from({ length: count }, () => createUser(db, { role: "ADMIN" })));
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: admins.map((user) => user.id) } }, data: { active: false } });
    return admins;
  }

  it("refuses to demote or deactivate the last active admin, in the application and in the database", async () => {
    const [only] = await onlyTheseAdmins(1);
    const coordinatorActor = { ...actorFromUser(only), userId: "someone-else" };
    expect(await refusal(updateUser(coordinatorActor, request(), { id: only.id, version: only.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: false }))).toBe("lastActiveAdmin");
    expect(await refusal(setUserActive(coordinatorActor, request(), { id: only.id, version: only.version, active: false }))).toBe("lastActiveAdmin");
    const direct = await db.$executeRawUnsafe(`update "User" set "active" = false where "id" = $1`, only.id).catch((error: unknown) => error);
    expect(String((direct as Error).message ?? direct)).toMatch(/last active administrator/);
    expect(await db.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("lets nobody change their own role or deactivate themself", async () => {
    const [first] = await onlyTheseAdmins(2);
    const self = actorFromUser(first);
    expect(await refusal(updateUser(self, request(), { id: first.id, version: first.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: false }))).toBe("cannotChangeOwnRole");
    expect(await refusal(setUserActive(self, request(), { id: first.id, version: first.version, active: false }))).toBe("cannotDeactivateSelf");
  });

  it("of two concurrent demotions of the last two admins, exactly one succeeds", async () => {
    const [first, second] = await onlyTheseAdmins(2);
    const outcomes = await Promise.allSettled([
      updateUser(actorFromUser(second), request(), { id: first.id, version: first.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: false }),
      updateUser(actorFromUser(first), request(), { id: second.id, version: second.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: false }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).messageKey).toBe("lastActiveAdmin");
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});

describe("changes to an account", () => {
  it("deactivating ends the user's sessions at once, and is audited with the actor", async () => {
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    const sessionId = await createSession(db, user.id);
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).not.toBeNull();
    await setUserActive(admin, request(), { id: user.id, version: user.version, active: false });
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toBeNull();
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await loadSessionUser(user.id, updated.sessionVersion, sessionId)).toBeNull();
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.deactivate" } })).toMatchObject({ actorId: world.admin.id });
    await setUserActive(admin, request(), { id: user.id, version: updated.version, active: true });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "user.reactivate", actorId: world.admin.id } })).toBe(1);
  });

  it("changes role and side (ending sessions), refuses a stale edit, and audits before and after", async () => {
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    const sessionId = await createSession(db, user.id);
    await updateUser(admin, request(), { id: user.id, version: user.version, role: "SUPERVISOR", jurisdictionId: null, officerId: null, hostUnitId: world.szHostUnits[1].id, ssoOnly: false });
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated).toMatchObject({ role: "SUPERVISOR", hostUnitId: world.szHostUnits[1].id, jurisdictionId: world.sz.id, sessionVersion: user.sessionVersion + 1 });
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.update" } });
    expect(audit).toMatchObject({ actorId: world.admin.id, before: { role: "COORDINATOR" }, after: { role: "SUPERVISOR" } });
    const stale = await updateUser(admin, request(), { id: user.id, version: user.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: false }).catch((error) => error);
    expect(stale).toBeInstanceOf(AppError);
  });

  it("marks a user single-sign-on only: password sign-in is refused, sessions end, audited", async () => {
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    expect(await attemptSignIn({ email: user.email, password: user.password }, request())).not.toBeNull();
    const current = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await updateUser(admin, request(), { id: user.id, version: current.version, role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: true });
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated).toMatchObject({ ssoOnly: true, sessionVersion: current.sessionVersion + 1 });
    expect(await attemptSignIn({ email: user.email, password: user.password }, request())).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.update" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: world.admin.id, before: { ssoOnly: false }, after: { ssoOnly: true } });
  });

  it("unlocks a locked account, audited", async () => {
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 10, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    expect(await attemptSignIn({ email: user.email, password: user.password }, request())).toBeNull();
    await unlockUser(admin, request(), { id: user.id });
    expect(await attemptSignIn({ email: user.email, password: user.password }, request())).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "user.unlock", actorId: world.admin.id } })).toBe(1);
  });

  it("requiring a new password stops the old one and its sessions, and sends a link that sets the next", async () => {
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    const sessionId = await createSession(db, user.id);
    const link = await requireNewPassword(admin, request(), { id: user.id, version: user.version }, { now: fixedNow });
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toBeNull();
    expect(await attemptSignIn({ email: user.email, password: user.password }, request())).toBeNull();
    await acceptInvitation(request(), { token: tokenOf(link.url), password: goodPassword }, acceptAll, { now: hours(1) });
    expect(await attemptSignIn({ email: user.email, password: goodPassword }, request())).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "user.requireNewPassword", actorId: world.admin.id } })).toBe(1);
  });

  it("is not open to a coordinator", async () => {
    const coordinator = actorFromUser(world.hkCoordinator);
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
    expect(await refusal(setUserActive(coordinator, request(), { id: user.id, version: user.version, active: false }))).toBe("notFound");
    expect(await refusal(unlockUser(coordinator, request(), { id: user.id }))).toBe("notFound");
  });
});
