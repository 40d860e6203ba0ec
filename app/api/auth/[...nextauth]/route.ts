import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/features/auth/options";
import { withSignInErrorStatus } from "@/lib/auth/outage";
import { defineRoute } from "@/lib/route";

// next-auth's own endpoints (sign-in, CSRF, session, sign-out); credential checks and throttling happen in
// features/auth/sign-in.ts. Public: these endpoints are how a session starts.
const nextAuth = NextAuth(authOptions) as (request: NextRequest, segment: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler = defineRoute<{ nextauth: string[] }>({
  name: "auth",
  permission: "public",
  handle: async (request, { params }) => withSignInErrorStatus(await nextAuth(request, { params: Promise.resolve(params) })),
});

export { handler as GET, handler as POST };
