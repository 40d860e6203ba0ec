import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sql } from "kysely";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/authorization";
import { fromDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { actorFromUser } from "./actor";
import { isSecondFactorEnrolmentRequired, secondFactorEnrolmentPath } from "./second-factor";
import { readSessionToken } from "./session-cookie";

export interface SessionUser extends Actor {
  locale: AppLocale;
  /** The Session row this request signed in with (absent for test doubles): "this session" in the sessions list. */
  sessionId?: string;
  /**
   * Set when the user's role requires a second factor they have not enrolled yet (REQUIRE_2FA_ROLES): such a session
   * may only enrol or sign out. getSessionUser never returns it; getSessionAllowingEnrolment does (decision 102).
   */
  secondFactorEnrolmentRequired?: true;
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
  const user = await getSessionAllowingEnrolment();
  // The one place every page, action and route handler resolves its user: a session that still has to enrol a
  // second factor is no session for anything but the enrolment page and its actions.
  return user?.secondFactorEnrolmentRequired ? null : user;
});

/** The signed-in user even while a required second factor is not enrolled yet: only for the enrolment page and actions. */
export const getSessionAllowingEnrolment = cache(async (): Promise<SessionUser | null> => {
  const token = readSessionToken(await cookies());
  if (!token) return null;
  // An expired, tampered or foreign token decodes to an error: treated as signed out, as next-auth does.
  const claims = await decode({ token, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null);
  if (!claims?.sub) return null;
  return loadSessionUser(claims.sub, claims.sessionVersion as number | undefined, claims.sessionId as string | undefined);
});

/**
 * The user behind a session token, or null when the account was deactivated, its session version bumped, or the
 * session signed out (revoked) or past its end.
 */
export async function loadSessionUser(userId: string, sessionVersion: number | undefined, sessionId: string | undefined): Promise<SessionUser | null> {
  if (!sessionId) return null;
  // One statement: this runs on every request, and a model query costs several times its CPU in the app.
  const [user] = await runQuery(
    sqlBuilder
      .selectFrom("User as u")
      .innerJoin("Session as s", "s.userId", "u.id")
      .leftJoin("TwoFactorCredential as tf", "tf.userId", "u.id")
      .select(["u.id", "u.email", "u.name", "u.role", "u.jurisdictionId", "u.officerId", "u.hostUnitId", "u.locale", "u.active", "u.sessionVersion", "u.ssoOnly", "tf.confirmedAt"])
      // Whether the session was opened through single sign-on, without reading the ID token itself on every request.
      .select(sql<boolean>`s."idToken" IS NOT NULL`.as("sessionFromSso"))
      .where("u.id", "=", userId)
      .where("s.id", "=", sessionId)
      .where("s.revokedAt", "is", null)
      .where("s.expiresAt", ">", sql<Date>`now()`),
  );
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  const sessionUser: SessionUser = { ...actorFromUser(user), locale: fromDatabaseLocale(user.locale), sessionId };
  const mustEnrol = isSecondFactorEnrolmentRequired(
    // Sign-in through the identity provider keeps its ID token with the session (decision 106): that session relies on
    // the provider's own factors, even for an account that also has a password.
    { role: user.role, ssoOnly: user.ssoOnly, hasConfirmedSecondFactor: user.confirmedAt !== null, sessionFromSso: user.sessionFromSso },
    env().REQUIRE_2FA_ROLES,
  );
  return mustEnrol ? { ...sessionUser, secondFactorEnrolmentRequired: true } : sessionUser;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionAllowingEnrolment();
  if (!user) redirect("/login");
  if (user.secondFactorEnrolmentRequired) redirect(secondFactorEnrolmentPath);
  return user;
}
