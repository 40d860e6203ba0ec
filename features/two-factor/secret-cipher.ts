// The TOTP secret must be readable again to check codes, so it cannot be hashed: it is encrypted with AES-256-GCM
// under a key from TWO_FACTOR_ENCRYPTION_KEY (or, by default, derived from NEXTAUTH_SECRET) — a copy of the database
// alone does not give anyone a user's codes (decision 102). No "server-only" and no env here: the demo seed (a plain
// Node script) encrypts the demo admin's secret with the key material the server will use.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const version = "v1";
// Used only where neither setting exists: tests and `next dev` without a secret. npm start always has NEXTAUTH_SECRET.
const developmentKeyMaterial = "exchange-desk-development-only-two-factor-key";

export interface TwoFactorKeySettings {
  TWO_FACTOR_ENCRYPTION_KEY?: string;
  NEXTAUTH_SECRET?: string;
  NODE_ENV?: string;
}

/** What the key is derived from: the dedicated setting, else the session secret, else (not in production) a fixed one. */
export function twoFactorKeyMaterial(settings: TwoFactorKeySettings): string {
  const material = settings.TWO_FACTOR_ENCRYPTION_KEY ?? settings.NEXTAUTH_SECRET ?? (settings.NODE_ENV === "production" ? undefined : developmentKeyMaterial);
  if (!material) throw new Error("TWO_FACTOR_ENCRYPTION_KEY or NEXTAUTH_SECRET must be set to store second factors.");
  return material;
}

function keyFrom(material: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "exchange-desk", "two-factor-secret-v1", 32));
}

export function encryptWithKeyMaterial(secret: string, material: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(material), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${version}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

/** The secret, or null when it was encrypted under another key (the key changed): the user must enrol again. */
export function decryptWithKeyMaterial(stored: string, material: string): string | null {
  const [storedVersion, payload] = stored.split(":");
  if (storedVersion !== version || !payload) return null;
  const bytes = Buffer.from(payload, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(material), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
