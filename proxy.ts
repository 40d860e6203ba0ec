import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { requestIdFrom } from "@/lib/request-id";
import { securityHeaders } from "@/lib/security-headers";

// Only stamps a request id, sets the per-request security headers (CSP nonce) and sends signed-out visitors to the
// sign-in page. It authorizes nothing: every page, action and route handler checks permissions itself
// (lib/authorization.ts).
const publicPaths = ["/login", "/api/auth", "/api/health", "/api/calendar", "/password-reset", "/api/sso", "/invitation", "/api/invitations", "/verify"];

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const { pathname, search } = request.nextUrl;
  const isPublic = publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  // Only whether a session cookie is there: decoding it too would repeat, on every request, the key derivation and
  // decryption that the page does anyway (lib/auth/session.ts), which sends an invalid or expired one to /login.
  if (!isPublic) {
    const token = readSessionToken(request.cookies);
    if (!token) {
      const url = new URL("/login", request.url);
      if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(url);
    }
  }
  const { NODE_ENV, NEXTAUTH_URL } = env();
  const security = securityHeaders({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"),
    isDevelopment: NODE_ENV === "development",
    publicUrl: NEXTAUTH_URL,
  });
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // The icon (app/icon.svg) is public: the sign-in page shows it too.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
