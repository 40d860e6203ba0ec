import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions";
import { renderNotification, type NotificationTranslate } from "../render";
import type { NotificationView } from "../queries";
import { ActionButton } from "./notification-actions";

interface NotificationListProps {
  items: NotificationView[];
  unread: number;
  locale: AppLocale;
}

/** The recipient's notifications, newest first, each with its text, when it came, a link to its record. */
export async function NotificationList({ items, unread, locale }: NotificationListProps) {
  const t = (await getTranslations("notifications")) as unknown as NotificationTranslate;
  if (items.length === 0) return <EmptyState message={t("empty")} />;
  return (
    <div className="flex flex-col gap-4">
      {unread > 0 && <ActionButton action={markAllNotificationsReadAction} fields={{}} label={t("markAllRead")} />}
      <ul className="flex flex-col gap-3" data-testid="notification-list">
        {items.map((item) => {
          const { text, details } = renderNotification(t, locale, item.kind, item.params);
          return (
            <li key={item.id} className={item.read ? "rounded border border-slate-300 bg-white p-4" : "rounded border-l-4 border-brand-700 bg-brand-50 p-4"} data-testid="notification">
              {!item.read && <p className="mb-1 text-xs font-semibold uppercase text-brand-800">{t("unread")}</p>}
              <p className="break-words font-medium text-slate-900">{text}</p>
              {details.map((line) => (
                <p key={line} className="break-words text-sm text-slate-700">
                  {line}
                </p>
              ))}
              <p className="mt-1 text-xs text-slate-700">
                {t("receivedAt")}: <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt, locale)}</time>
              </p>
              <div className="mt-2 flex flex-wrap items-start gap-3">
                {/* A plain link (no prefetch): opening marks the notification read, then goes to its record. */}
                <a href={`/api/notifications/${item.id}/open`} className={buttonClass({ variant: "primary", size: "small" })}>
                  {t("open")}
                </a>
                {!item.read && <ActionButton action={markNotificationReadAction} fields={{ id: item.id }} label={t("markRead")} />}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
