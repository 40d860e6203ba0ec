// npm run user:create -- --email a@b.gov.hk --role ADMIN|COORDINATOR [--side HK] [--name "…"] [--sso-only]
// Creates the first real accounts of a deployment. The password is read from the terminal, or generated and shown once;
// --sso-only: no password at all, the user signs in through the identity provider (OIDC_* settings, decision 088).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { hashPassword } from "../lib/password.ts";
import { checkPasswordStrength, MIN_PASSWORD_LENGTH } from "../features/account-security/password-rules.ts";
import type { AuditAction } from "../lib/audit-actions.ts";
import { fail } from "./runtime/console.ts";
import { ConfigurationError } from "./runtime/config.ts";
import { withDatabase } from "./runtime/database.ts";
import { applyPendingMigrations } from "./db/migrations.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    side: { type: "string" },
    name: { type: "string" },
    "generate-password": { type: "boolean", default: false },
    "sso-only": { type: "boolean", default: false },
  },
});

const roles = ["ADMIN", "COORDINATOR"] as const;
const email = values.email?.trim().toLowerCase();
const role = values.role?.toUpperCase();
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail("Give a valid --email.");
if (!roles.includes(role as (typeof roles)[number])) fail(`--role must be one of ${roles.join(", ")} (officers and supervisors are created in the app).`);
if (role === "COORDINATOR" && !values.side) fail("A coordinator needs --side, the jurisdiction code of its side (e.g. HK or SZ).");

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (values["generate-password"] || !process.stdin.isTTY) {
    return { password: randomBytes(18).toString("base64url"), generated: true };
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await prompt.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters; empty = generate one): `);
  prompt.close();
  if (!password) return { password: randomBytes(18).toString("base64url"), generated: true };
  // The same rule as every other place a password is set (decision 084).
  const strength = checkPasswordStrength(password, { email: email!, name: values.name }, "en");
  if (!strength.ok) throw new ConfigurationError(`This password cannot be used: ${strength.reason}`);
  return { password, generated: false };
}

/** Inside withDatabase: throw, so the embedded database is stopped before the process exits with the message. */
function refuse(message: string): never {
  throw new ConfigurationError(message);
}

withDatabase(async (url) => {
  await applyPendingMigrations(url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const jurisdiction = values.side ? await db.jurisdiction.findUnique({ where: { code: values.side.toUpperCase() } }) : null;
    if (values.side && !jurisdiction) refuse(`No jurisdiction with code ${values.side}. Known codes: ${(await db.jurisdiction.findMany()).map((j) => j.code).join(", ") || "none yet"}.`);
    if (await db.user.findUnique({ where: { email } })) refuse(`A user with email ${email} already exists.`);
    const ssoOnly = values["sso-only"];
    // An SSO-only user gets a random hash nobody knows; password sign-in refuses them anyway.
    const { password, generated } = ssoOnly ? { password: randomBytes(32).toString("base64url"), generated: false } : await readPassword();
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: email!, name: values.name ?? email!, role: role as (typeof roles)[number], jurisdictionId: jurisdiction?.id ?? null, passwordHash: await hashPassword(password), ssoOnly },
      });
      await tx.auditLog.create({ data: { action: "user.create" satisfies AuditAction, entityType: "User", entityId: created.id, after: { email, role, side: values.side ?? null, via: "cli", ...(ssoOnly ? { ssoOnly } : {}) } } });
      return created;
    });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}${ssoOnly ? " (signs in only through single sign-on)" : ""}.`);
    if (generated) console.log(`Generated password (shown once): ${password}`);
  } finally {
    await db.$disconnect();
  }
}).catch((error) => fail(error));
