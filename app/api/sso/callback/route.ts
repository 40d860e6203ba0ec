import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/route";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { sessionCookieName, sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { singleSignOnSettings } from "@/features/sso/settings";
import { completeSsoSignIn, encodeSessionToken, pendingCookieName, pendingCookiePath } from "@/features/sso/flow";

// Where the identity provider sends the browser back. Success: the app's own session cookie (the same token and
// Session row as a password sign-in) and on to the page the user wanted; refusal: the sign-in page with the reason.
export const GET = defineRoute({
  name: "sso.callback",
  permission: "public",
  handle: async (request, { request: context }) => {
    const settings = singleSignOnSettings();
    if (!settings) throw new NotFoundError();
    const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
    const secret = NEXTAUTH_SECRET ?? "";
    const outcome = await completeSsoSignIn({
      settings,
      secret,
      requestUrl: request.nextUrl.href,
      pendingCookie: request.cookies.get(pendingCookieName)?.value,
      context,
      userAgent: request.headers.get("user-agent"),
    });
    const secure = NEXTAUTH_URL?.startsWith("https://") ?? false;
    // A relative Location: the browser stays on the host it used, whatever NEXTAUTH_URL's host is.
    const location = outcome.ok ? outcome.callbackUrl : `/login?sso=${outcome.reason}`;
    const response = new NextResponse(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
    response.cookies.set(pendingCookieName, "", { httpOnly: true, sameSite: "lax", secure, path: pendingCookiePath, maxAge: 0 });
    if (outcome.ok) {
      response.cookies.set(sessionCookieName(), await encodeSessionToken(outcome.user, secret), {
        httpOnly: true,
        sameSite: "lax",
        secure,
        path: "/",
        maxAge: sessionMaxAgeSeconds,
      });
    }
    return response;
  },
});
