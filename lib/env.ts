// No "server-only": the start script (scripts/runtime/config.ts) and proxy.ts read it too. It holds no secret of its
// own; it only parses what the process was given.
import { z } from "zod";

/** A bad or missing setting. Its message is one line naming the variable, shown as the start's only output. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Text that may be left unset; set but empty counts as unset (so `VAR=` in a shell or CI file clears it). */
const optionalText = z.string().optional().transform((value) => (value === "" ? undefined : value));

/** A whole number in a range. Set but empty, or anything but digits, is an error — never a silent default. */
const wholeNumber = (minimum: number, maximum: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(minimum).max(maximum))
    .optional()
    .transform((value) => value ?? fallback);

const url = (protocols: RegExp) =>
  optionalText.refine((value) => {
    if (value === undefined) return true;
    try {
      return protocols.test(new URL(value).protocol);
    } catch {
      return false;
    }
  });

/**
 * Every environment variable the app and its start script read, with what a valid value looks like. Adding a
 * setting is one line here (and one row in the README's table).
 */
const variables = {
  DATABASE_URL: { schema: url(/^postgres(ql)?:$/), expected: "a postgresql:// URL, e.g. postgresql://user:password@host:5432/database" },
  DATABASE_POOL_SIZE: { schema: wholeNumber(1, 1000, 10), expected: "a whole number from 1 to 1000 (default 10)" },
  NEXTAUTH_SECRET: { schema: optionalText.refine((value) => value === undefined || value.length >= 32), expected: "at least 32 characters long" },
  NEXTAUTH_URL: { schema: url(/^https?:$/), expected: "an http:// or https:// URL, e.g. https://exchange.example.gov.hk" },
  PORT: { schema: wholeNumber(1, 65535, 3000), expected: "a port number between 1 and 65535 (default 3000)" },
  PG_PORT: { schema: wholeNumber(1, 65535, 0), expected: "a port number between 1 and 65535 (default: any free port)" },
  EXCHANGE_DESK_DATA_DIR: { schema: optionalText, expected: "a folder path" },
  EXCHANGE_DESK_DEMO: { schema: z.enum(["0", "1"]).optional().transform((value) => value === "1"), expected: '"0" or "1"' },
  EXCHANGE_DESK_PDF_FONT: { schema: optionalText, expected: "a font file path, optionally with #PostScriptName" },
  EXPORT_CONCURRENCY_LIMIT: { schema: wholeNumber(1, 1000, 4), expected: "a whole number from 1 to 1000 (default 4)" },
  LOGIN_IP_FAILURE_LIMIT: { schema: wholeNumber(1, 1_000_000, 50), expected: "a whole number from 1 to 1000000 (default 50)" },
  TRUSTED_PROXY_HOPS: { schema: wholeNumber(0, 20, 0), expected: "a whole number from 0 to 20: how many proxies in front of the app append to X-Forwarded-For (default 0)" },
  SMTP_URL: { schema: url(/^smtps?:$/), expected: "an smtp:// or smtps:// URL, credentials included, e.g. smtps://user:password@mail.example.gov.hk:465 (unset: email is off)" },
  MAIL_FROM: {
    schema: optionalText.refine((value) => value === undefined || /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(value)).transform((value) => value ?? "Exchange Desk <no-reply@exchange-desk.invalid>"),
    expected: 'an email address, optionally with a name: "Exchange Desk <desk@example.gov.hk>"',
  },
  NOTIFICATION_WORKER: { schema: z.enum(["0", "1"]).optional().transform((value) => value !== "0"), expected: '"0" (npm start runs no notification worker) or "1" (default)' },
  NOTIFICATION_POLL_SECONDS: { schema: wholeNumber(1, 3600, 5), expected: "a whole number of seconds from 1 to 3600 (default 5)" },
  REMINDER_SCAN_CRON: {
    schema: optionalText.refine((value) => value === undefined || /^\S+( \S+){4}$/.test(value)).transform((value) => value ?? "0 * * * *"),
    expected: 'a cron expression of five fields in Hong Kong time (default "0 * * * *", hourly)',
  },
  MAIL_RETRY_LIMIT: { schema: wholeNumber(0, 20, 5), expected: "a whole number from 0 to 20 (default 5)" },
  MAIL_RETRY_DELAY_SECONDS: { schema: wholeNumber(1, 3600, 30), expected: "a whole number of seconds from 1 to 3600, doubled at each retry (default 30)" },
  OIDC_ISSUER: { schema: url(/^https?:$/), expected: "the identity provider's issuer URL (https://, or http:// for a local test provider), e.g. https://login.example.gov.hk" },
  OIDC_CLIENT_ID: { schema: optionalText, expected: "the client id registered at the identity provider" },
  OIDC_CLIENT_SECRET: { schema: optionalText, expected: "the client secret registered at the identity provider" },
  OIDC_NAME: { schema: optionalText.refine((value) => value === undefined || value.length <= 60), expected: 'the identity provider\'s name for the sign-in button, at most 60 characters, e.g. "GovID"' },
  OIDC_EMAIL_CLAIM: {
    schema: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9_.:-]{1,100}$/.test(value)).transform((value) => value ?? "email"),
    expected: 'the ID token claim that holds the user\'s email address (default "email", which then needs "email_verified": true)',
  },
  // ---- documents ----
  UPLOAD_MAX_BYTES: { schema: wholeNumber(1024, 10 * 1024 * 1024, 5 * 1024 * 1024), expected: "a whole number of bytes from 1024 to 10485760 (default 5242880, 5 MB)" },
  S3_ENDPOINT: { schema: url(/^https?:$/), expected: "an http:// or https:// URL of S3-compatible storage (unset: files are stored in PostgreSQL)" },
  S3_BUCKET: { schema: optionalText, expected: "a bucket name" },
  S3_ACCESS_KEY_ID: { schema: optionalText, expected: "an access key id" },
  S3_SECRET_ACCESS_KEY: { schema: optionalText, expected: "a secret access key" },
  S3_REGION: { schema: optionalText, expected: "a region name, e.g. us-east-1" },
  // ---- totp (decision 102) ----
  REQUIRE_2FA_ROLES: {
    schema: z
      .string()
      .optional()
      .transform((value) => (value ?? "ADMIN").split(",").map((role) => role.trim()).filter((role) => role !== ""))
      .pipe(z.array(z.enum(["ADMIN", "COORDINATOR", "SUPERVISOR", "OFFICER"]))),
    expected: 'a comma-separated list of roles (ADMIN, COORDINATOR, SUPERVISOR, OFFICER) whose password accounts must use a second factor (default "ADMIN"; empty: none)',
  },
  TWO_FACTOR_ENCRYPTION_KEY: {
    schema: optionalText.refine((value) => value === undefined || value.length >= 32),
    expected: "at least 32 characters long (default: derived from NEXTAUTH_SECRET)",
  },
  LOG_LEVEL: { schema: z.enum(["debug", "info", "warn", "error"]).optional().transform((value) => value ?? "info"), expected: "debug, info, warn or error (default info)" },
  NODE_ENV: { schema: z.enum(["development", "production", "test"]).optional().transform((value) => value ?? "development"), expected: "development, production or test" },
} satisfies Record<string, { schema: z.ZodType<unknown, string | undefined>; expected: string }>;

