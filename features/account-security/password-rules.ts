// The one password rule of the app (decision 084): at least 12 characters, at most 256, and not guessable by the
// zxcvbn-ts estimator with the English dictionaries plus the person's own email and name. Every place a password is
// set (change, reset, invitation, the user:create script) calls checkPasswordStrength. zxcvbn's feedback is English
// only, so its warning *codes* (the default "translations" are the keys themselves) are mapped to our catalog.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { createTranslator } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { MIN_PASSWORD_LENGTH } from "@/lib/password";

export { MIN_PASSWORD_LENGTH };
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's scale is 0–4; 3 means "safely unguessable" (about 10^10 guesses), enough behind argon2 and throttling. */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warning codes; each has a message under errors.passwordRules.warnings in every catalog. */
export const passwordWarningCodes = [
  "straightRow",
  "keyPattern",
  "simpleRepeat",
  "extendedRepeat",
  "sequences",
  "recentYears",
  "dates",
  "topTen",
  "topHundred",
  "common",
  "similarToCommon",
  "wordByItself",
  "namesByThemselves",
  "commonNames",
  "userInputs",
  "pwned",
] as const;
export type PasswordWarningCode = (typeof passwordWarningCodes)[number];

export type PasswordRuleFailure = { code: "tooShort" | "tooLong" | "tooGuessable" } | { code: "warning"; warning: PasswordWarningCode };

export interface PasswordOwner {
  email: string;
  name?: string | null;
}

export type PasswordStrength = { ok: true } | { ok: false; reason: string };

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built once: the dictionaries are ranked at construction (≈ 100 ms), checks are then a few milliseconds.
  factory ??= new ZxcvbnFactory({
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    // Off: matching every password against the whole dictionary by edit distance costs up to a second here.
    useLevenshteinDistance: false,
    maxLength: MAX_PASSWORD_LENGTH,
  });
  return factory;
}

/** What the person typed elsewhere is guessable: the whole address, its parts and each word of the name. */
function ownerWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const [local = "", domain = ""] = email.split("@");
  const words = [email, local, domain, ...local.split(/[._+-]+/), ...domain.split("."), ...(owner.name ?? "").split(/\s+/), owner.name ?? ""];
  return [...new Set(words.map((word) => word.trim()).filter((word) => word.length >= 3))];
}

/** The rule as data (which rule failed), for tests and for callers that translate themselves. */
export function evaluatePassword(password: string, owner: PasswordOwner): { ok: true } | { ok: false; failure: PasswordRuleFailure } {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, failure: { code: "tooShort" } };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, failure: { code: "tooLong" } };
  const result = estimator().check(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning;
  if (warning && (passwordWarningCodes as readonly string[]).includes(warning)) {
    return { ok: false, failure: { code: "warning", warning: warning as PasswordWarningCode } };
  }
  return { ok: false, failure: { code: "tooGuessable" } };
}

/** The catalog key of a failure, in the "errors" namespace (so an action can name it as a field error). */
export function passwordFailureMessageKey(failure: PasswordRuleFailure): string {
  return failure.code === "warning" ? `passwordRules.warnings.${failure.warning}` : `passwordRules.${failure.code}`;
}

/** Checks a new password for its owner; the reason, when refused, is in the given language. */
export function checkPasswordStrength(password: string, owner: PasswordOwner, locale: AppLocale): PasswordStrength {
  const evaluation = evaluatePassword(password, owner);
  if (evaluation.ok) return { ok: true };
  // No values: server actions translate field errors by key alone, so the limits are written into the messages
  // (a unit test holds them to the constants).
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" as never }) as unknown as (key: string) => string;
  return { ok: false, reason: t(passwordFailureMessageKey(evaluation.failure)) };
}
