import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnvironment } from "./env";

describe("parseEnvironment", () => {
  it("gives every setting its documented default when nothing is set", () => {
    expect(parseEnvironment({})).toEqual({
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
      NEXTAUTH_SECRET: undefined,
      NEXTAUTH_URL: undefined,
      PORT: 3000,
      PG_PORT: 0,
      EXCHANGE_DESK_DATA_DIR: undefined,
      EXCHANGE_DESK_DEMO: false,
      EXCHANGE_DESK_PDF_FONT: undefined,
      EXPORT_CONCURRENCY_LIMIT: 4,
      LOGIN_IP_FAILURE_LIMIT: 50,
      TRUSTED_PROXY_HOPS: 0,
      SMTP_URL: undefined,
      MAIL_FROM: "Exchange Desk <no-reply@exchange-desk.invalid>",
      NOTIFICATION_WORKER: true,
      NOTIFICATION_POLL_SECONDS: 5,
      REMINDER_SCAN_CRON: "0 * * * *",
      MAIL_RETRY_LIMIT: 5,
      MAIL_RETRY_DELAY_SECONDS: 30,
      OIDC_ISSUER: undefined,
      OIDC_CLIENT_ID: undefined,
      OIDC_CLIENT_SECRET: undefined,
      OIDC_NAME: undefined,
      OIDC_EMAIL_CLAIM: "email",
      REQUIRE_2FA_ROLES: ["ADMIN"],
      TWO_FACTOR_ENCRYPTION_KEY: undefined,
      UPLOAD_MAX_BYTES: 5 * 1024 * 1024,
      S3_ENDPOINT: undefined,
      S3_BUCKET: undefined,
      S3_ACCESS_KEY_ID: undefined,
      S3_SECRET_ACCESS_KEY: undefined,
      S3_REGION: undefined,
      LOG_LEVEL: "info",
      NODE_ENV: "development",
    });
  });

  it("parses numbers, flags and URLs", () => {
    const parsed = parseEnvironment({
      DATABASE_URL: "postgresql://app:secret@db.example.gov.hk:5432/exchange",
      DATABASE_POOL_SIZE: "24",
      LOGIN_IP_FAILURE_LIMIT: "200",
      TRUSTED_PROXY_HOPS: "2",
      EXCHANGE_DESK_DEMO: "1",
      NEXTAUTH_URL: "https://exchange.example.gov.hk",
      LOG_LEVEL: "warn",
    });
    expect(parsed).toMatchObject({ DATABASE_POOL_SIZE: 24, LOGIN_IP_FAILURE_LIMIT: 200, TRUSTED_PROXY_HOPS: 2, EXCHANGE_DESK_DEMO: true, LOG_LEVEL: "warn" });
  });

  it("reads the notification settings", () => {
    expect(
      parseEnvironment({ SMTP_URL: "smtps://desk:secret@mail.example.gov.hk:465", MAIL_FROM: "Exchange Desk <desk@example.gov.hk>", NOTIFICATION_WORKER: "0", REMINDER_SCAN_CRON: "*/15 * * * *" }),
    ).toMatchObject({ SMTP_URL: "smtps://desk:secret@mail.example.gov.hk:465", MAIL_FROM: "Exchange Desk <desk@example.gov.hk>", NOTIFICATION_WORKER: false, REMINDER_SCAN_CRON: "*/15 * * * *" });
  });

  it("reads REQUIRE_2FA_ROLES as a list of roles (empty: none) and stops on an unknown role, naming it", () => {
    expect(parseEnvironment({ REQUIRE_2FA_ROLES: "ADMIN, COORDINATOR" }).REQUIRE_2FA_ROLES).toEqual(["ADMIN", "COORDINATOR"]);
    expect(parseEnvironment({ REQUIRE_2FA_ROLES: "" }).REQUIRE_2FA_ROLES).toEqual([]);
    expect(() => parseEnvironment({ REQUIRE_2FA_ROLES: "ADMIN,ROOT" })).toThrow(/^REQUIRE_2FA_ROLES must be a comma-separated list of roles/);
    expect(() => parseEnvironment({ TWO_FACTOR_ENCRYPTION_KEY: "short" })).toThrow(/^TWO_FACTOR_ENCRYPTION_KEY must be at least 32 characters/);
  });

  it("treats an empty text setting as unset", () => {
    expect(parseEnvironment({ DATABASE_URL: "", NEXTAUTH_SECRET: "", NEXTAUTH_URL: "" })).toMatchObject({
      DATABASE_URL: undefined,
      NEXTAUTH_SECRET: undefined,
      NEXTAUTH_URL: undefined,
    });
  });

  // A number that is set but empty or mistyped must stop the start: read with Number(), "" refused every sign-in
  // (limit 0) and "5O" turned throttling off (NaN).
  it.each([
    ["LOGIN_IP_FAILURE_LIMIT", ""],
    ["LOGIN_IP_FAILURE_LIMIT", "5O"],
    ["LOGIN_IP_FAILURE_LIMIT", "0"],
    ["LOGIN_IP_FAILURE_LIMIT", "-1"],
    ["LOGIN_IP_FAILURE_LIMIT", "50.5"],
    ["TRUSTED_PROXY_HOPS", ""],
    ["TRUSTED_PROXY_HOPS", "one"],
    ["DATABASE_POOL_SIZE", "0"],
    ["EXPORT_CONCURRENCY_LIMIT", "four"],
    ["PORT", "70000"],
    ["LOG_LEVEL", "verbose"],
    ["EXCHANGE_DESK_DEMO", "yes"],
    ["NEXTAUTH_SECRET", "too-short"],
    ["DATABASE_URL", "mysql://x@y/z"],
    ["NEXTAUTH_URL", "exchange.example.gov.hk"],
    ["SMTP_URL", "http://mail.example.gov.hk"],
    ["MAIL_FROM", "not an address"],
    ["REMINDER_SCAN_CRON", "hourly"],
    ["MAIL_RETRY_LIMIT", "many"],
    ["NOTIFICATION_WORKER", "off"],
  ])("refuses %s=%j with one line naming the variable", (name, value) => {
    let error: unknown;
    try {
      parseEnvironment({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message.startsWith(`${name} must be `)).toBe(true);
    expect(message).toContain(`(got "${value}")`);
    expect(message).not.toContain("\n");
  });

  it("takes S3 storage only with all five S3 settings, and stops on some without the others", () => {
    const s3 = { S3_ENDPOINT: "http://127.0.0.1:9000", S3_BUCKET: "desk", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret", S3_REGION: "us-east-1" };
    expect(parseEnvironment(s3)).toMatchObject(s3);
    expect(() => parseEnvironment({ ...s3, S3_REGION: "" })).toThrow(/^S3_REGION must be set too/);
    expect(() => parseEnvironment({ S3_BUCKET: "desk" })).toThrow(/^S3_ENDPOINT must be set too/);
    expect(() => parseEnvironment({ UPLOAD_MAX_BYTES: "20000000" })).toThrow(/^UPLOAD_MAX_BYTES must be/);
  });
});