type Variables = typeof variables;
export type Environment = { [Name in keyof Variables]: z.output<Variables[Name]["schema"]> };

/** Parses the given environment; throws a ConfigurationError naming the first bad variable. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed: Record<string, unknown> = {};
  for (const [name, { schema, expected }] of Object.entries(variables)) {
    const value = source[name];
    const result = (schema as z.ZodType<unknown, string | undefined>).safeParse(value);
    if (!result.success) throw new ConfigurationError(`${name} must be ${expected} (got "${value}").`);
    parsed[name] = result.data;
  }
  const s3Names = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"] as const;
  const s3Missing = s3Names.filter((name) => parsed[name] === undefined);
  if (s3Missing.length > 0 && s3Missing.length < s3Names.length) {
    throw new ConfigurationError(`${s3Missing[0]} must be set too: S3 storage needs all of ${s3Names.join(", ")} (or none, to store files in PostgreSQL).`);
  }
  const environment = parsed as Environment;
  checkSingleSignOnSettings(environment);
  return environment;
}

/** The settings that turn single sign-on on: all of them, or none. */
export const singleSignOnVariables = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;

function checkSingleSignOnSettings(environment: Environment) {
  const missing = singleSignOnVariables.filter((name) => environment[name] === undefined);
  if (missing.length > 0 && missing.length < singleSignOnVariables.length) {
    throw new ConfigurationError(`Single sign-on needs ${singleSignOnVariables.join(", ")} all set, or none of them (missing: ${missing.join(", ")}).`);
  }
}

let cached: Environment | undefined;

/**
 * The process's configuration, parsed on first use (so that `next build` needs none of it). The start script parses
 * the same variables before Next starts, so a bad value stops the start rather than the first request.
 */
export function env(): Environment {
  cached ??= parseEnvironment(process.env);
  return cached;
}
