// One-time recovery codes: 10 per user, each 10 characters of a 32-letter alphabet (50 random bits), shown once and
// stored only as SHA-256. A fast hash is enough for random codes of this length that are also throttled (decision 102).
import { createHash, randomInt } from "node:crypto";

export const recoveryCodeCount = 10;
// Crockford's base32: no I, L, O, U, so nothing reads as another character.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
const codeLength = 10;

export function generateRecoveryCodes(count = recoveryCodeCount): string[] {
  return Array.from({ length: count }, () => {
    const characters = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}

/** What the user typed, as stored: lower case, without spaces or dashes; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(text: string): string | null {
  const normalized = text.toLowerCase().replace(/[\s-]+/g, "");
  if (normalized.length !== codeLength) return null;
  return [...normalized].every((character) => alphabet.includes(character)) ? normalized : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(`exchange-desk-recovery:${normalized}`).digest("hex");
}
