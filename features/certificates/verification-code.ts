import { createHash, randomBytes } from "node:crypto";

// Verification codes: 100 random bits written as 20 Crockford base-32 characters in groups of four
// (e.g. 7K2M-Q9XD-…). Only their SHA-256 is stored (unique index): the code itself is printed on the certificate.

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newVerificationCode(): string {
  const bytes = randomBytes(13);
  let bits = 0;
  let value = 0;
  let text = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && text.length < 20) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return text.match(/.{4}/g)!.join("-");
}

/** What a person may type for a code: any case, with or without dashes or spaces, O for 0 and I or L for 1. */
export function normalizeVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(compact)) return null;
  return compact.match(/.{4}/g)!.join("-");
}

export function hashVerificationCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
