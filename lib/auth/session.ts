import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { fromDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { authOptions } from "./options";

export interface SessionUser extends Actor {
  locale: AppLocale;
}

/**
 * The signed-in user, re-read from the database on every request: a deactivated account or a bumped session
 * version (role change, password reset) ends the session at once. Null when not signed in.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!claims?.id) return null;
  return loadSessionUser(claims.id, claims.sessionVersion);
});

/** The user behind a session token, or null when the account was deactivated or its session version bumped. */
export async function loadSessionUser(userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    officerId: user.officerId,
    hostUnitId: user.hostUnitId,
    locale: fromDatabaseLocale(user.locale),
  };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
