import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/route";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { singleSignOnSettings } from "@/features/sso/settings";
import { beginSsoSignIn, pendingCookieName, pendingCookiePath, pendingMaxAgeSeconds } from "@/features/sso/flow";

// "Sign in with <provider>" is a link here (a form's redirect to another site would break the CSP's form-action):
// it sends the browser to the identity provider with state, nonce and a PKCE challenge. Public: a session starts here.
export const GET = defineRoute({
  name: "sso.start",
  permission: "public",
  handle: async (request) => {
    const settings = singleSignOnSettings();
    if (!settings) throw new NotFoundError();
    const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
    const started = await beginSsoSignIn(settings, NEXTAUTH_SECRET ?? "", request.nextUrl.searchParams.get("callbackUrl"));
    if (!started.ok) return new NextResponse(null, { status: 303, headers: { Location: `/login?sso=${started.reason}`, "Cache-Control": "no-store" } });
    const response = NextResponse.redirect(started.authorizationUrl, 303);
    response.headers.set("Cache-Control", "no-store");
    response.cookies.set(pendingCookieName, started.pendingCookie, {
      httpOnly: true,
      // Lax: the identity provider's redirect back is a top-level navigation from another site.
      sameSite: "lax",
      secure: NEXTAUTH_URL?.startsWith("https://") ?? false,
      path: pendingCookiePath,
      maxAge: pendingMaxAgeSeconds,
    });
    return response;
  },
});
