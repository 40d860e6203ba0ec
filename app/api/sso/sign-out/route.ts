import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/route";
import { singleSignOnSettings } from "@/features/sso/settings";
import { providerSignOutUrl } from "@/features/sso/sign-out";

// Asked by the sign-out button just before it ends the session: where to send the browser afterwards — the identity
// provider's sign-out page for a session that began there (decision 106), else nothing (the sign-in page).
export const GET = defineRoute({
  name: "sso.signOut",
  permission: "account:manageOwn",
  handle: async (_request, { user }) => {
    const settings = singleSignOnSettings();
    const url = settings && user.sessionId ? await providerSignOutUrl(settings, { userId: user.userId, sessionId: user.sessionId }) : null;
    return NextResponse.json({ url }, { headers: { "Cache-Control": "no-store" } });
  },
});
