import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { holidaySideOf } from "@/features/schedule/holidays";
import { loadHolidayCalendarFrom } from "@/features/schedule/holiday-calendar";
import { recordEvent, type NotificationEventInput } from "./events";
import { runQuery, runStatement, sqlBuilder } from "@/lib/kysely";

// Date-triggered reminders, in Hong Kong time. The scan takes `now` (tests fix the clock) and may run any number of
// times, on any number of instances: each occasion has a key, and ReminderSent's primary key lets it through once.

/** Reminders go this many days before a cohort's nomination deadline. */
export const nominationDeadlineReminderDays = [7, 2] as const;
export const arrivalReminderDays = 7;
export const endingReminderDays = 14;
/** An approval is overdue once it has waited more than this many working days of the waiting side. */
export const approvalWaitingWorkingDays = 2;

export interface Occasion {
  key: string;
  event: NotificationEventInput;
}

/** Records the occasion's event unless an earlier scan did. Returns whether it was recorded now. */
export async function recordOnce(client: PrismaClient, occasion: Occasion): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const eventId = randomUUID();
    // ReminderSent's reference to the event is checked at commit (DEFERRABLE), so the claim can come first: a second
    // scan waits here on the key, then inserts nothing.
    const claimed = await runStatement(
      sqlBuilder.insertInto("ReminderSent").values({ occasionKey: occasion.key, eventId }).onConflict((conflict) => conflict.doNothing()),
      tx,
    );
    if (claimed === 0) return false;
    await recordEvent(tx, null, occasion.event, { id: eventId });
    return true;
  });
}

async function nominationDeadlineOccasions(client: PrismaClient, today: string): Promise<Occasion[]> {
  const occasions: Occasion[] = [];
  for (const days of nominationDeadlineReminderDays) {
    const deadline = addDays(today, days);
    const cohorts = await client.cohort.findMany({ where: { nominationDeadline: parseDateOnly(deadline), status: { not: "COMPLETED" } }, select: { id: true } });
    for (const cohort of cohorts) {
      occasions.push({ key: `nominationDeadline:${cohort.id}:${deadline}:${days}`, event: { kind: "reminder.nominationDeadline", cohortId: cohort.id, days, deadline } });
    }
  }
  return occasions;
}

async function confirmedPlacementOccasions(client: PrismaClient, today: string): Promise<Occasion[]> {
  const arrivalDate = addDays(today, arrivalReminderDays);
  const endingDate = addDays(today, endingReminderDays);
  const [arriving, ending] = await Promise.all([
    client.placement.findMany({ where: { status: "CONFIRMED", startDate: parseDateOnly(arrivalDate) }, select: { id: true } }),
    client.placement.findMany({ where: { status: "CONFIRMED", endDate: parseDateOnly(endingDate) }, select: { id: true } }),
  ]);
  return [
    ...arriving.map((placement) => ({ key: `arrival:${placement.id}:${arrivalDate}`, event: { kind: "reminder.arrival" as const, placementId: placement.id, startDate: arrivalDate } })),
    ...ending.map((placement) => ({ key: `ending:${placement.id}:${endingDate}`, event: { kind: "reminder.ending" as const, placementId: placement.id, endDate: endingDate } })),
  ];
}

/**
 * Assigned placements still waiting for a side's approval. The wait starts at the assignment (or the change that
 * cleared the approvals), read from the audit log; working days are the waiting side's, after that day up to today.
 */
async function approvalWaitingOccasions(client: PrismaClient, today: string): Promise<Occasion[]> {
  const holidayCalendar = await loadHolidayCalendarFrom(client);
  const placements = await client.placement.findMany({
    where: { status: "ASSIGNED", OR: [{ sendingApprovedAt: null }, { hostApprovedAt: null }], cohort: { status: { not: "COMPLETED" } } },
    select: {
      id: true,
      sendingApprovedAt: true,
      hostApprovedAt: true,
      cohort: { select: { sendingJurisdiction: { select: { kind: true } }, hostJurisdiction: { select: { kind: true } } } },
    },
  });
  if (placements.length === 0) return [];
  const starts = await client.auditLog.groupBy({
    by: ["entityId"],
    where: { entityType: "Placement", entityId: { in: placements.map((placement) => placement.id) }, action: { in: ["placement.assign", "placement.update.approvalsReset"] } },
    _max: { createdAt: true },
  });
  const startOf = new Map(starts.map((row) => [row.entityId, row._max.createdAt]));
  const occasions: Occasion[] = [];
  for (const placement of placements) {
    const since = startOf.get(placement.id);
    if (!since) continue;
    const sinceDate = todayInHongKong(since);
    for (const side of ["sending", "host"] as const) {
      if ((side === "sending" ? placement.sendingApprovedAt : placement.hostApprovedAt) !== null) continue;
      const jurisdiction = side === "sending" ? placement.cohort.sendingJurisdiction : placement.cohort.hostJurisdiction;
      const waited = holidayCalendar.countWorkingDays(holidaySideOf(jurisdiction), addDays(sinceDate, 1), today);
      if (waited <= approvalWaitingWorkingDays) continue;
      occasions.push({
        key: `approvalWaiting:${placement.id}:${side}:${since.toISOString()}`,
        event: { kind: "reminder.approvalWaiting", placementId: placement.id, side, workingDays: waited },
      });
    }
  }
  return occasions;
}

// ---- documents ----
/**
 * A confirmed placement's document that expires before the placement's last day, while the placement has not ended:
 * once per document and expiry date (a renewal with a date still too early is a new occasion).
 */
async function documentExpiringOccasions(client: PrismaClient, today: string): Promise<Occasion[]> {
  const rows = await runQuery(
    sqlBuilder
      .selectFrom("PlacementDocument as d")
      .innerJoin("Placement as p", "p.id", "d.placementId")
      .innerJoin("DocumentTemplateItem as i", "i.id", "d.templateItemId")
      .select(["d.id", "d.placementId", "d.expiresOn", "i.labelEn", "i.labelZhHant", "i.labelZhHans"])
      .where("p.status", "=", "CONFIRMED")
      .where("p.endDate", ">=", parseDateOnly(today))
      .where("d.expiresOn", "is not", null)
      .whereRef("d.expiresOn", "<", "p.endDate"),
    client,
  );
  return rows.map((row) => {
    const expiresOn = formatDateOnly(row.expiresOn!);
    return {
      key: `documentExpiring:${row.id}:${expiresOn}`,
      event: {
        kind: "reminder.documentExpiring" as const,
        placementId: row.placementId,
        documentId: row.id,
        document: { nameEn: row.labelEn, nameZhHant: row.labelZhHant, nameZhHans: row.labelZhHans },
        expiresOn,
      },
    };
  });
}

/** Records every reminder due at `now` that no earlier scan recorded. Returns how many were recorded now. */
export async function scanReminders(client: PrismaClient, now: Date): Promise<number> {
  const today = todayInHongKong(now);
  const occasions = [
    ...(await nominationDeadlineOccasions(client, today)),
    ...(await confirmedPlacementOccasions(client, today)),
    ...(await approvalWaitingOccasions(client, today)),
    ...(await documentExpiringOccasions(client, today)),
  ];
  let recorded = 0;
  for (const occasion of occasions) if (await recordOnce(client, occasion)) recorded++;
  return recorded;
}
