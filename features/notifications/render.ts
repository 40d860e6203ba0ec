// use-intl/core (next-intl's own core): no React, so the worker, which runs under the react-server condition, can use it.
import { createTranslator } from "use-intl/core";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { localizedName, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import type { MaterialChange, NotificationEventKind } from "./events";

// A notification keeps its kind and the facts it needs (params); its text is made in the reader's language when it
// is read (the bell, /notifications) or when its email is written. One function makes it for both.

export interface NotificationParams {
  officer?: string;
  /** Present only for recipients who may see it (features/notifications/recipients.ts staffNumberFor). */
  staffNumber?: string;
  cohort?: TrilingualName;
  hostUnit?: TrilingualName | null;
  side?: "sending" | "host";
  reason?: string;
  changes?: MaterialChange[];
  title?: string;
  /** An instant (ISO) for timed schedule items, a date (YYYY-MM-DD) otherwise. */
  when?: string;
  allDay?: boolean;
  days?: number;
  date?: string;
  created?: number;
  updated?: number;
  /** How many items one save wrote (grouped schedule notifications, decision 048). */
  count?: number;
  /** The name of the person who made the change, where the sentence names them. */
  actor?: string;
  /** reports2: which report an event is about. */
  reportKind?: "MID_TERM" | "FINAL";
  /** A checklist item's name (reminder.documentExpiring). */
  document?: TrilingualName;
}

/** Translator over the "notifications" namespace, in Next (getTranslations) or outside it (createTranslator). */
export type NotificationTranslate = (key: string, values?: Record<string, string | number>) => string;

export function notificationTranslator(locale: AppLocale, messages: Record<string, unknown>): NotificationTranslate {
  return createTranslator({ locale, messages, namespace: "notifications" } as never) as unknown as NotificationTranslate;
}

function dateOnly(text: string): Date {
  return new Date(`${text.slice(0, 10)}T00:00:00Z`);
}

export interface RenderedNotification {
  /** One sentence: what happened. */
  text: string;
  /** Further lines: the reason, the changes, the staff number where the reader may see it. */
  details: string[];
}

export function renderNotification(t: NotificationTranslate, locale: AppLocale, kind: string, params: NotificationParams): RenderedNotification {
  const values: Record<string, string | number> = {
    officer: params.officer ?? "",
    cohort: params.cohort ? localizedName(params.cohort, locale) : "",
    hostUnit: params.hostUnit ? localizedName(params.hostUnit, locale) : t("noHostUnit"),
    side: params.side ? t(`sides.${params.side}`) : "",
    title: params.title ?? "",
    days: params.days ?? 0,
    date: params.date ? formatCalendarDate(dateOnly(params.date), locale) : "",
    when: params.when ? (params.allDay || params.when.length === 10 ? formatCalendarDate(dateOnly(params.when), locale) : formatDateTime(new Date(params.when), locale)) : "",
    created: params.created ?? 0,
    updated: params.updated ?? 0,
    count: params.count ?? 0,
    actor: params.actor || t("someone"),
    report: params.reportKind ? t(`reportKinds.${params.reportKind}`) : "",
    document: params.document ? localizedName(params.document, locale) : "",
  };
  const known = knownKinds.has(kind as NotificationEventKind);
  const text = known ? t(`kinds.${kind}`, values) : t("unknownKind");
  const details: string[] = [];
  if (params.changes?.length) details.push(t("details.changes", { changes: params.changes.map((change) => t(`changes.${change}`)).join(t("listSeparator")) }));
  if (params.reason) details.push(t("details.reason", { reason: params.reason }));
  if (params.staffNumber) details.push(t("details.staffNumber", { staffNumber: params.staffNumber }));
  return { text, details };
}

export const knownKinds = new Set<NotificationEventKind>([
  "placement.nominated",
  "placement.assigned",
  "placement.approved",
  "placement.confirmed",
  "placement.approvalsCleared",
  "placement.withdrawn",
  "placement.approvalRevoked",
  "schedule.itemAdded",
  "schedule.itemMoved",
  "schedule.itemRemoved",
  "schedule.itemsAdded",
  "schedule.cohortItemAdded",
  "schedule.cohortItemMoved",
  "schedule.cohortItemRemoved",
  "import.finished",
  "reminder.nominationDeadline",
  "reminder.approvalWaiting",
  "reminder.arrival",
  "reminder.ending",
  "placement.reportSubmitted",
  "placement.reportReturned",
  "placement.reportAccepted",
  "reminder.reportDue",
  "reminder.reportOverdue",
  "reminder.documentExpiring",
]);
