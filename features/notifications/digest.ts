import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { hongKongParts, todayInHongKong } from "@/lib/dates";
import { holidaySideOf, type HolidayCalendar, type Side } from "@/features/schedule/holidays";
import { loadHolidayCalendarFrom } from "@/features/schedule/holiday-calendar";
import { composeEmail, type MailSettings } from "./email";
import type { NotificationParams } from "./render";
import { runQuery, sqlBuilder } from "@/lib/kysely";

// The daily digest: at 08:30 Hong Kong time, on a working day of the user's side, one email gathers the notifications
// the user chose to receive that way. One digest per user and day (its idempotency key), however often it runs.

export const digestTime = "08:30";

/** A user's side for working days: their jurisdiction's; admins, who belong to neither, follow Hong Kong's. */
function sideOf(user: { jurisdiction: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" } | null }): Side {
  return user.jurisdiction ? holidaySideOf(user.jurisdiction) : "HK";
}

/** Writes the day's digests due at `now`; returns the ids of the emails to send. */
export async function writeDailyDigests(client: PrismaClient, mail: MailSettings, now: Date): Promise<string[]> {
  if (hongKongParts(now).time < digestTime) return [];
  const today = todayInHongKong(now);
  const waiting = await client.notification.groupBy({ by: ["recipientId"], where: { pendingDigest: true } });
  const emailIds: string[] = [];
  const holidayCalendar = await loadHolidayCalendarFrom(client);
  for (const { recipientId } of waiting) {
    const id = await client.$transaction(async (tx) => writeDigest(tx, mail, holidayCalendar, recipientId, today));
    if (id) emailIds.push(id);
  }
  return emailIds;
}

async function writeDigest(tx: Prisma.TransactionClient, mail: MailSettings, holidayCalendar: HolidayCalendar, userId: string, today: string): Promise<string | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, active: true, jurisdiction: { select: { kind: true } } },
  });
  if (!user || !user.active || !holidayCalendar.isWorkingDay(sideOf(user), today)) return null;
  // Locks the user's waiting notifications, so a second worker doing the same waits, then finds none.
  const rows = await runQuery(
    sqlBuilder
      .selectFrom("Notification")
      .select(["id", "kind", "link", "params"])
      .where("recipientId", "=", userId)
      .where("pendingDigest", "=", true)
      .orderBy("createdAt")
      .orderBy("id")
      .forUpdate(),
    tx,
  );
  // params is the JSON that recordEvent's fan-out wrote for this kind (fan-out.ts); the column itself is untyped JSON.
  const items = rows.map((row) => ({ ...row, params: row.params as NotificationParams }));
  if (items.length === 0) return null;
  const email = composeEmail(mail, { actor: user, locale: user.locale }, items, { digest: true });
  const [created] = await tx.emailMessage.createManyAndReturn({
    data: [{ idempotencyKey: `digest:${userId}:${today}`, recipientId: userId, ...email, status: mail.enabled ? "PENDING" : "KEPT" }],
    skipDuplicates: true,
    select: { id: true, status: true },
  });
  // Already sent today (a second run after new notifications arrived): they wait for the next working day's digest.
  if (!created) return null;
  await tx.notification.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { pendingDigest: false } });
  return created.status === "PENDING" ? created.id : null;
}
