import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { runAction, type Translate } from "@/lib/action";
import { loadSessionUser } from "@/lib/auth/session";
import { loadMessages } from "@/lib/i18n/messages";
import { attemptSignIn } from "@/features/auth/sign-in";
import { createSession, createUser, type CreatedUser } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import {
  requestPasswordReset,
  requestPasswordResetDefinition,
  resetLinkMinutes,
  resetPassword,
  resetRequestsPerAddress,
  resetRequestsPerClient,
} from "./password-reset";

// Forgotten password against the real database, on a fixed clock: no enumeration, a single-use link that ends after
// 30 minutes, every session ended by the reset, and the throttle per address and per client.
afterAll(async () => db.$disconnect());

const mail = { enabled: false, appUrl: "https://desk.example.test" };
const clock = new Date("2026-12-03T02:00:00Z");
const minutesLater = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);
let clientCounter = 0;
/** A client address of its own per test, so the per-client limit of one test does not reach another. */
const newClient = () => ({ requestId: randomUUID(), ipAddress: `203.0.113.${(clientCounter += 1)}` });
const strongPassword = "violet-harbour-kettle-97";

async function emailsTo(user: CreatedUser) {
  return db.emailMessage.findMany({ where: { recipientId: user.id }, orderBy: { createdAt: "asc" } });
}

/** The token of the newest reset email to the user, read from the link in its text as the person would. */
async function latestToken(user: CreatedUser): Promise<string> {
  const [email] = (await emailsTo(user)).slice(-1);
  const match = email?.text.match(/https?:\/\/[^/\s]+\/password-reset\/([A-Za-z0-9_-]{20,})/);
  if (!match) throw new Error("no reset link in the email");
  return match[1];
}

describe("asking for a link", () => {
  it("answers a known and an unknown address the same way, and only the known one gets an email", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const environment = {
      request: newClient(),
      t: createTranslator({ locale: "en", messages: loadMessages("en"), namespace: "errors" } as never) as unknown as Translate,
      loadUser: async () => null,
    };
    const known = await runAction(requestPasswordResetDefinition, { email: user.email.toUpperCase() }, environment);
    const unknownAddress = `nobody.${randomUUID()}@example.test`;
    const unknown = await runAction(requestPasswordResetDefinition, { email: unknownAddress }, environment);
    expect(known).toEqual({ ok: true, data: { email: user.email } });
    expect(unknown).toEqual({ ok: true, data: { email: unknownAddress } });

    const emails = await emailsTo(user);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: user.email, status: "KEPT", subject: "Exchange Desk: set a new password" });
    expect(await db.emailMessage.count({ where: { toAddress: unknownAddress } })).toBe(0);
    // Both are in the audit log, with what happened.
    const audits = await db.auditLog.findMany({ where: { action: "account.requestPasswordReset", requestId: environment.request.requestId } });
    expect(audits.map((audit) => (audit.after as { outcome: string }).outcome).sort()).toEqual(["sent", "unknownAccount"]);
    // Only the token's hash is stored.
    const token = await latestToken(user);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("refuses a malformed address next to the field, without a 500", async () => {
    const environment = { request: newClient(), t: ((key: string) => key) as Translate, loadUser: async () => null };
    expect(await runAction(requestPasswordResetDefinition, { email: "not an address" }, environment)).toEqual({ ok: false, formError: "checkFields", fieldErrors: { email: "invalidEmail" } });
  });

  it("writes the email in the account's language", async () => {
    const user = await createUser(db, { role: "OFFICER", locale: "zh_Hans" });
    await requestPasswordReset(user.email, { request: newClient(), mail, now: clock });
    const [email] = await emailsTo(user);
    expect(email.subject).toBe("交流通：设置新密码");
    expect(email.text).toContain(`${resetLinkMinutes} 分钟`);
  });
});

