import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { oidcClientFor } from "./flow";
import type { SingleSignOnSettings } from "./settings";

// Signing out at the identity provider too (OpenID Connect RP-Initiated Logout 1.0; decision 106). A session that
// began there keeps its ID token (Session.idToken); at sign-out the browser is sent to the provider's
// end_session_endpoint with it as id_token_hint, and the provider sends it back to our sign-in page.

/** Where the provider sends the browser after its sign-out: our sign-in page, registered with the provider. */
export function postLogoutRedirectUri(settings: SingleSignOnSettings): string {
  return new URL("/login", settings.redirectUri).href;
}

/**
 * The provider's sign-out address for this session, or null when there is none to visit: a password session, a
 * session already ended, or a provider that publishes no end_session_endpoint (or cannot be reached — the app's own
 * sign-out must not wait on it).
 */
export async function providerSignOutUrl(settings: SingleSignOnSettings, session: { userId: string; sessionId: string }): Promise<string | null> {
  const row = await db.session.findFirst({ where: { id: session.sessionId, userId: session.userId, revokedAt: null }, select: { idToken: true } });
  if (!row?.idToken) return null;
  try {
    const client = await oidcClientFor(settings);
    if (!client.issuer.metadata.end_session_endpoint) return null;
    return client.endSessionUrl({ id_token_hint: row.idToken, post_logout_redirect_uri: postLogoutRedirectUri(settings) });
  } catch (error) {
    logger.error("single sign-on: the identity provider's sign-out address could not be read", { issuer: settings.issuer, error });
    return null;
  }
}
