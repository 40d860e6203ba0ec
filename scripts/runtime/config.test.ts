import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, loadRuntimeConfig } from "./config";

afterEach(() => vi.unstubAllEnvs());

describe("runtime configuration", () => {
  it("defaults to the embedded database with demo data on port 3000", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PORT", undefined);
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    vi.stubEnv("NEXTAUTH_URL", "");
    const config = loadRuntimeConfig("start", []);
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, seedDemoData: true, authUrl: "http://localhost:3000" });
  });

  it("requires NEXTAUTH_SECRET when DATABASE_URL points at your own database, naming the variable", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:secret@db.example.gov.hk:5432/exchange");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    expect(() => loadRuntimeConfig("start", [])).toThrow(ConfigurationError);
    expect(() => loadRuntimeConfig("start", [])).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("seeds no demo data into your own database unless asked", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:secret@db.example.gov.hk:5432/exchange");
    vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(40));
    expect(loadRuntimeConfig("start", []).seedDemoData).toBe(false);
    expect(loadRuntimeConfig("start", ["--demo"]).seedDemoData).toBe(true);
  });

  it.each([
    ["PORT", "70000", /PORT must be a port number/],
    ["DATABASE_URL", "not a url", /DATABASE_URL must be a postgresql:\/\/ URL/],
    ["DATABASE_URL", "mysql://x@y/z", /DATABASE_URL must be a postgresql:\/\/ URL/],
    ["NEXTAUTH_SECRET", "short", /NEXTAUTH_SECRET must be at least 32 characters/],
    ["NEXTAUTH_URL", "::nonsense", /NEXTAUTH_URL must be an http/],
    ["LOGIN_IP_FAILURE_LIMIT", "", /LOGIN_IP_FAILURE_LIMIT must be a whole number/],
  ])("explains a bad %s", (name, value, message) => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(40));
    vi.stubEnv(name, value);
    expect(() => loadRuntimeConfig("start", [])).toThrow(message);
  });
});
