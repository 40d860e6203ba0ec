import "server-only";
import { Issuer, errors, generators, type BaseClient } from "openid-client";
import { decode, encode } from "next-auth/jwt";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { startSession, type SignedInUser } from "@/features/auth/sign-in";
import type { SingleSignOnSettings } from "./settings";
import type { SsoRefusalReason } from "./refusals";

// Authorization code flow with PKCE (S256), state and nonce, through openid-client 5 (decision 088). openid-client's
// `callback` checks the state, exchanges the code with the verifier and validates the ID token: signature against the
// issuer's JWKS, `iss`, `aud` (and `azp`), `exp`/`iat`, and the nonce. What is ours: who may get in (a verified email
// that matches an active user), the audit, and the app's own session (the same Session row and token as a password
// sign-in, so lib/auth/session.ts treats both alike).

/** The browser's half of a sign-in in progress: encrypted (NEXTAUTH_SECRET) in a short-lived, http-only cookie. */
export const pendingCookieName = "exchange-desk.sso-pending";
export const pendingCookiePath = "/api/sso";
export const pendingMaxAgeSeconds = 10 * 60;
const pendingSalt = "exchange-desk.sso-pending";

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  callbackUrl: string;
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
export function safeCallbackUrl(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

const clients = new Map<string, Promise<BaseClient>>();

/**
 * The OpenID client for these settings, from the issuer's discovery document (read once per process; a failure is
 * not kept, so the next sign-in tries again). The document must name the configured issuer (OpenID Connect
 * Discovery §4.3): ID tokens are then checked against it.
 */
export function oidcClientFor(settings: SingleSignOnSettings): Promise<BaseClient> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.redirectUri]);
  let client = clients.get(key);
  if (!client) {
    client = discoverClient(settings);
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

async function discoverClient(settings: SingleSignOnSettings): Promise<BaseClient> {
  const issuer = await Issuer.discover(settings.issuer);
  const trim = (value: string) => value.replace(/\/+$/, "");
  if (trim(String(issuer.metadata.issuer)) !== trim(settings.issuer)) {
    throw new Error(`The discovery document names the issuer ${issuer.metadata.issuer}, not OIDC_ISSUER ${settings.issuer}.`);
  }
  return new issuer.Client({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uris: [settings.redirectUri],
    response_types: ["code"],
  });
}

export type SsoStart = { ok: true; authorizationUrl: string; pendingCookie: string } | { ok: false; reason: "providerUnavailable" };

/**
 * Starts a sign-in: where to send the browser, and the encrypted cookie that remembers state, nonce and verifier.
 * A provider that cannot be reached is a refusal the sign-in page explains, not an error page.
 */
export async function beginSsoSignIn(settings: SingleSignOnSettings, secret: string, callbackUrl: string | null): Promise<SsoStart> {
  let client: BaseClient;
  try {
    client = await oidcClientFor(settings);
  } catch (error) {
    logger.error("single sign-on: the identity provider's configuration could not be read", { issuer: settings.issuer, error });
    return { ok: false, reason: "providerUnavailable" };
  }
  const pending: PendingSignIn = {
    state: generators.state(),
    nonce: generators.nonce(),
    codeVerifier: generators.codeVerifier(),
    callbackUrl: safeCallbackUrl(callbackUrl),
  };
  const authorizationUrl = client.authorizationUrl({
    scope: settings.emailClaim === "email" ? "openid email" : "openid email profile",
    redirect_uri: settings.redirectUri,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: generators.codeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  });
  const pendingCookie = await encode({ token: { ...pending }, secret, maxAge: pendingMaxAgeSeconds, salt: pendingSalt });
  return { ok: true, authorizationUrl, pendingCookie };
}

export type SsoOutcome = { ok: true; user: SignedInUser; callbackUrl: string } | { ok: false; reason: SsoRefusalReason };

export interface CompleteSsoSignInInput {
  settings: SingleSignOnSettings;
  secret: string;
  /** The callback request's full URL, with the identity provider's `code` and `state` (or `error`). */
  requestUrl: string;
  /** The pending-sign-in cookie's value, if the browser sent one. */
  pendingCookie: string | undefined;
  context: RequestContext;
  userAgent: string | null;
}

class Refusal extends Error {
  constructor(
    readonly reason: SsoRefusalReason,
    readonly detail: string | null = null,
    readonly email: string | null = null,
    readonly userId: string | null = null,
  ) {
    super(reason);
  }
}

/**
 * Finishes a sign-in when the identity provider sends the browser back. Every refusal is audited
 * (`auth.sso.refuse` with the reason); a success opens a session like a password sign-in and is audited as
 * `auth.signIn.succeed` with `method: "sso"`.
 */
export async function completeSsoSignIn(input: CompleteSsoSignInInput): Promise<SsoOutcome> {
  try {
    const { email, pending, idToken } = await verifiedIdentity(input);
    const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, sessionVersion: true, ssoOnly: true } });
    if (!user) throw new Refusal("unknownAccount", null, email);
    if (!user.active) throw new Refusal("inactive", null, email, user.id);
    const session = await db.$transaction(async (tx) => {
      const now = new Date();
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      if (user.ssoOnly) await acceptOpenInvitations(tx, { userId: user.id, email }, input.context, now);
      await writeAudit(tx, { userId: user.id, email }, input.context, {
        action: "auth.signIn.succeed",
        entityType: "User",
        entityId: user.id,
        after: { method: "sso" },
      });
      const started = await startSession(tx, user.id, input.context, input.userAgent);
      // Kept for signing out at the provider too (id_token_hint, decision 106).
      await tx.session.update({ where: { id: started.id }, data: { idToken } });
      return started;
    });
    return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id }, callbackUrl: pending.callbackUrl };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await writeAudit(db, error.userId && error.email ? { userId: error.userId, email: error.email } : null, input.context, {
      action: "auth.sso.refuse",
      entityType: "User",
      entityId: error.userId,
      after: { reason: error.reason, ...(error.email ? { email: error.email } : {}), ...(error.detail ? { detail: error.detail.slice(0, 300) } : {}) },
    });
    return { ok: false, reason: error.reason };
  }
}

