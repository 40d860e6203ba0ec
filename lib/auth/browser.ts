import { signInErrorCodes } from "./sign-in-error-codes";

// The two calls the browser makes to next-auth's endpoints (app/api/auth/[...nextauth]), without next-auth/react:
// that module (its SessionProvider, session polling, broadcast channel and regenerator runtime) was 11 kB of
// compressed script on every page for two fetches (decision 053). The protocol is next-auth 4's own, as its
// signIn/signOut send it: a CSRF token from /api/auth/csrf, then a form POST with `json=true`, answered by
// `{ url }` whose `error` parameter says why a sign-in failed.

export type SignInOutcome =
  | { ok: true }
  | { ok: false; error: "invalidCredentials" | "serviceUnavailable" | "signInFailed" | "secondFactorExpired" }
  /** The password was right; the code step (signInWithSecondFactor) finishes with this pending token. */
  | { ok: false; error: "secondFactorRequired"; token: string };

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!response.ok) throw Object.assign(new Error("csrf"), { status: response.status });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return csrfToken;
}

async function postForm(path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  return fetch(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
}

function outcomeOfStatus(status: number | undefined): SignInOutcome {
  return { ok: false, error: status === 503 ? "serviceUnavailable" : "signInFailed" };
}

/** Signs in with email and password; the session cookie is set by the answer. Never throws. */
export async function signInWithCredentials(credentials: { email: string; password: string }): Promise<SignInOutcome> {
  return signInAt("/api/auth/callback/credentials", credentials);
}

/** The second step: the pending token and an authenticator or recovery code (decision 102). Never throws. */
export async function signInWithSecondFactor(fields: { token: string; code: string }): Promise<SignInOutcome> {
  return signInAt("/api/auth/callback/totp", fields);
}

async function signInAt(path: string, fields: Record<string, string>): Promise<SignInOutcome> {
  let response: Response;
  try {
    response = await postForm(path, { ...fields, callbackUrl: window.location.href });
  } catch (error) {
    return outcomeOfStatus((error as { status?: number }).status);
  }
  const answer = (await response.json().catch(() => null)) as { url?: string } | null;
  const code = answer?.url ? new URL(answer.url, window.location.origin).searchParams.get("error") : null;
  if (response.ok && answer?.url && !code) return { ok: true };
  // lib/auth/outage.ts: the only error codes sign-in lets out besides next-auth's own "wrong credentials".
  if (code === signInErrorCodes.serviceUnavailable) return { ok: false, error: "serviceUnavailable" };
  if (code === signInErrorCodes.failed) return { ok: false, error: "signInFailed" };
  if (code?.startsWith(`${signInErrorCodes.secondFactorRequired}:`)) return { ok: false, error: "secondFactorRequired", token: code.slice(signInErrorCodes.secondFactorRequired.length + 1) };
  if (code === signInErrorCodes.secondFactorExpired) return { ok: false, error: "secondFactorExpired" };
  if (code) return { ok: false, error: "invalidCredentials" };
  return outcomeOfStatus(response.status);
}

/**
 * The identity provider's sign-out page for a session that began there (app/api/sso/sign-out, decision 106), asked
 * while the session still exists; null for any other session, or when the answer is not one.
 */
async function providerSignOutAddress(): Promise<string | null> {
  try {
    const response = await fetch("/api/sso/sign-out", { cache: "no-store" });
    const answer = response.ok ? ((await response.json()) as { url?: unknown }) : null;
    return typeof answer?.url === "string" && /^https?:\/\//.test(answer.url) ? answer.url : null;
  } catch {
    return null;
  }
}

/**
 * Ends the session (next-auth's sign-out endpoint revokes it on the server) and opens the sign-in page on the host in
 * use: the path is relative, not next-auth's answer, which is built from NEXTAUTH_URL's host (issue 12 §8). A session
 * that began at the identity provider goes there next, to end its session too; it sends the browser back to sign-in.
 */
export async function signOutAndOpenSignIn(): Promise<void> {
  let next = "/login";
  try {
    const provider = await providerSignOutAddress();
    const response = await postForm("/api/auth/signout", { callbackUrl: "/login" });
    if (response.ok && provider) next = provider;
  } finally {
    // A full load on purpose: the client router's cache still holds the signed-in pages.
    window.location.assign(next);
  }
}
