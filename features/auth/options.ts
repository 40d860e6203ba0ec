import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { clientAddressFrom, getRequestContext, peerAddressHeader, requestIdHeader } from "@/lib/request-context";
import { requestIdFrom } from "@/lib/request-id";
import { loadSessionUser } from "@/lib/auth/session";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { guardAuthorize, SignInStepAnswer } from "@/lib/auth/outage";
import { signInErrorCodes } from "@/lib/auth/sign-in-error-codes";
import { completeSecondStep } from "@/features/two-factor/sign-in-step";
import { attemptPasswordSignIn, revokeSession } from "./sign-in";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
const secondStepSchema = z.object({ token: z.string().min(1).max(200), code: z.string().trim().min(1).max(40) });

function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | null {
  const value = headers?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function requestContextOf(headers: Record<string, string | string[] | undefined> | undefined) {
  return {
    requestId: requestIdFrom(headerValue(headers, requestIdHeader)),
    ipAddress: clientAddressFrom({ peerAddress: headerValue(headers, peerAddressHeader), forwardedFor: headerValue(headers, "x-forwarded-for") }),
  };
}

export const authOptions: NextAuthOptions = {
  // Both: next-auth gives the token itself `jwt.maxAge` (30 days by default), the cookie `session.maxAge`.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  jwt: { maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: guardAuthorize(async (credentials, request) => {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = request?.headers as Record<string, string | string[] | undefined> | undefined;
        const result = await attemptPasswordSignIn(parsed.data, requestContextOf(headers), headerValue(headers, "user-agent"));
        // An account with an authenticator: no session yet; the browser gets the pending token for the code step.
        if (result && "secondFactorToken" in result) throw new SignInStepAnswer(`${signInErrorCodes.secondFactorRequired}:${result.secondFactorToken}`);
        return result ? { id: result.id, sessionVersion: result.sessionVersion, sessionId: result.sessionId } : null;
      }),
    }),
    // ---- totp: the second step of a password sign-in (decision 102) ----
    CredentialsProvider({
      id: "totp",
      name: "totp",
      credentials: { token: { type: "text" }, code: { type: "text" } },
      authorize: guardAuthorize(async (credentials, request) => {
        const parsed = secondStepSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = request?.headers as Record<string, string | string[] | undefined> | undefined;
        const outcome = await completeSecondStep(parsed.data, requestContextOf(headers), headerValue(headers, "user-agent"));
        if (!outcome.ok && outcome.reason === "expired") throw new SignInStepAnswer(signInErrorCodes.secondFactorExpired);
        return outcome.ok ? { id: outcome.user.id, sessionVersion: outcome.user.sessionVersion, sessionId: outcome.user.sessionId } : null;
      }),
    }),
  ],
  callbacks: {
    // The token carries only who, which session version and which session; role, side and active state are read
    // from the database on every request (lib/auth/session.ts), so changes take effect at once.
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { sessionVersion?: number; sessionId?: string };
        token.sub = user.id;
        token.sessionVersion = signedIn.sessionVersion ?? 0;
        token.sessionId = signedIn.sessionId;
        return token;
      }
      // next-auth's session endpoint re-issues the token on every call: only while the user row still accepts it
      // (active, same session version, session neither signed out nor ended). Throwing makes next-auth clear the
      // cookie and answer with no session.
      const sessionUser = token.sub ? await loadSessionUser(token.sub, token.sessionVersion as number | undefined, token.sessionId as string | undefined) : null;
      if (!sessionUser) throw new Error("The session has ended.");
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { id: token.sub, sessionVersion: token.sessionVersion } } as typeof session;
    },
  },
  // next-auth's own log lines, as JSON lines like the rest; a session that has ended is not an error.
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") logger.info("session ended", { code });
      else logger.error(`next-auth: ${code}`, { error: metadata });
    },
    warn(code) {
      logger.warn(`next-auth: ${code}`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      const sessionId = token?.sessionId as string | undefined;
      if (!token?.sub || !sessionId) return;
      try {
        await revokeSession(token.sub, sessionId, await getRequestContext());
      } catch (error) {
        logger.error("signing out could not revoke the session", { sessionId, error });
        throw error;
      }
    },
  },
};