/**
 * An SSO-only account's invitation is accepted by its first sign-in through the provider (decision 105): the open
 * link is marked used, so the admin's list no longer shows it open and the link's page says it has been used.
 */
async function acceptOpenInvitations(tx: Prisma.TransactionClient, who: { userId: string; email: string }, context: RequestContext, now: Date) {
  const open = await tx.invitation.findMany({ where: { userId: who.userId, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true, purpose: true } });
  for (const invitation of open) {
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
    await writeAudit(tx, who, context, { action: "invitation.accept", entityType: "Invitation", entityId: invitation.id, after: { userId: who.userId, purpose: invitation.purpose, method: "sso" } });
  }
}

/** The identity's email, once the provider's answer, the ID token and the claim have passed every check. */
async function verifiedIdentity(input: CompleteSsoSignInInput): Promise<{ email: string; pending: PendingSignIn; idToken: string }> {
  const { settings } = input;
  const pending = await readPending(input.pendingCookie, input.secret);
  if (!pending) throw new Refusal("invalidState", "no sign-in in progress in this browser, or it has expired");

  let client: BaseClient;
  try {
    client = await oidcClientFor(settings);
  } catch (error) {
    logger.error("single sign-on: the identity provider's configuration could not be read", { issuer: settings.issuer, error });
    throw new Refusal("providerUnavailable", errorMessage(error));
  }

  const params = client.callbackParams(input.requestUrl);
  if (params.error) throw new Refusal("providerError", [params.error, params.error_description].filter(Boolean).join(": "));
  if (!params.state || params.state !== pending.state) throw new Refusal("invalidState", "state does not match");

  let claims: Record<string, unknown>;
  let idToken: string;
  try {
    const tokens = await client.callback(settings.redirectUri, params, {
      state: pending.state,
      nonce: pending.nonce,
      code_verifier: pending.codeVerifier,
      response_type: "code",
    });
    if (!tokens.id_token) throw new Refusal("invalidToken", "the token response has no ID token");
    idToken = tokens.id_token;
    claims = tokens.claims();
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (error instanceof errors.RPError) throw new Refusal("invalidToken", error.message);
    if (error instanceof errors.OPError) throw new Refusal("providerError", error.message);
    logger.error("single sign-on: the identity provider could not be reached", { issuer: settings.issuer, error });
    throw new Refusal("providerUnavailable", errorMessage(error));
  }

  const value = claims[settings.emailClaim];
  const email = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (!email) throw new Refusal("unverifiedEmail", `the ID token has no "${settings.emailClaim}" claim`);
  // The standard claim counts only when the provider vouches for it; a configured claim is the provider's own.
  if (settings.emailClaim === "email" && claims.email_verified !== true) throw new Refusal("unverifiedEmail", "email_verified is not true", email);
  return { email, pending, idToken };
}

async function readPending(cookie: string | undefined, secret: string): Promise<PendingSignIn | null> {
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret, salt: pendingSalt }).catch(() => null);
  if (!token) return null;
  const { state, nonce, codeVerifier, callbackUrl } = token as Partial<Record<keyof PendingSignIn, unknown>>;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof codeVerifier !== "string") return null;
  return { state, nonce, codeVerifier, callbackUrl: safeCallbackUrl(typeof callbackUrl === "string" ? callbackUrl : null) };
}

/** The app's session token for a signed-in user: what next-auth's `jwt` callback puts in it for a password sign-in. */
export async function encodeSessionToken(user: SignedInUser, secret: string): Promise<string> {
  return encode({ token: { sub: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId }, secret, maxAge: sessionMaxAgeSeconds });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
