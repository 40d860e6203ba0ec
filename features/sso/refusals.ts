// Client-safe: the sign-in page maps these codes (in its `?sso=` parameter) to translated messages (messages/*/sso.json).

/** Why a single sign-on was refused: stored in the audit entry and shown, translated, on the sign-in page. */
export const ssoRefusalReasons = [
  /** The identity provider answered with an error (the user cancelled, or it refused the client). */
  "providerError",
  /** No sign-in was started in this browser, it took too long, or the state did not match. */
  "invalidState",
  /** The code exchange failed or the ID token did not validate (issuer, audience, expiry, signature, nonce). */
  "invalidToken",
  /** The identity provider is not reachable or its configuration could not be read. */
  "providerUnavailable",
  /** The token has no email (or configured claim), or the email is not verified. */
  "unverifiedEmail",
  /** No user has this email address. */
  "unknownAccount",
  /** The user exists but is deactivated. */
  "inactive",
] as const;
export type SsoRefusalReason = (typeof ssoRefusalReasons)[number];

export function isSsoRefusalReason(value: unknown): value is SsoRefusalReason {
  return typeof value === "string" && (ssoRefusalReasons as readonly string[]).includes(value);
}
