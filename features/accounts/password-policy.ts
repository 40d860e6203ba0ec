import { evaluatePassword, passwordFailureMessageKey } from "@/features/account-security/password-rules";

// The one place the accounts screens check a new password: the self-service password rules (zxcvbn-ts, decision 084),
// translated with the caller's translator so that a route handler answers in the request's language.

export type PasswordCheck = { ok: true } | { ok: false; reason: string };

export function checkNewPassword(password: string, person: { email: string; name: string }, translate: (key: string, values?: Record<string, string | number>) => string): PasswordCheck {
  const evaluation = evaluatePassword(password, person);
  if (evaluation.ok) return { ok: true };
  return { ok: false, reason: translate(passwordFailureMessageKey(evaluation.failure)) };
}
