import { DEMO_PASSWORD } from "../prisma/seed/demo-accounts.ts";

/**
 * Signs in like a browser (CSRF token, then next-auth's credentials callback) and returns the session cookie as
 * `name=value`, for autocannon's Cookie header; `asBrowserCookie` turns it into Playwright's shape.
 */
export async function signInCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return session.split(";")[0];
}

export function asBrowserCookie(cookie: string): { name: string; value: string } {
  const [name, ...value] = cookie.split("=");
  return { name, value: value.join("=") };
}
