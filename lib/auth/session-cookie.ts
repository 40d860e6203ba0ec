// No "server-only": proxy.ts reads the cookie name too.
import { env } from "@/lib/env";

/**
 * How long a session lasts from sign-in: the session row's end, the token's `exp` and the cookie's expiry. next-auth
 * gives its token 30 days unless told otherwise (`jwt.maxAge` does not follow `session.maxAge`).
 */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/** The session cookie's name as next-auth sets it: with the "__Secure-" prefix when the app is served over https. */
export function sessionCookieName(authUrl = env().NEXTAUTH_URL): string {
  const isSecure = authUrl?.startsWith("https://") ?? false;
  return isSecure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

interface CookieReader {
  getAll(): { name: string; value: string }[];
}

/**
 * The raw session token of a request, or null. next-auth splits a token longer than a cookie may be into
 * `<name>.0`, `<name>.1` …; they are joined in order, as next-auth itself does.
 */
export function readSessionToken(cookies: CookieReader, authUrl = env().NEXTAUTH_URL): string | null {
  const name = sessionCookieName(authUrl);
  const parts = cookies
    .getAll()
    .filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))
    .map((cookie) => ({ index: cookie.name === name ? 0 : Number(cookie.name.slice(name.length + 1)), value: cookie.value }))
    .sort((a, b) => a.index - b.index);
  const token = parts.map((part) => part.value).join("");
  return token === "" ? null : token;
}
