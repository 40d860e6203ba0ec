import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionToken, sessionCookieName } from "./session-cookie";

const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

describe("session cookie", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses next-auth's secure name only when the app is served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
    expect(sessionCookieName()).toBe("next-auth.session-token");
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example.gov.hk");
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
  });

  it("reads the token, joins chunks in order and ignores other cookies", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
    expect(readSessionToken(jar({ "next-auth.session-token": "abc", "next-auth.csrf-token": "x" }))).toBe("abc");
    expect(readSessionToken(jar({ "next-auth.session-token.1": "def", "next-auth.session-token.0": "abc" }))).toBe("abcdef");
    expect(readSessionToken(jar({ "next-auth.csrf-token": "x", NEXT_LOCALE: "en" }))).toBeNull();
    expect(readSessionToken(jar({ "next-auth.session-token": "" }))).toBeNull();
  });

  it("does not take the plain cookie's token when the app runs over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example.gov.hk");
    expect(readSessionToken(jar({ "next-auth.session-token": "abc" }))).toBeNull();
  });
});
