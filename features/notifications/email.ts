import "server-only";
import { fromDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/generated/prisma/enums";
import { notificationTranslator, renderNotification, type NotificationParams } from "./render";

// Emails are written when the notification is made, in the recipient's language, with an HTML and a plain-text part
// that say the same, links made absolute from NEXTAUTH_URL, and a footer link to the recipient's preferences.

export interface MailSettings {
  /** False without SMTP_URL: emails are still written, and kept for admins to read (status KEPT). */
  enabled: boolean;
  appUrl: string;
}

export interface EmailItem {
  kind: string;
  link: string;
  params: NotificationParams;
}

export interface ComposedEmail {
  toAddress: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

export const preferencesPath = "/notifications/preferences";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function absolute(appUrl: string, link: string): string {
  return new URL(link, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

/** One email for one recipient: a single notification, or several in a daily digest. */
export function composeEmail(
  mail: MailSettings,
  recipient: { actor: { email: string; name: string }; locale: Locale },
  items: EmailItem[],
  options: { digest?: boolean } = {},
): ComposedEmail {
  const locale: AppLocale = fromDatabaseLocale(recipient.locale);
  const t = notificationTranslator(locale, loadMessages(locale));
  const rendered = items.map((item) => ({ ...renderNotification(t, locale, item.kind, item.params), url: absolute(mail.appUrl, item.link) }));
  const preferencesUrl = absolute(mail.appUrl, preferencesPath);
  const subject = options.digest ? t("email.digestSubject", { count: items.length }) : `Exchange Desk: ${rendered[0].text}`;
  const greeting = t("email.greeting", { name: recipient.actor.name });
  const openLabel = t("email.open");
  const intro = options.digest ? [t("email.digestIntro")] : [];
  const footer = t("email.footer", { url: preferencesUrl });

  const textParts = [greeting, "", ...intro, ...rendered.flatMap((item) => [item.text, ...item.details, `${openLabel}: ${item.url}`, ""]), "--", footer];
  const htmlItems = rendered
    .map(
      (item) =>
        `<p>${escapeHtml(item.text)}</p>${item.details.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<p><a href="${escapeHtml(item.url)}">${escapeHtml(openLabel)}</a></p>`,
    )
    .join("<hr>");
  const footerHtml = escapeHtml(t("email.footer", { url: "\u0000" })).replace("\u0000", `<a href="${escapeHtml(preferencesUrl)}">${escapeHtml(preferencesUrl)}</a>`);
  const html = `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(greeting)}</p>${intro.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}${htmlItems}<hr><p><small>${footerHtml}</small></p></body></html>`;
  return { toAddress: recipient.actor.email, locale: recipient.locale, subject, html, text: textParts.join("\n") };
}
