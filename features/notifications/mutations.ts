import "server-only";
import type { PrismaClient, NotificationCategory, NotificationDelivery } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { defaultNotificationDelivery } from "./queries";

// Writes of the recipient on their own notifications and preferences, and the admins' retry of a dead email.

export async function markNotificationRead(actor: Actor, id: string): Promise<void> {
  const { count } = await db.notification.updateMany({ where: { id, recipientId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id, recipientId: actor.userId }, select: { id: true } }))) throw new NotFoundError();
}

export async function markAllNotificationsRead(actor: Actor): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { recipientId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** The audited field of a category's email choice ("placementEmails"…), shown by features/audit/presentation.ts. */
const preferenceField = (category: NotificationCategory) => `${category.toLowerCase()}Emails`;

export async function saveNotificationPreferences(actor: Actor, request: RequestContext, preferences: Record<NotificationCategory, NotificationDelivery>): Promise<void> {
  await db.$transaction(async (tx) => {
    const stored = await tx.notificationPreference.findMany({ where: { userId: actor.userId } });
    const before: Record<string, NotificationDelivery> = {};
    const after: Record<string, NotificationDelivery> = {};
    for (const [category, delivery] of Object.entries(preferences) as [NotificationCategory, NotificationDelivery][]) {
      const previous = stored.find((row) => row.category === category)?.delivery ?? defaultNotificationDelivery;
      if (previous === delivery) continue;
      before[preferenceField(category)] = previous;
      after[preferenceField(category)] = delivery;
      await tx.notificationPreference.upsert({
        where: { userId_category: { userId: actor.userId, category } },
        create: { userId: actor.userId, category, delivery },
        update: { delivery },
      });
    }
    if (Object.keys(after).length > 0) {
      await writeAudit(tx, actor, request, { action: "notificationPreferences.update", entityType: "User", entityId: actor.userId, before, after });
    }
  });
}

/**
 * Sends a dead email again: a new send round, which the worker queues at its next turn (features/notifications/worker.ts
 * requeueStrandedEmails). Audited.
 */
export async function retryDeadEmail(client: PrismaClient, actor: Actor, request: RequestContext, messageId: string): Promise<void> {
  if (!hasPermission(actor, "email:manage")) throw new ForbiddenError();
  await client.$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({ where: { id: messageId, status: "DEAD" }, data: { status: "PENDING", sendRound: { increment: 1 } } });
    if (count === 0) {
      if (!(await tx.emailMessage.findUnique({ where: { id: messageId }, select: { id: true } }))) throw new NotFoundError();
      // Already retried (a second click, or another admin): nothing more to do.
      return;
    }
    await writeAudit(tx, actor, request, { action: "email.retry", entityType: "EmailMessage", entityId: messageId });
  });
}

/** Marks the recipient's notification read and returns where it points; anyone else's is "not found". */
export async function openNotification(actor: Actor, id: string): Promise<string> {
  const notification = await db.notification.findFirst({ where: { id, recipientId: actor.userId }, select: { link: true, readAt: true } });
  if (!notification) throw new NotFoundError();
  if (!notification.readAt) await db.notification.updateMany({ where: { id, recipientId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  // Links are written by the worker and always start with one "/": never somewhere else.
  return notification.link.startsWith("/") && !notification.link.startsWith("//") ? notification.link : "/notifications";
}
