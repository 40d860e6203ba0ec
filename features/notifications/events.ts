import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// The transactional outbox (docs/decisions/067): a change calls recordEvent with its own transaction client, so the
// event exists exactly when the change does. Who hears of it is decided later, by the worker (./fan-out.ts).

type OutboxClient = Pick<Prisma.TransactionClient, "notificationEvent">;

export type MaterialChange = "hostUnit" | "dates" | "post";

export type NotificationEventInput =
  | { kind: "placement.nominated"; placementId: string }
  | { kind: "placement.assigned"; placementId: string }
  | { kind: "placement.approved"; placementId: string; side: "sending" | "host" }
  | { kind: "placement.confirmed"; placementId: string }
  | { kind: "placement.approvalsCleared"; placementId: string; clearedSides: ("sending" | "host")[]; changes: MaterialChange[] }
  | { kind: "placement.withdrawn"; placementId: string; reason: string }
  | { kind: "placement.approvalRevoked"; placementId: string; side: "sending" | "host" }
  | { kind: "schedule.itemAdded" | "schedule.itemMoved" | "schedule.itemRemoved"; placementId: string; itemId: string; title: string; startsAt: string; allDay: boolean }
  // Grouped (decision 048): one event per save, however many items it wrote or officers it reaches.
  | { kind: "schedule.itemsAdded"; placementId: string; count: number; firstStartsAt: string; allDay: boolean }
  | { kind: "schedule.cohortItemAdded" | "schedule.cohortItemMoved" | "schedule.cohortItemRemoved"; cohortId: string; itemId: string; title: string; startsAt: string; allDay: boolean }
  | { kind: "import.finished"; importId: string; created: number; updated: number }
  | { kind: "reminder.nominationDeadline"; cohortId: string; days: number; deadline: string }
  | { kind: "reminder.approvalWaiting"; placementId: string; side: "sending" | "host"; workingDays: number }
  | { kind: "reminder.arrival"; placementId: string; startDate: string }
  | { kind: "reminder.ending"; placementId: string; endDate: string }
  // reports2 (issue 15): the officer's report, by the kind of report (mid-term / final).
  | { kind: "placement.reportSubmitted" | "placement.reportReturned" | "placement.reportAccepted"; placementId: string; reportKind: "MID_TERM" | "FINAL" }
  | { kind: "reminder.reportDue" | "reminder.reportOverdue"; placementId: string; reportKind: "MID_TERM" | "FINAL"; dueOn: string }
  // ---- documents ----
  | { kind: "reminder.documentExpiring"; placementId: string; documentId: string; document: { nameEn: string; nameZhHant: string; nameZhHans: string }; expiresOn: string };

export type NotificationEventKind = NotificationEventInput["kind"];

function entityOf(event: NotificationEventInput): { entityType: string; entityId: string } {
  if ("placementId" in event) return { entityType: "Placement", entityId: event.placementId };
  if ("cohortId" in event) return { entityType: "Cohort", entityId: event.cohortId };
  return { entityType: "OfficerImport", entityId: event.importId };
}

/** The set form of recordEvent, for a change of many records at once (accepting a matching run): one INSERT. */
export async function recordEvents(tx: OutboxClient, actorId: string | null, events: NotificationEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.notificationEvent.createMany({
    data: events.map(({ kind, ...payload }) => ({ kind, ...entityOf({ kind, ...payload } as NotificationEventInput), actorId, payload: payload as Prisma.InputJsonValue })),
  });
}

/** Call inside the transaction of the change the event reports. Returns the event's id. */
export async function recordEvent(tx: OutboxClient, actorId: string | null, event: NotificationEventInput, options: { id?: string } = {}): Promise<string> {
  const { kind, ...payload } = event;
  const row = await tx.notificationEvent.create({
    data: { id: options.id, kind, ...entityOf(event), actorId, payload: payload as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}
