import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import type { Locale as DatabaseLocale } from "@/generated/prisma/enums";
import { fromDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { actorFromUser } from "./actor";
import { readSessionToken } from "./session-cookie";

export interface SessionUser extends Actor {
  locale: AppLocale;
}

/**
 * The signed-in user, re-read from the database on every request: a deactivated account or a bumped session
 * version (role change, password reset) ends the session at once. Null when not signed in.
 *
 * The token is decoded here once per request, and nowhere else (proxy.ts only looks for the cookie). Not through
 * `getServerSession`: that runs next-auth's whole session endpoint for every call — a new CSRF token, decoding the
 * token and encoding a fresh one for a cookie that a server component cannot set — which was the largest part of
 * what every signed-in page cost beyond the sign-in page.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = readSessionToken(await cookies());
  if (!token) return null;
  // An expired, tampered or foreign token decodes to an error: treated as signed out, as next-auth does.
  const claims = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? "" }).catch(() => null);
  if (!claims?.sub) return null;
  return loadSessionUser(claims.sub, claims.sessionVersion as number | undefined);
});

interface SessionUserRow extends Omit<Actor, "userId"> {
  id: string;
  locale: DatabaseLocale;
  active: boolean;
  sessionVersion: number;
}

/** The user behind a session token, or null when the account was deactivated or its session version bumped. */
export async function loadSessionUser(userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  // One raw statement: this runs on every request, and a model query costs several times its CPU in the app.
  const [user] = await db.$queryRaw<SessionUserRow[]>`
    SELECT "id", "email", "name", "role", "jurisdictionId", "officerId", "hostUnitId", "locale", "active", "sessionVersion"
    FROM "User" WHERE "id" = ${userId}`;
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return { ...actorFromUser(user), locale: fromDatabaseLocale(user.locale) };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
