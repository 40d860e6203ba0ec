// Single sign-on against a real OpenID provider the test starts (tests/support/oidc-provider.ts), and against an
// issuer that answers with tokens the test writes (tests/support/crafted-token-issuer.ts) for what a correct provider
// never sends. Every path goes through completeSsoSignIn, the callback route's whole logic.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { loadSessionUser } from "@/lib/auth/session";
import { attemptSignIn } from "@/features/auth/sign-in";
import { createUser } from "@/tests/factories";
import { startTestOidcProvider, type TestOidcProvider } from "@/tests/support/oidc-provider";
import { startCraftedTokenIssuer, type CraftedTokenIssuer } from "@/tests/support/crafted-token-issuer";
import { beginSsoSignIn, completeSsoSignIn, encodeSessionToken, type SsoOutcome } from "./flow";
import { providerSignOutUrl } from "./sign-out";
import type { SingleSignOnSettings } from "./settings";

const secret = "a-test-secret-that-is-at-least-32-characters";
const redirectUri = "http://localhost:3999/api/sso/callback";
const context = () => ({ requestId: randomUUID(), ipAddress: "10.9.8.7" });

let provider: TestOidcProvider;
let crafted: CraftedTokenIssuer;
let providerSettings: SingleSignOnSettings;
let craftedSettings: SingleSignOnSettings;

beforeAll(async () => {
  [provider, crafted] = await Promise.all([startTestOidcProvider({ redirectUris: [redirectUri] }), startCraftedTokenIssuer()]);
  const common = { name: "Test IdP", emailClaim: "email", redirectUri };
  providerSettings = { ...common, issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret };
  craftedSettings = { ...common, issuer: crafted.issuer, clientId: crafted.clientId, clientSecret: crafted.clientSecret };
});

afterAll(async () => {
  await Promise.all([provider?.close(), crafted?.close()]);
  await db.$disconnect();
});

/** A started sign-in; fails the test when the provider could not be reached. */
async function begin(settings: SingleSignOnSettings, secretUsed: string, callbackUrl: string | null) {
  const started = await beginSsoSignIn(settings, secretUsed, callbackUrl);
  if (!started.ok) throw new Error(`sign-in could not start: ${started.reason}`);
  return started;
}

/**
 * What a browser does at the provider: follows its redirects, fills its login page with `login`, and stops at the
 * redirect back to the app. Returns the callback URL (with `code` and `state`).
 */
