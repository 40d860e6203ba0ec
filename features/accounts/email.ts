import "server-only";
import { createTranslator } from "next-intl";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { fromDatabaseLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/generated/prisma/enums";
import { writeDirectEmail } from "@/features/notifications/direct-email";
import { invitationLifetimeMs, invitationPath } from "./tokens";

// The "account" emails (decision 082): an invitation or a set-password link. They go through the notifications'
// email path — a row in EmailMessage that the worker sends (or keeps for the admin outbox when email is off) — but
// skip the preferences: an account email is always sent at once, and the invitee has no preferences yet.

type EmailClient = Pick<Prisma.TransactionClient, "emailMessage">;

export function appUrl(): string {
  const settings = env();
  return settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`;
}

export function invitationUrl(token: string): string {
  const base = appUrl();
  return new URL(invitationPath(token), base.endsWith("/") ? base : `${base}/`).toString();
}

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * `ssoProvider`: the account signs in only through single sign-on (decision 105): the email offers "Sign in with
 * <provider>" and says nothing of a password, whatever the link's purpose.
 */
export function composeInvitationEmail(input: { name: string; locale: Locale; purpose: "INVITE" | "RESET"; url: string; invitedBy: string; ssoProvider?: string }) {
  const locale = fromDatabaseLocale(input.locale);
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "accounts.email" } as never) as unknown as Translate;
  const hours = invitationLifetimeMs / 3_600_000;
  let subject: string, body: string, open: string;
  if (input.ssoProvider !== undefined) {
    const sso = createTranslator({ locale, messages, namespace: "ssoInvitations.email" } as never) as unknown as Translate;
    [subject, body, open] = [sso("subject"), sso("body", { inviter: input.invitedBy, provider: input.ssoProvider }), sso("open", { provider: input.ssoProvider })];
  } else if (input.purpose === "INVITE") {
    [subject, body, open] = [t("inviteSubject"), t("inviteBody", { inviter: input.invitedBy }), t("open")];
  } else {
    [subject, body, open] = [t("resetSubject"), t("resetBody", { inviter: input.invitedBy }), t("open")];
  }
  const lines = [t("greeting", { name: input.name }), body, t("validFor", { hours })];
  const text = [...lines, "", `${open}: ${input.url}`, "", "--", t("footer")].join("\n");
  const html = `<!doctype html><html lang="${locale}"><body>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<p><a href="${escapeHtml(input.url)}">${escapeHtml(open)}</a></p><p>${escapeHtml(input.url)}</p><hr><p><small>${escapeHtml(t("footer"))}</small></p></body></html>`;
  return { subject, text, html };
}

/** Writes the email in the caller's transaction; the worker sends it (PENDING), or it is kept (KEPT) with email off. */
export async function writeInvitationEmail(
  tx: EmailClient,
  invitation: { id: string; purpose: "INVITE" | "RESET" },
  recipient: { id: string; email: string; name: string; locale: Locale },
  token: string,
  invitedBy: string,
  ssoProvider?: string,
): Promise<void> {
  const email = composeInvitationEmail({ name: recipient.name, locale: recipient.locale, purpose: invitation.purpose, url: invitationUrl(token), invitedBy, ssoProvider });
  await writeDirectEmail(tx, { idempotencyKey: `invitation:${invitation.id}:email`, recipientId: recipient.id, toAddress: recipient.email, locale: recipient.locale, ...email });
}
