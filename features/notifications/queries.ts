import "server-only";
import { db } from "@/lib/db";
import { hasPermission, type Actor } from "@/lib/authorization";
import { ForbiddenError } from "@/lib/errors";
import type { NotificationCategory, NotificationDelivery } from "@/generated/prisma/client";
import type { NotificationParams } from "./render";

// Reads. A notification is visible to its recipient only: every query filters on the actor's own id. The email outbox
// and the dead letters are for admins (email:manage).

export const notificationPageSize = 20;
export const notificationCategories: NotificationCategory[] = ["PLACEMENT", "SCHEDULE", "REMINDER", "IMPORT"];
export const notificationDeliveries: NotificationDelivery[] = ["IMMEDIATELY", "DAILY_DIGEST", "IN_APP_ONLY"];
/** A category the user never chose is emailed at once. */
export const defaultNotificationDelivery: NotificationDelivery = "IMMEDIATELY";

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { recipientId: actor.userId, readAt: null } });
}

export interface NotificationView {
  id: string;
  kind: string;
  link: string;
  params: NotificationParams;
  createdAt: Date;
  read: boolean;
}

export async function findNotifications(actor: Actor, page: number): Promise<{ items: NotificationView[]; total: number; page: number; pages: number; unread: number }> {
  const where = { recipientId: actor.userId };
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnreadNotifications(actor)]);
  const pages = Math.max(1, Math.ceil(total / notificationPageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * notificationPageSize,
    take: notificationPageSize,
    select: { id: true, kind: true, link: true, params: true, createdAt: true, readAt: true },
  });
  return {
    items: rows.map((row) => ({ id: row.id, kind: row.kind, link: row.link, params: row.params as NotificationParams, createdAt: row.createdAt, read: row.readAt !== null })),
    total,
    page: current,
    pages,
    unread,
  };
}

export async function findNotificationPreferences(actor: Actor): Promise<Record<NotificationCategory, NotificationDelivery>> {
  const rows = await db.notificationPreference.findMany({ where: { userId: actor.userId } });
  const preferences = Object.fromEntries(notificationCategories.map((category) => [category, defaultNotificationDelivery])) as Record<NotificationCategory, NotificationDelivery>;
  for (const row of rows) preferences[row.category] = row.delivery;
  return preferences;
}

export const emailPageSize = 50;

/** The outbox (or only its dead letters), newest first, a page at a time; a page past the end shows the last. */
export async function findOutboxEmails(actor: Actor, options: { deadOnly?: boolean; page?: number } = {}) {
  if (!hasPermission(actor, "email:manage")) throw new ForbiddenError();
  const where = options.deadOnly ? { status: "DEAD" as const } : {};
  const total = await db.emailMessage.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / emailPageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const items = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * emailPageSize,
    take: emailPageSize,
    select: { id: true, toAddress: true, subject: true, text: true, status: true, attempts: true, lastError: true, createdAt: true },
  });
  return { items, total, page, pageCount };
}
