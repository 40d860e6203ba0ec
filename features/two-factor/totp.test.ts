import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { formatSecretForManualEntry, generateTotpSecret, looksLikeTotpCode, matchTotpStep, totpCodeAt, totpStepAt, totpUri } from "./totp";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890" as base32) and its published codes (last 6 digits).
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("gives RFC 6238's codes for its test times", () => {
    expect(totpCodeAt(rfcSecret, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(rfcSecret, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(rfcSecret, new Date(1_234_567_890_000))).toBe("005924");
  });

  it("accepts the codes of one step before and after, and says which step matched", () => {
    const now = new Date(Date.UTC(2026, 11, 3, 12, 0, 10));
    const step = totpStepAt(now);
    for (const delta of [-1, 0, 1]) {
      expect(matchTotpStep(rfcSecret, totpCodeAt(rfcSecret, new Date(now.getTime() + delta * 30_000)), now)).toBe(step + delta);
    }
    for (const delta of [-2, 2]) {
      expect(matchTotpStep(rfcSecret, totpCodeAt(rfcSecret, new Date(now.getTime() + delta * 30_000)), now)).toBeNull();
    }
  });

  it("takes a code with spaces and refuses anything but six digits", () => {
    const now = new Date(Date.UTC(2026, 11, 3, 12, 0, 10));
    const code = totpCodeAt(rfcSecret, now);
    expect(matchTotpStep(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStepAt(now));
    expect(looksLikeTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(matchTotpStep(rfcSecret, bad, now)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI an app can read", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri("admin@example.test", secret));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Exchange Desk");
    expect(formatSecretForManualEntry("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of ten characters, read back however they are typed", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const [code] = codes;
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(code.replace("-", ""));
    expect(hashRecoveryCode(normalizeRecoveryCode(code)!)).toMatch(/^[0-9a-f]{64}$/);
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghiu")).toBeNull();
  });
});

describe("the secret at rest", () => {
  it("reads back only under the key it was encrypted with", async () => {
    const { decryptWithKeyMaterial, encryptWithKeyMaterial, twoFactorKeyMaterial } = await import("./secret-cipher");
    const stored = encryptWithKeyMaterial(rfcSecret, "k".repeat(40));
    expect(stored).not.toContain(rfcSecret);
    expect(encryptWithKeyMaterial(rfcSecret, "k".repeat(40))).not.toBe(stored);
    expect(decryptWithKeyMaterial(stored, "k".repeat(40))).toBe(rfcSecret);
    expect(decryptWithKeyMaterial(stored, "x".repeat(40))).toBeNull();
    expect(decryptWithKeyMaterial("garbage", "k".repeat(40))).toBeNull();
    expect(twoFactorKeyMaterial({ TWO_FACTOR_ENCRYPTION_KEY: "a".repeat(32), NEXTAUTH_SECRET: "b".repeat(32) })).toBe("a".repeat(32));
    expect(twoFactorKeyMaterial({ NEXTAUTH_SECRET: "b".repeat(32) })).toBe("b".repeat(32));
    expect(() => twoFactorKeyMaterial({ NODE_ENV: "production" })).toThrow(/TWO_FACTOR_ENCRYPTION_KEY/);
  });
});
