import { describe, expect, it } from "vitest";
import { hashVerificationCode, newVerificationCode, normalizeVerificationCode } from "./verification-code";

describe("verification codes", () => {
  it("are five groups of four Crockford base-32 characters, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("accept what a person types: lower case, spaces, no dashes, O for 0, I or L for 1", () => {
    const code = "7K2M-Q9XD-0A1B-C3DE-F4GH";
    expect(normalizeVerificationCode(code)).toBe(code);
    expect(normalizeVerificationCode(" 7k2m q9xd oa1b c3de f4gh ")).toBe(code);
    expect(normalizeVerificationCode("7K2MQ9XD0AlBC3DEF4GH")).toBe(code);
    expect(normalizeVerificationCode("7K2M-Q9XD")).toBeNull();
    expect(normalizeVerificationCode("7K2M-Q9XD-0A1B-C3DE-F4GU")).toBeNull();
    expect(hashVerificationCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
