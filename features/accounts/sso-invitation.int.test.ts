// SSO-only invitations (decision 105), with single sign-on configured: the email and the link's page offer "Sign in
// with <provider>" and no password; the public accept endpoint refuses a password for such a link. The provider's
// first sign-in accepting the link is tested with the real provider in features/sso/sso.int.test.ts.
import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any module reads the configuration (lib/env.ts parses it once, on first use).
const restore = vi.hoisted(() => {
  const names = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;
  const before = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, { OIDC_ISSUER: "https://login.example.test", OIDC_CLIENT_ID: "exchange-desk", OIDC_CLIENT_SECRET: "a-client-secret", OIDC_NAME: "Civil Service Login" });
  return () => {
    for (const name of names) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  };
});

import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import { createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { handleAcceptInvitation } from "./accept-route";
import { AppError } from "@/lib/errors";
import { inviteUser, readInvitationLink, resendInvitation } from "./mutations";
import { findUserDetail, findUsers } from "./queries";
import { userListParamsSchema } from "./schemas";

afterAll(async () => {
  restore();
  await db.$disconnect();
});

const request = () => ({ requestId: randomUUID(), ipAddress: "192.0.2.11" });
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);
const password = "Harbour-Lantern-Seventy-3";

let world: TwoSidedWorld;
beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});

async function inviteSsoOnly(locale: "en" | "zh-Hant" = "en") {
  const email = `sso.invitee.${randomUUID().slice(0, 8)}@example.test`;
  const input = { email, name: "SSO Invitee", locale, role: "COORDINATOR" as const, jurisdictionId: world.hk.id, officerId: null, hostUnitId: null, ssoOnly: true };
  return inviteUser(actorFromUser(world.admin), request(), input);
}

describe("an SSO-only invitation", () => {
  it("makes an SSO-only account whose email offers the provider's sign-in and no password", async () => {
    const link = await inviteSsoOnly();
    const user = await db.user.findUniqueOrThrow({ where: { id: link.userId } });
    expect(user).toMatchObject({ ssoOnly: true, passwordHash: null });
    const email = await db.emailMessage.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(email.text).toContain("Sign in with Civil Service Login");
    expect(email.text).toContain(link.url);
    expect(email.html).toContain("Sign in with Civil Service Login");
    // Nothing asks for a password to be chosen: not the invitation's usual wording, nor its button.
    expect(`${email.subject}\n${email.text}\n${email.html}`).not.toMatch(/choose (your|a) password/i);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.invite" } });
    expect(audit.after).toMatchObject({ ssoOnly: true });
  });

  it("is written in the invitee's language", async () => {
    const link = await inviteSsoOnly("zh-Hant");
    const email = await db.emailMessage.findFirstOrThrow({ where: { recipientId: link.userId } });
    expect(email.text).toContain("以 Civil Service Login 登入");
  });

  it("tells the link's page that the account signs in through the provider", async () => {
    const link = await inviteSsoOnly();
    expect(await readInvitationLink(tokenOf(link.url))).toMatchObject({ state: "valid", ssoOnly: true, email: link.email });
  });

  it("refuses a password on the public accept endpoint with a translated 4xx, and writes nothing", async () => {
    const link = await inviteSsoOnly();
    const messages = loadMessages("zh-Hant");
    const t = createTranslator({ locale: "zh-Hant", messages }) as unknown as Translate;
    const route: RouteDefinition<Record<string, never>> = { name: "invitation.accept", permission: "public", handle: (req, context) => handleAcceptInvitation(req, { request: context.request, t: context.t }) };
    const body = JSON.stringify({ token: tokenOf(link.url), password, confirmPassword: password });
    const answer = await runRoute(route, new Request("http://localhost/api/invitations/accept", { method: "POST", body, headers: { "content-type": "application/json" } }) as unknown as NextRequest, {
      request: request(),
      t,
      loadUser: async () => null,
      params: {},
    });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ error: (messages.errors as Record<string, string>).invitationSsoOnly });
    expect((await db.user.findUniqueOrThrow({ where: { id: link.userId } })).passwordHash).toBeNull();
    expect(await db.invitation.findFirstOrThrow({ where: { userId: link.userId } })).toMatchObject({ usedAt: null });
    expect(await db.auditLog.count({ where: { entityId: link.userId, action: "user.setPassword" } })).toBe(0);
  });

  it("keeps an ordinary invitation's password email when ssoOnly is not asked for", async () => {
    const email = `password.invitee.${randomUUID().slice(0, 8)}@example.test`;
    const link = await inviteUser(actorFromUser(world.admin), request(), { email, name: "Password Invitee", locale: "en", role: "COORDINATOR", jurisdictionId: world.hk.id, officerId: null, hostUnitId: null });
    const message = await db.emailMessage.findFirstOrThrow({ where: { recipientId: link.userId } });
    expect(message.text).toContain("Choose your password");
    expect(await readInvitationLink(tokenOf(link.url))).toMatchObject({ state: "valid", ssoOnly: false });
  });

  it("stays 'invited' until the first sign-in through the provider, then no new link can be sent", async () => {
    const admin = actorFromUser(world.admin);
    const link = await inviteSsoOnly();
    const invitedRows = async () => (await findUsers(admin, userListParamsSchema.parse({ q: link.email, invited: "yes" }))).rows.map((row) => row.id);
    expect(await invitedRows()).toEqual([link.userId]);
    expect(await findUserDetail(admin, link.userId)).toMatchObject({ invited: true, hasPassword: false });
    await resendInvitation(admin, request(), { id: link.userId });

    await db.user.update({ where: { id: link.userId }, data: { lastLoginAt: new Date() } });
    expect(await invitedRows()).toEqual([]);
    expect((await findUsers(admin, userListParamsSchema.parse({ q: link.email, invited: "no" }))).rows.map((row) => row.id)).toEqual([link.userId]);
    expect(await findUserDetail(admin, link.userId)).toMatchObject({ invited: false, hasPassword: false });
    const refused = await resendInvitation(admin, request(), { id: link.userId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).messageKey).toBe("noInvitationToResend");
  });
});