async function signInAtProvider(authorizationUrl: string, login: string, cookies = new Map<string, string>(), loginPagesSeen: string[] = []): Promise<string> {
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 10; step += 1) {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      if (value.join("=") === "") cookies.delete(name);
      else cookies.set(name, value.join("="));
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      if (url.startsWith(redirectUri)) return url;
      init = {};
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*>\s*<input type="hidden" name="prompt" value="login"/.exec(page)?.[1];
    if (response.status !== 200 || !action) throw new Error(`The provider answered ${response.status}: ${page.slice(0, 300)}`);
    loginPagesSeen.push(url);
    url = new URL(action, url).href;
    init = { method: "POST", body: new URLSearchParams({ prompt: "login", login, password: "any" }), headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("The provider never sent the browser back");
}

async function signInThroughProvider(login: string): Promise<SsoOutcome> {
  const started = await begin(providerSettings, secret, "/placements");
  const requestUrl = await signInAtProvider(started.authorizationUrl, login);
  return completeSsoSignIn({ settings: providerSettings, secret, requestUrl, pendingCookie: started.pendingCookie, context: context(), userAgent: "vitest" });
}

async function latestRefusal(where: { email?: string; reason?: string } = {}) {
  const entries = await db.auditLog.findMany({ where: { action: "auth.sso.refuse" }, orderBy: { id: "desc" }, take: 20 });
  return entries.find((entry) => {
    const after = entry.after as { email?: string; reason?: string } | null;
    return (!where.email || after?.email === where.email) && (!where.reason || after?.reason === where.reason);
  });
}

describe("single sign-on against the test provider", () => {
  it("asks for the code flow with PKCE (S256), state and nonce", async () => {
    const { authorizationUrl } = await begin(providerSettings, secret, null);
    const query = new URL(authorizationUrl).searchParams;
    expect(query.get("response_type")).toBe("code");
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(query.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(query.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(query.get("scope")).toContain("openid");
  });

  it("sends the browser back to the sign-in page with a reason when the provider cannot be reached", async () => {
    const unreachable = { ...providerSettings, issuer: "http://127.0.0.1:9" };
    expect(await beginSsoSignIn(unreachable, secret, null)).toEqual({ ok: false, reason: "providerUnavailable" });
  });

  it("signs in an active user whose verified email matches, with a session like a password sign-in, audited", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const outcome = await signInThroughProvider(user.email.toUpperCase());
    expect(outcome).toEqual({ ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: expect.any(String) }, callbackUrl: "/placements" });
    if (!outcome.ok) return;

    // The cookie the callback sets is the token lib/auth/session.ts reads for every request.
    const claims = await decode({ token: await encodeSessionToken(outcome.user, secret), secret });
    expect(claims).toMatchObject({ sub: user.id, sessionVersion: user.sessionVersion, sessionId: outcome.user.sessionId });
    expect(await loadSessionUser(user.id, user.sessionVersion, outcome.user.sessionId)).toMatchObject({ userId: user.id, role: "COORDINATOR" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.succeed" } });
    expect(audit).toMatchObject({ actorId: user.id, after: { method: "sso" } });
  });

  it("follows only a same-site path after sign-in", async () => {
    const user = await createUser(db, { role: "OFFICER" });
    for (const callbackUrl of ["https://evil.example/x", "//evil.example/x", "/\\evil.example"]) {
      const started = await begin(providerSettings, secret, callbackUrl);
      const requestUrl = await signInAtProvider(started.authorizationUrl, user.email);
      const outcome = await completeSsoSignIn({ settings: providerSettings, secret, requestUrl, pendingCookie: started.pendingCookie, context: context(), userAgent: null });
      expect(outcome).toMatchObject({ ok: true, callbackUrl: "/" });
    }
  });

  it("refuses an identity that matches no user, audited with the email", async () => {
    const email = `nobody.${randomUUID()}@example.test`;
    expect(await signInThroughProvider(email)).toEqual({ ok: false, reason: "unknownAccount" });
    expect(await latestRefusal({ email })).toMatchObject({ actorId: null, after: { reason: "unknownAccount", email } });
  });

  it("refuses a deactivated user, audited against the user", async () => {
    const user = await createUser(db, { role: "OFFICER", active: false });
    expect(await signInThroughProvider(user.email)).toEqual({ ok: false, reason: "inactive" });
    expect(await latestRefusal({ email: user.email })).toMatchObject({ entityId: user.id, after: { reason: "inactive" } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an email the provider has not verified", async () => {
    const user = await createUser(db, { role: "OFFICER" });
    expect(await signInThroughProvider(`unverified:${user.email}`)).toEqual({ ok: false, reason: "unverifiedEmail" });
    expect(await latestRefusal({ email: user.email })).toMatchObject({ after: { reason: "unverifiedEmail" } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a callback without the browser's pending sign-in, or with another state", async () => {
    const user = await createUser(db, { role: "OFFICER" });
    const started = await begin(providerSettings, secret, null);
    const requestUrl = await signInAtProvider(started.authorizationUrl, user.email);
    const other = await begin(providerSettings, secret, null);
    const complete = (pendingCookie: string | undefined) => completeSsoSignIn({ settings: providerSettings, secret, requestUrl, pendingCookie, context: context(), userAgent: null });
    expect(await complete(undefined)).toEqual({ ok: false, reason: "invalidState" });
    expect(await complete(other.pendingCookie)).toEqual({ ok: false, reason: "invalidState" });
    expect(await complete("not-a-token")).toEqual({ ok: false, reason: "invalidState" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses when the provider answers with an error (the user cancelled)", async () => {
    const started = await begin(providerSettings, secret, null);
    const state = new URL(started.authorizationUrl).searchParams.get("state");
    const requestUrl = `${redirectUri}?error=access_denied&state=${state}`;
    expect(await completeSsoSignIn({ settings: providerSettings, secret, requestUrl, pendingCookie: started.pendingCookie, context: context(), userAgent: null })).toEqual({
      ok: false,
      reason: "providerError",
    });
    expect(await latestRefusal({ reason: "providerError" })).toMatchObject({ after: { detail: "access_denied" } });
  });

  it("refuses password sign-in for an SSO-only user, who still gets in through the provider", async () => {
    const user = await createUser(db, { role: "COORDINATOR", ssoOnly: true });
    expect(await attemptSignIn({ email: user.email, password: user.password }, context())).toBeNull();
    const failure = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.fail" } });
    expect(failure.after).toMatchObject({ reason: "ssoOnly" });
    expect((await signInThroughProvider(user.email)).ok).toBe(true);
  });

  it("accepts an SSO-only user's open invitation at their first sign-in through the provider, audited", async () => {
    const user = await createUser(db, { role: "COORDINATOR", ssoOnly: true });
    const now = Date.now();
    const open = await db.invitation.create({ data: { userId: user.id, purpose: "INVITE", tokenHash: randomUUID(), expiresAt: new Date(now + 3_600_000) } });
    const revoked = await db.invitation.create({ data: { userId: user.id, purpose: "INVITE", tokenHash: randomUUID(), expiresAt: new Date(now + 3_600_000), revokedAt: new Date(now) } });
    expect((await signInThroughProvider(user.email)).ok).toBe(true);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: open.id } })).usedAt).toBeInstanceOf(Date);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: revoked.id } })).usedAt).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: open.id, action: "invitation.accept" } });
    expect(audit).toMatchObject({ actorId: user.id, after: { userId: user.id, method: "sso" } });
  });

  it("leaves a password user's open invitation for the password page", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const open = await db.invitation.create({ data: { userId: user.id, purpose: "INVITE", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await signInThroughProvider(user.email)).ok).toBe(true);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: open.id } })).usedAt).toBeNull();
  });
});

