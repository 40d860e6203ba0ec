import "server-only";
import { env } from "@/lib/env";
import { decryptWithKeyMaterial, encryptWithKeyMaterial, twoFactorKeyMaterial } from "./secret-cipher";

/** Encrypts a TOTP secret under the configured key (features/two-factor/secret-cipher.ts, decision 102). */
export function encryptTotpSecret(secret: string): string {
  return encryptWithKeyMaterial(secret, twoFactorKeyMaterial(env()));
}

/** The secret, or null when it was encrypted under another key: the user must enrol again. */
export function decryptTotpSecret(stored: string): string | null {
  return decryptWithKeyMaterial(stored, twoFactorKeyMaterial(env()));
}
