import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { publicActionDefinition } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";
import { fromDatabaseLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { runStatement, sqlBuilder } from "@/lib/kysely";
import { advisoryLock } from "@/lib/sql-fragments";
import type { Locale } from "@/generated/prisma/enums";
import { writeDirectEmail } from "@/features/notifications/direct-email";
import { assertPasswordAllowed, revokeOtherSessions } from "./mutations";
import { requestPasswordResetSchema } from "./schemas";

// Forgotten password (decision 086). The answer to a request is the same whether the address is known or not, and
// so is the work (a token made and hashed, an email composed, one transaction with an audit entry); only a known,
// active, unthrottled address gets a link. The link's token is 32 random bytes; only its SHA-256 is stored.

export const resetLinkMinutes = 30;
/** Per address: a mailbox is not flooded, and guessing which addresses exist gains nothing. */
export const resetRequestsPerAddress = 3;
/** Per client address: one client cannot walk through many addresses. */
export const resetRequestsPerClient = 10;
export const resetRequestWindowMinutes = 30;

export const resetPath = "/password-reset";

export interface ResetMailSettings {
  /** False without SMTP_URL: the email is kept for admins (/admin/outbox), as every email is (decision 068). */
  enabled: boolean;
  appUrl: string;
}

export function resetMailSettingsFromEnvironment(): ResetMailSettings {
  const settings = env();
  return { enabled: settings.SMTP_URL !== undefined, appUrl: settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}` };
}

export interface ResetRequestOptions {
  request: RequestContext;
  mail: ResetMailSettings;
  /** The clock: tests pass a fixed one. */
  now?: Date;
}

export type ResetRequestOutcome = "sent" | "unknownAccount" | "inactive" | "ssoOnly" | "throttledAddress" | "throttledClient";

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function composeResetEmail(mail: ResetMailSettings, recipient: { email: string; name: string; locale: Locale }, token: string) {
  const locale = fromDatabaseLocale(recipient.locale);
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "accountSecurity.resetEmail" } as never) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const url = new URL(`${resetPath}/${token}`, mail.appUrl.endsWith("/") ? mail.appUrl : `${mail.appUrl}/`).toString();
  const lines = [t("greeting", { name: recipient.name }), "", t("body", { minutes: resetLinkMinutes }), url, "", t("notYou")];
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html = `<!doctype html><html lang="${locale}"><body><p>${escape(lines[0])}</p><p>${escape(lines[2])}</p><p><a href="${escape(url)}">${escape(t("open"))}</a></p><p>${escape(url)}</p><p><small>${escape(lines[5])}</small></p></body></html>`;
  return { toAddress: recipient.email, locale: recipient.locale, subject: t("subject"), text: lines.join("\n"), html };
}

/**
 * Records the request (for the throttle), and for a known, active account within both limits makes a new link —
 * earlier unused links of the account stop working — and writes its email to the outbox. Always resolves the same
 * way; the outcome is for the audit log and the tests, never for the visitor.
 */
export async function requestPasswordReset(emailInput: string, { request, mail, now = new Date() }: ResetRequestOptions): Promise<ResetRequestOutcome> {
  const email = emailInput.trim().toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const windowStart = new Date(now.getTime() - resetRequestWindowMinutes * 60_000);
  return db.$transaction(async (tx) => {
    // Counted and recorded under per-address and per-client locks, so concurrent requests cannot all pass.
    await runStatement(sqlBuilder.selectNoFrom([advisoryLock(`password-reset-client:${request.ipAddress}`).as("client"), advisoryLock(`password-reset-address:${email}`).as("address")]), tx);
    const [byAddress, byClient] = await Promise.all([
      tx.passwordResetRequest.count({ where: { email, createdAt: { gte: windowStart } } }),
      tx.passwordResetRequest.count({ where: { ipAddress: request.ipAddress, createdAt: { gte: windowStart } } }),
    ]);
    await tx.passwordResetRequest.create({ data: { email, ipAddress: request.ipAddress, createdAt: now } });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true, active: true, ssoOnly: true } });
    // The email is composed whatever happens, so a known address costs what an unknown one does.
    const composed = composeResetEmail(mail, user ?? { email, name: email, locale: "en" }, token);
    const outcome: ResetRequestOutcome = !user
      ? "unknownAccount"
      : !user.active
        ? "inactive"
        : // Signs in only through the identity provider (decision 088): a password would never be accepted.
          user.ssoOnly
          ? "ssoOnly"
          : byClient >= resetRequestsPerClient
          ? "throttledClient"
          : byAddress >= resetRequestsPerAddress
            ? "throttledAddress"
            : "sent";
    if (user && outcome === "sent") {
      await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      const link = await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + resetLinkMinutes * 60_000) }, select: { id: true } });
      // Always immediate: no preference or digest applies to an account's own security email.
      await writeDirectEmail(tx, { idempotencyKey: `password-reset:${link.id}`, recipientId: user.id, ...composed }, { emailEnabled: mail.enabled });
    }
    await writeAudit(tx, user ? { userId: user.id, email: user.email } : null, request, {
      action: "account.requestPasswordReset",
      entityType: "User",
      entityId: user?.id ?? null,
      after: { email, outcome },
    });
    return outcome;
  });
}

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
}

/** Whether a link can still be used (for the page, before the form is shown). */
export async function isResetLinkUsable(token: string, now: Date = new Date()): Promise<boolean> {
  const link = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return link !== null && link.usedAt === null && link.expiresAt > now;
}

/**
 * Sets the new password from a link: the link is claimed in one statement (used once, even by two tabs at the same
 * moment), every session of the account ends (session version bumped and rows revoked), and the lock is lifted.
 * A password that breaks the rule is refused before the link is claimed, so the person can try another.
 */
export async function resetPassword(input: ResetPasswordInput, request: RequestContext, now: Date = new Date()): Promise<{ email: string }> {
  const tokenHash = hashToken(input.token);
  const link = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { userId: true, usedAt: true, expiresAt: true } });
  const user = link ? await db.user.findUnique({ where: { id: link.userId }, select: { id: true, email: true, name: true, active: true } }) : null;
  if (!link || !user?.active || link.usedAt !== null || link.expiresAt <= now) throw new AppError("accountSecurity.resetLinkInvalid");
  assertPasswordAllowed(input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("accountSecurity.resetLinkInvalid");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null } });
    const signedOutSessions = await revokeOtherSessions(tx, user.id, null);
    await writeAudit(tx, { userId: user.id, email: user.email }, request, { action: "account.resetPassword", entityType: "User", entityId: user.id, after: { signedOutSessions } });
    return { email: user.email };
  });
}

/** The request as a signed-out action: the answer is the address back, whatever happened (decision 086). */
export const requestPasswordResetDefinition = publicActionDefinition({
  name: "requestPasswordReset",
  schema: requestPasswordResetSchema,
  run: async (input, { request }) => {
    await requestPasswordReset(input.email, { request, mail: resetMailSettingsFromEnvironment() });
    return { email: input.email };
  },
});
