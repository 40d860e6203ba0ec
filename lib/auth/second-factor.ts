import type { Role } from "@/generated/prisma/enums";

/**
 * Whether a user must enrol an authenticator before doing anything else: their role is listed in REQUIRE_2FA_ROLES,
 * they sign in with a password (single-sign-on-only accounts, and any session opened through single sign-on, rely on
 * the identity provider's factors), and they
 * have no confirmed factor yet. Pure: lib/auth/session.ts applies it to every request (decision 102).
 */
export function isSecondFactorEnrolmentRequired(
  user: { role: Role; ssoOnly: boolean; hasConfirmedSecondFactor: boolean; sessionFromSso?: boolean },
  requiredRoles: readonly Role[],
): boolean {
  return requiredRoles.includes(user.role) && !user.ssoOnly && !user.sessionFromSso && !user.hasConfirmedSecondFactor;
}

/** Where such a user is sent: the one page they may use (besides signing out). */
export const secondFactorEnrolmentPath = "/two-factor/enrol";
