import { MIN_PASSWORD_LENGTH } from "@/lib/password";

// THE ONE PLACE the accounts lane checks a new password (the invitation and set-password page). The self-service
// lane brings `checkPasswordStrength(password, { email, name }, locale)` in features/account-security/password-rules.ts
// (zxcvbn-ts); when it lands, this function calls it and nothing else changes. Until then: the app's current rule.

export type PasswordCheck = { ok: true } | { ok: false; reason: string };

export function checkNewPassword(password: string, person: { email: string; name: string }, translate: (key: string, values?: Record<string, string | number>) => string): PasswordCheck {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: translate("passwordTooShort", { minimum: MIN_PASSWORD_LENGTH }) };
  const lower = password.toLowerCase();
  if (lower === person.email.toLowerCase() || lower === person.email.split("@")[0]?.toLowerCase()) return { ok: false, reason: translate("passwordIsEmail") };
  return { ok: true };
}