/** What a browser does at the provider's sign-out page: confirms, and returns where the provider sends it next. */
async function signOutAtProvider(signOutUrl: string, cookies: Map<string, string>): Promise<string> {
  const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const confirm = await fetch(signOutUrl, { headers: { cookie: cookie() }, redirect: "manual" });
  const page = await confirm.text();
  const form = /<form id="op.logoutForm" method="post" action="([^"]+)"><input type="hidden" name="xsrf" value="([^"]+)"/.exec(page);
  if (confirm.status !== 200 || !form) throw new Error(`The provider answered ${confirm.status}: ${page.slice(0, 300)}`);
  for (const set of confirm.headers.getSetCookie()) {
    const [name, ...value] = set.split(";")[0].split("=");
    cookies.set(name, value.join("="));
  }
  const body = new URLSearchParams({ xsrf: form[2], logout: "yes" });
  const done = await fetch(new URL(form[1], signOutUrl), { method: "POST", body, headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  if (done.status < 300 || done.status >= 400) throw new Error(`The provider's sign-out answered ${done.status}`);
  return new URL(done.headers.get("location")!, signOutUrl).href;
}

describe("signing out at the provider (RP-initiated logout)", () => {
  it("sends an SSO session to the provider's end_session_endpoint with its ID token, and the provider's session ends", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const cookies = new Map<string, string>();
    const loginPages: string[] = [];
    const started = await begin(providerSettings, secret, null);
    const requestUrl = await signInAtProvider(started.authorizationUrl, user.email, cookies, loginPages);
    const outcome = await completeSsoSignIn({ settings: providerSettings, secret, requestUrl, pendingCookie: started.pendingCookie, context: context(), userAgent: null });
    if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
    const session = await db.session.findUniqueOrThrow({ where: { id: outcome.user.sessionId } });
    expect(session.idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const signOutUrl = await providerSignOutUrl(providerSettings, { userId: user.id, sessionId: session.id });
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string };
    const parsed = new URL(signOutUrl!);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(discovery.end_session_endpoint);
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ id_token_hint: session.idToken, post_logout_redirect_uri: "http://localhost:3999/login", client_id: provider.clientId });

    // The provider accepts the hint and the registered address, asks to confirm, then sends the browser to sign-in.
    expect(await signOutAtProvider(signOutUrl!, cookies)).toBe("http://localhost:3999/login");
    // Its session has ended: signing in again shows its login page again (it did once, for the first sign-in).
    const again = await begin(providerSettings, secret, null);
    await signInAtProvider(again.authorizationUrl, user.email, cookies, loginPages);
    expect(loginPages).toHaveLength(2);
  });

  it("while the provider's session lasts, a new sign-in there needs no login (what the sign-out ends)", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const cookies = new Map<string, string>();
    const loginPages: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      const started = await begin(providerSettings, secret, null);
      await signInAtProvider(started.authorizationUrl, user.email, cookies, loginPages);
    }
    expect(loginPages).toHaveLength(1);
  });

  it("has nothing to visit for a password session or a session already ended", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const signedIn = await attemptSignIn({ email: user.email, password: user.password }, context());
    expect(await providerSignOutUrl(providerSettings, { userId: user.id, sessionId: signedIn!.sessionId })).toBeNull();
    const outcome = await signInThroughProvider(user.email);
    if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
    await db.session.update({ where: { id: outcome.user.sessionId }, data: { revokedAt: new Date() } });
    expect(await providerSignOutUrl(providerSettings, { userId: user.id, sessionId: outcome.user.sessionId })).toBeNull();
    expect(await providerSignOutUrl(providerSettings, { userId: randomUUID(), sessionId: outcome.user.sessionId })).toBeNull();
  });
});

