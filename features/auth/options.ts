import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { attemptSignIn } from "./sign-in";
import { clientAddressFrom, requestIdHeader } from "@/lib/request-context";
import { requestIdFrom } from "@/lib/request-id";
import { guardAuthorize } from "@/lib/auth/outage";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | null {
  const value = headers?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: guardAuthorize(async (credentials, request) => {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = request?.headers as Record<string, string | string[] | undefined> | undefined;
        const user = await attemptSignIn(parsed.data, {
          requestId: requestIdFrom(headerValue(headers, requestIdHeader)),
          ipAddress: clientAddressFrom(headerValue(headers, "x-forwarded-for"), headerValue(headers, "x-real-ip")),
        });
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      }),
    }),
  ],
  callbacks: {
    // The token carries only who and which session version; role, side and active state are read from the
    // database on every request (lib/auth/session.ts), so changes take effect at once.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { id: token.sub, sessionVersion: token.sessionVersion } } as typeof session;
    },
  },
};
