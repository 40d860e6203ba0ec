import { getTranslations } from "next-intl/server";
import { DetailList } from "@/components/detail-list";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { retryDeadEmailAction } from "../actions";
import type { findOutboxEmails } from "../queries";
import { ActionButton } from "./notification-actions";

type Email = Awaited<ReturnType<typeof findOutboxEmails>>["items"][number];

/** Emails as admins read them: recipient, subject, status, and the text behind a disclosure; dead ones can be retried. */
export async function EmailList({ emails, locale, emptyMessage, retry }: { emails: Email[]; locale: AppLocale; emptyMessage: string; retry?: boolean }) {
  const t = await getTranslations("notifications.admin");
  if (emails.length === 0) return <EmptyState message={emptyMessage} />;
  return (
    <ul className="flex flex-col gap-3" data-testid="email-list">
      {emails.map((email) => (
        <li key={email.id} className="rounded border border-slate-300 bg-white p-4" data-testid="email">
          <DetailList
            className="text-sm"
            items={[
              [t("to"), <span key="to" className="break-all">{email.toAddress}</span>],
              [t("subject"), <span key="subject" className="break-words">{email.subject}</span>],
              [t("status"), t(`statuses.${email.status}`)],
              [t("attempts"), email.attempts],
              [t("createdAt"), <time key="createdAt" dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, locale)}</time>],
              ...(email.lastError ? [[t("lastError"), <span key="lastError" className="break-words">{email.lastError}</span>] as [string, React.ReactNode]] : []),
            ]}
          />
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-semibold text-brand-800">{t("showText")}</summary>
            <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm">{email.text}</pre>
          </details>
          {retry && email.status === "DEAD" && (
            <div className="mt-2">
              <ActionButton action={retryDeadEmailAction} fields={{ id: email.id }} label={t("retry")} variant="primary" />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
