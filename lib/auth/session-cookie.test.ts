import { describe, expect, it } from "vitest";
import { readSessionToken, sessionCookieName } from "./session-cookie";

const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

describe("session cookie", () => {
  it("uses next-auth's secure name only when the app is served over https", () => {
    expect(sessionCookieName("http://127.0.0.1:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
    expect(sessionCookieName("https://desk.example.gov.hk")).toBe("__Secure-next-auth.session-token");
  });

  it("reads the token, joins chunks in order and ignores other cookies", () => {
    const http = "http://127.0.0.1:3000";
    expect(readSessionToken(jar({ "next-auth.session-token": "abc", "next-auth.csrf-token": "x" }), http)).toBe("abc");
    expect(readSessionToken(jar({ "next-auth.session-token.1": "def", "next-auth.session-token.0": "abc" }), http)).toBe("abcdef");
    expect(readSessionToken(jar({ "next-auth.csrf-token": "x", NEXT_LOCALE: "en" }), http)).toBeNull();
    expect(readSessionToken(jar({ "next-auth.session-token": "" }), http)).toBeNull();
  });

  it("does not take the plain cookie's token when the app runs over https", () => {
    expect(readSessionToken(jar({ "next-auth.session-token": "abc" }), "https://desk.example.gov.hk")).toBeNull();
  });
});
