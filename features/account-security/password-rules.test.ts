import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEFAULT_TEST_PASSWORD } from "@/tests/factories";
import { locales } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { checkPasswordStrength, evaluatePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordFailureMessageKey, passwordWarningCodes } from "./password-rules";

const owner = { email: "chan.taiman@example.gov.hk", name: "CHAN Tai-man" };

describe("evaluatePassword", () => {
  it("accepts a long passphrase that is not a pattern", () => {
    expect(evaluatePassword("violet-harbour-kettle-97", owner)).toEqual({ ok: true });
    // The demo accounts' password and the factories' one follow the rule too.
    expect(evaluatePassword(DEMO_PASSWORD, { email: "admin@demo.exchange-desk.test", name: "Demo Admin" })).toEqual({ ok: true });
    expect(evaluatePassword(DEFAULT_TEST_PASSWORD, owner)).toEqual({ ok: true });
  });

  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", () => {
    expect(evaluatePassword("Xk9#pLq2$vB", owner)).toEqual({ ok: false, failure: { code: "tooShort" } });
    // 12 Chinese characters are 12 characters.
    expect(evaluatePassword("我們的秘密花園在九龍城寨外", owner).ok).toBe(true);
  });

  it("refuses more than 256 characters", () => {
    expect(evaluatePassword("a1B!".repeat(65), owner)).toEqual({ ok: false, failure: { code: "tooLong" } });
  });

  it("names zxcvbn's warning for well-known and patterned passwords", () => {
    expect(evaluatePassword("password1234", owner)).toMatchObject({ ok: false, failure: { code: "warning" } });
    expect(evaluatePassword("abcdefghijklmn", owner)).toEqual({ ok: false, failure: { code: "warning", warning: "sequences" } });
    expect(evaluatePassword("aaaaaaaaaaaaaaaa", owner)).toEqual({ ok: false, failure: { code: "warning", warning: "simpleRepeat" } });
  });

  it("refuses a password made of the owner's own email and name", () => {
    expect(evaluatePassword("chan.taiman2026", owner)).toEqual({ ok: false, failure: { code: "warning", warning: "userInputs" } });
    // The same password is fine for someone else: the owner's words are what made it guessable.
    expect(evaluatePassword("chan.taiman2026", { email: "lee@example.org", name: "LEE" }).ok).toBe(true);
  });
});

describe("checkPasswordStrength", () => {
  it("gives the reason in each language", () => {
    const reasons = locales.map((locale) => checkPasswordStrength("short", owner, locale));
    expect(reasons).toEqual([
      { ok: false, reason: "Use at least 12 characters." },
      { ok: false, reason: "請使用最少 12 個字元。" },
      { ok: false, reason: "请使用至少 12 个字符。" },
    ]);
    expect(checkPasswordStrength("a".repeat(MAX_PASSWORD_LENGTH + 1), owner, "en")).toEqual({ ok: false, reason: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(checkPasswordStrength("abcdefghijklmn", owner, "zh-Hans")).toEqual({ ok: false, reason: "顺序字符（例如“abc”或“1234”）很容易被猜中。" });
    expect(checkPasswordStrength("violet-harbour-kettle-97", owner, "en")).toEqual({ ok: true });
  });

  it("has a message for every failure in every catalog", () => {
    const keys = [...passwordWarningCodes.map((warning) => ({ code: "warning", warning }) as const), { code: "tooShort" } as const, { code: "tooLong" } as const, { code: "tooGuessable" } as const].map(passwordFailureMessageKey);
    for (const locale of locales) {
      const errors = loadMessages(locale).errors as Record<string, unknown>;
      for (const key of keys) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors);
        expect(typeof value, `${locale}: errors.${key}`).toBe("string");
      }
    }
  });
});
