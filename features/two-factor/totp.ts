// TOTP (RFC 6238) through otplib: 30-second steps, 6 digits, one step of clock drift either way (decision 102).
// Pure apart from the random secret; every check takes the time as an argument, so tests pass a fixed clock.
import { authenticator } from "otplib";

export const totpStepSeconds = 30;
export const totpDigits = 6;
/** Steps accepted before and after the current one: a phone whose clock is up to 30 s off still works. */
export const totpWindow = 1;
export const totpIssuer = "Exchange Desk";

const options = { step: totpStepSeconds, digits: totpDigits, window: totpWindow };

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32 as authenticator apps expect. */
export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The number of the 30-second step the time falls in. */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpStepSeconds);
}

/** Whether the text has the shape of an authenticator code (spaces allowed, as apps show "123 456"). */
export function looksLikeTotpCode(text: string): boolean {
  return /^\d{6}$/.test(text.replace(/\s+/g, ""));
}

/**
 * The step the code belongs to, if it is valid within the window at `now`; null otherwise. The caller refuses a step
 * at or before the last one used (a replayed code).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = authenticator.clone({ ...options, epoch: now.getTime() }).checkDelta(digits, secret);
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The code an authenticator app shows at `now` (demo, tests, and the e2e sign-in helper). */
export function totpCodeAt(secret: string, now: Date): string {
  return authenticator.clone({ ...options, epoch: now.getTime() }).generate(secret);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(accountName: string, secret: string): string {
  return authenticator.clone(options).keyuri(accountName, totpIssuer, secret);
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecretForManualEntry(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