describe("ID token validation", () => {
  /** Completes a sign-in whose token endpoint answers with the token `craft` writes from valid claims. */
  async function completeWith(craft: (claims: Record<string, unknown>) => string, settings = craftedSettings) {
    const started = await begin(settings, secret, null);
    const query = new URL(started.authorizationUrl).searchParams;
    crafted.answerNextWith(craft(crafted.validClaims(email, query.get("nonce")!)));
    const requestUrl = `${redirectUri}?code=${randomUUID()}&state=${query.get("state")}`;
    return completeSsoSignIn({ settings, secret, requestUrl, pendingCookie: started.pendingCookie, context: context(), userAgent: null });
  }
  let email: string;

  beforeAll(async () => {
    email = (await createUser(db, { role: "OFFICER" })).email;
  });

  it("accepts a correctly issued token (so the refusals below are about the one thing each changes)", async () => {
    expect((await completeWith((claims) => crafted.signIdToken(claims))).ok).toBe(true);
  });

  const cases: [string, (claims: Record<string, unknown>) => string, RegExp][] = [
    ["another audience", (claims) => crafted.signIdToken({ ...claims, aud: "some-other-client" }), /aud/],
    ["an expiry in the past", (claims) => crafted.signIdToken({ ...claims, iat: Number(claims.iat) - 7200, exp: Number(claims.iat) - 3600 }), /expired/i],
    ["a signature by a key the issuer never published", (claims) => crafted.signIdToken(claims, { signWith: "stranger" }), /signature/i],
    ["another issuer", (claims) => crafted.signIdToken({ ...claims, iss: "https://impostor.example.test" }), /iss/],
    ["no nonce", ({ nonce: _nonce, ...claims }) => crafted.signIdToken(claims), /nonce/],
    ["another nonce", (claims) => crafted.signIdToken({ ...claims, nonce: "a-nonce-from-another-sign-in" }), /nonce/],
    ["a tampered payload", (claims) => tamper(crafted.signIdToken(claims), { email_verified: true, email: "admin@example.test" }), /signature/i],
  ];
  for (const [name, craft, detail] of cases) {
    it(`refuses a token with ${name}, audited with the reason`, async () => {
      const sessionsBefore = await db.session.count();
      expect(await completeWith(craft)).toEqual({ ok: false, reason: "invalidToken" });
      const refusal = await latestRefusal({ reason: "invalidToken" });
      expect((refusal?.after as { detail?: string }).detail).toMatch(detail);
      expect(await db.session.count()).toBe(sessionsBefore);
    });
  }

  it("matches a configured claim instead of the email, which then needs no email_verified", async () => {
    const upnSettings = { ...craftedSettings, emailClaim: "upn" };
    const outcome = await completeWith(({ email: _email, email_verified: _verified, ...claims }) => crafted.signIdToken({ ...claims, upn: email }), upnSettings);
    expect(outcome.ok).toBe(true);
    expect(await completeWith((claims) => crafted.signIdToken(claims), upnSettings)).toEqual({ ok: false, reason: "unverifiedEmail" });
  });
});

/** The same signature over a changed payload. */
function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split(".");
  const claims = { ...JSON.parse(Buffer.from(payload, "base64url").toString()), ...changes };
  return [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
}
