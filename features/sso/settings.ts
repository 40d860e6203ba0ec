// No "server-only": the sign-in page reads whether single sign-on is on (it holds the secret, but only server code
// imports this module; the client gets the button's label and nothing else).
import { env, type Environment } from "@/lib/env";

export interface SingleSignOnSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity provider's name, on the sign-in button. */
  name: string;
  /** The ID token claim matched against users' email addresses; "email" also needs `email_verified: true`. */
  emailClaim: string;
  /** Where the identity provider sends the browser back: registered there as the client's redirect URI. */
  redirectUri: string;
}

export const callbackPath = "/api/sso/callback";
export const startPath = "/api/sso/start";

/** The single sign-on settings, or null when it is off. lib/env.ts already refused a partial configuration. */
export function singleSignOnSettings(environment: Environment = env()): SingleSignOnSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, OIDC_EMAIL_CLAIM, NEXTAUTH_URL, PORT } = environment;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_NAME) return null;
  // The start script always sets NEXTAUTH_URL; the fallback is the same default it uses.
  const publicUrl = (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    name: OIDC_NAME,
    emailClaim: OIDC_EMAIL_CLAIM,
    redirectUri: `${publicUrl}${callbackPath}`,
  };
}