describe("using a link", () => {
  it("sets the password once, ends every session, and the link then stops working", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const session = await createSession(db, user.id);
    expect(await requestPasswordReset(user.email, { request: newClient(), mail, now: clock })).toBe("sent");
    const token = await latestToken(user);

    expect(await resetPassword({ token, newPassword: strongPassword }, newClient(), minutesLater(29))).toEqual({ email: user.email });
    expect(await loadSessionUser(user.id, user.sessionVersion, session)).toBeNull();
    expect(await attemptSignIn({ email: user.email, password: strongPassword }, newClient())).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "account.resetPassword" } })).toBe(1);

    const again = await appErrorRefusal(resetPassword({ token, newPassword: "another-violet-kettle-98" }, newClient(), minutesLater(30)));
    expect(again.messageKey).toBe("accountSecurity.resetLinkInvalid");
  });

  it("ends after 30 minutes", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await requestPasswordReset(user.email, { request: newClient(), mail, now: clock });
    const token = await latestToken(user);
    const late = await appErrorRefusal(resetPassword({ token, newPassword: strongPassword }, newClient(), minutesLater(resetLinkMinutes)));
    expect(late.messageKey).toBe("accountSecurity.resetLinkInvalid");
  });

  it("refuses a guessable password without using up the link, and a newer link replaces an older one", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await requestPasswordReset(user.email, { request: newClient(), mail, now: clock });
    const first = await latestToken(user);
    const weak = await appErrorRefusal(resetPassword({ token: first, newPassword: "password1234" }, newClient(), minutesLater(1)));
    expect(Object.keys(weak.fieldErrors)).toEqual(["newPassword"]);

    await requestPasswordReset(user.email, { request: newClient(), mail, now: minutesLater(2) });
    const second = await latestToken(user);
    expect(second).not.toBe(first);
    expect((await appErrorRefusal(resetPassword({ token: first, newPassword: strongPassword }, newClient(), minutesLater(3)))).messageKey).toBe("accountSecurity.resetLinkInvalid");
    expect(await resetPassword({ token: second, newPassword: strongPassword }, newClient(), minutesLater(3))).toEqual({ email: user.email });
  });

  it("sends no link to a single-sign-on-only account, answering as for any other address", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await db.user.update({ where: { id: user.id }, data: { ssoOnly: true } });
    expect(await requestPasswordReset(user.email, { request: newClient(), mail, now: minutesLater(0) })).toBe("ssoOnly");
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an unknown token", async () => {
    const error = await appErrorRefusal(resetPassword({ token: "x".repeat(43), newPassword: strongPassword }, newClient(), clock));
    expect(error.messageKey).toBe("accountSecurity.resetLinkInvalid");
  });
});

describe("throttling", () => {
  it("sends at most a few links per address in the window, then again after it", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const outcomes = [];
    for (let index = 0; index <= resetRequestsPerAddress; index += 1) outcomes.push(await requestPasswordReset(user.email, { request: newClient(), mail, now: minutesLater(index) }));
    expect(outcomes).toEqual([...Array(resetRequestsPerAddress).fill("sent"), "throttledAddress"]);
    expect(await emailsTo(user)).toHaveLength(resetRequestsPerAddress);
    expect(await requestPasswordReset(user.email, { request: newClient(), mail, now: minutesLater(31 + resetRequestsPerAddress) })).toBe("sent");
  });

  it("limits one client walking through many addresses, known or not", async () => {
    const client = newClient();
    for (let index = 0; index < resetRequestsPerClient; index += 1) {
      expect(await requestPasswordReset(`walker.${index}.${randomUUID()}@example.test`, { request: client, mail, now: clock })).toBe("unknownAccount");
    }
    const user = await createUser(db, { role: "COORDINATOR" });
    expect(await requestPasswordReset(user.email, { request: client, mail, now: clock })).toBe("throttledClient");
    expect(await emailsTo(user)).toHaveLength(0);
    // Another client is not affected.
    expect(await requestPasswordReset(user.email, { request: newClient(), mail, now: clock })).toBe("sent");
  });
});
