import "server-only";
import type { Prisma, PrismaClient, NotificationCategory, NotificationDelivery } from "@/generated/prisma/client";
import { formatOfficerName } from "@/features/officers/names";
import { trilingualNameSelect } from "@/lib/i18n/locales";
import type { NotificationEventInput } from "./events";
import { composeEmail, type MailSettings } from "./email";
import { cohortScheduleRecipients, cohortSendingCoordinators, placementRecipients, staffNumberFor, startingUser, type Audience, type PlacementContext, type Recipient } from "./recipients";
import type { NotificationParams } from "./render";
import { defaultNotificationDelivery } from "./queries";
import { runQuery, sqlBuilder } from "@/lib/kysely";

// The worker's first step: turn outbox events into one notification per recipient, and an email per recipient who
// wants it at once. Claimed with FOR UPDATE SKIP LOCKED, so any number of workers may run this against one database;
// the unique keys (event, recipient) and (event, recipient, channel) make a repeated run write nothing twice.

type Tx = Prisma.TransactionClient;

const batchSize = 50;

export const categoryOf = (kind: string): NotificationCategory =>
  kind.startsWith("placement.") ? "PLACEMENT" : kind.startsWith("schedule.") ? "SCHEDULE" : kind.startsWith("import.") ? "IMPORT" : "REMINDER";

const placementSelect = {
  id: true,
  officerId: true,
  hostUnitId: true,
  startDate: true,
  endDate: true,
  officer: { select: { surname: true, givenName: true, otherName: true, staffNumber: true, jurisdiction: { select: { kind: true } } } },
  cohort: { select: { id: true, sendingJurisdictionId: true, hostJurisdictionId: true, ...trilingualNameSelect } },
  hostUnit: { select: trilingualNameSelect },
} as const;

type LoadedPlacement = Prisma.PlacementGetPayload<{ select: typeof placementSelect }>;

/** Who hears of a placement event (issue 13 "Events and who hears of them"). */
function placementAudiences(event: NotificationEventInput): Audience[] {
  switch (event.kind) {
    case "placement.nominated":
      return ["hostCoordinators"];
    case "placement.assigned":
      return ["sendingCoordinators"];
    case "placement.approved":
    case "placement.approvalRevoked":
      return [event.side === "sending" ? "hostCoordinators" : "sendingCoordinators"];
    case "placement.confirmed":
    case "placement.withdrawn":
      return ["officer", "sendingCoordinators", "hostCoordinators", "supervisors"];
    case "placement.approvalsCleared":
      return event.clearedSides.map((side) => (side === "sending" ? "sendingCoordinators" : "hostCoordinators"));
    case "schedule.itemAdded":
    case "schedule.itemMoved":
    case "schedule.itemRemoved":
    case "schedule.itemsAdded":
      return ["officer", "supervisors"];
    case "reminder.approvalWaiting":
      return [event.side === "sending" ? "sendingCoordinators" : "hostCoordinators"];
    case "reminder.arrival":
      return ["officer", "supervisors"];
    case "reminder.ending":
      return ["sendingCoordinators", "hostCoordinators"];
    case "placement.reportSubmitted":
      return ["sendingCoordinators"];
    case "placement.reportReturned":
    case "placement.reportAccepted":
    case "reminder.reportDue":
      return ["officer"];
    case "reminder.reportOverdue":
    // The expiry date is a document detail: the sending side's and the officer's (docs/decisions/096).
    case "reminder.documentExpiring":
      return ["officer", "sendingCoordinators"];
    default:
      return [];
  }
}

interface Delivery {
  recipient: Recipient;
  link: string;
  params: NotificationParams;
}

function placementParams(event: NotificationEventInput, placement: LoadedPlacement): NotificationParams {
  const params: NotificationParams = {
    officer: formatOfficerName(placement.officer),
    cohort: { nameEn: placement.cohort.nameEn, nameZhHant: placement.cohort.nameZhHant, nameZhHans: placement.cohort.nameZhHans },
    hostUnit: placement.hostUnit,
  };
  switch (event.kind) {
    case "placement.approved":
    case "placement.approvalRevoked":
      return { ...params, side: event.side };
    case "placement.approvalsCleared":
      return { ...params, changes: event.changes };
    case "placement.withdrawn":
      return { ...params, reason: event.reason };
    case "schedule.itemAdded":
    case "schedule.itemMoved":
    case "schedule.itemRemoved":
      return { ...params, title: event.title, when: event.startsAt, allDay: event.allDay };
    case "schedule.itemsAdded":
      return { ...params, count: event.count, when: event.firstStartsAt, allDay: event.allDay };
    case "reminder.approvalWaiting":
      return { ...params, days: event.workingDays };
    case "reminder.arrival":
      return { ...params, date: event.startDate };
    case "reminder.ending":
      return { ...params, date: event.endDate };
    case "placement.reportSubmitted":
    case "placement.reportReturned":
    case "placement.reportAccepted":
      return { ...params, reportKind: event.reportKind };
    case "reminder.reportDue":
    case "reminder.reportOverdue":
      return { ...params, reportKind: event.reportKind, date: event.dueOn };
    case "reminder.documentExpiring":
      return { ...params, date: event.expiresOn, document: event.document };
    default:
      return params;
  }
}

type CohortScheduleEvent = Extract<NotificationEventInput, { kind: "schedule.cohortItemAdded" | "schedule.cohortItemMoved" | "schedule.cohortItemRemoved" }>;

const isCohortScheduleEvent = (event: NotificationEventInput): event is CohortScheduleEvent =>
  event.kind === "schedule.cohortItemAdded" || event.kind === "schedule.cohortItemMoved" || event.kind === "schedule.cohortItemRemoved";

/** Grouped schedule sentences name who made the change (decision 048); a user since removed is "someone". */
async function actorNameOf(tx: Tx, actorId: string | null): Promise<string | undefined> {
  if (!actorId) return undefined;
  return (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name;
}

/** One notification per person who sees the cohort's schedule, however many placements they are linked to. */
async function cohortScheduleDeliveries(tx: Tx, actorId: string | null, event: CohortScheduleEvent): Promise<Delivery[]> {
  const cohort = await tx.cohort.findUnique({
    where: { id: event.cohortId },
    select: {
      id: true,
      sendingJurisdictionId: true,
      hostJurisdictionId: true,
      ...trilingualNameSelect,
      placements: { where: { status: { not: "WITHDRAWN" } }, select: { id: true, officerId: true, hostUnitId: true } },
    },
  });
  if (!cohort) return [];
  const recipients = await cohortScheduleRecipients(tx, cohort, cohort.placements, actorId);
  const params: NotificationParams = {
    cohort: { nameEn: cohort.nameEn, nameZhHant: cohort.nameZhHant, nameZhHans: cohort.nameZhHans },
    title: event.title,
    when: event.startsAt,
    allDay: event.allDay,
    actor: await actorNameOf(tx, actorId),
  };
  return recipients.map(({ recipient, placementId }) => ({ recipient, link: `/schedule/placements/${placementId}`, params }));
}

async function deliveriesFor(tx: Tx, actorId: string | null, event: NotificationEventInput): Promise<Delivery[]> {
  if (isCohortScheduleEvent(event)) return cohortScheduleDeliveries(tx, actorId, event);
  if (event.kind === "import.finished") {
    const recipients = await startingUser(tx, actorId);
    return recipients.map((recipient) => ({ recipient, link: "/officers", params: { created: event.created, updated: event.updated } }));
  }
  if (event.kind === "reminder.nominationDeadline") {
    const cohort = await tx.cohort.findUnique({ where: { id: event.cohortId }, select: { id: true, sendingJurisdictionId: true, hostJurisdictionId: true, ...trilingualNameSelect } });
    if (!cohort) return [];
    const recipients = await cohortSendingCoordinators(tx, cohort);
    const params: NotificationParams = { cohort: { nameEn: cohort.nameEn, nameZhHant: cohort.nameZhHant, nameZhHans: cohort.nameZhHans }, days: event.days, date: event.deadline };
    return recipients.map((recipient) => ({ recipient, link: `/cohorts/${cohort.id}`, params }));
  }
  const placement = await tx.placement.findUnique({ where: { id: event.placementId }, select: placementSelect });
  if (!placement) return [];
  const context: PlacementContext = { id: placement.id, officerId: placement.officerId, hostUnitId: placement.hostUnitId, cohort: placement.cohort };
  // Reminders have no author; everything else is not reported back to the person who did it.
  const except = event.kind.startsWith("reminder.") ? null : actorId;
  const recipients = await placementRecipients(tx, context, placementAudiences(event), except);
  const params = event.kind === "schedule.itemsAdded" ? { ...placementParams(event, placement), actor: await actorNameOf(tx, actorId) } : placementParams(event, placement);
  const link = event.kind.startsWith("schedule.")
    ? `/schedule/placements/${placement.id}`
    : event.kind.startsWith("placement.report") || event.kind.startsWith("reminder.report")
      ? `/placements/${placement.id}/reports`
      : event.kind === "reminder.documentExpiring"
        ? `/placements/${placement.id}/documents`
        : `/placements/${placement.id}`;
  return recipients.map((recipient) => {
    const staffNumber = staffNumberFor(recipient, context, placement.officer.staffNumber);
    return { recipient, link, params: staffNumber ? { ...params, staffNumber } : params };
  });
}

async function preferencesOf(tx: Tx, userIds: string[], category: NotificationCategory): Promise<Map<string, NotificationDelivery>> {
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: userIds }, category }, select: { userId: true, delivery: true } });
  return new Map(rows.map((row) => [row.userId, row.delivery]));
}

export interface FanOutResult {
  events: number;
  notifications: number;
  /** Emails written with status PENDING, to be queued for sending. */
  emailIds: string[];
}

/** Processes up to one batch of unprocessed events; call until `events` is 0 to drain the outbox. */
export async function fanOutPendingEvents(client: PrismaClient, mail: MailSettings): Promise<FanOutResult> {
  return client.$transaction(
    async (tx) => {
      const claimed = await runQuery(
        sqlBuilder.selectFrom("NotificationEvent").select("id").where("processedAt", "is", null).orderBy("createdAt").orderBy("id").limit(batchSize).forUpdate().skipLocked(),
        tx,
      );
      const result: FanOutResult = { events: claimed.length, notifications: 0, emailIds: [] };
      if (claimed.length === 0) return result;
      const events = await tx.notificationEvent.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      for (const row of events) {
        const event = { kind: row.kind, ...(row.payload as object) } as NotificationEventInput;
        const category = categoryOf(row.kind);
        const deliveries = (await deliveriesFor(tx, row.actorId, event)).filter((delivery) => delivery.recipient.active);
        const preferences = await preferencesOf(tx, deliveries.map((delivery) => delivery.recipient.actor.userId), category);
        const written = await tx.notification.createMany({
          data: deliveries.map(({ recipient, link, params }) => ({
            eventId: row.id,
            recipientId: recipient.actor.userId,
            category,
            kind: row.kind,
            link,
            params: params as Prisma.InputJsonValue,
            pendingDigest: preferences.get(recipient.actor.userId) === "DAILY_DIGEST",
            createdAt: row.createdAt,
          })),
          skipDuplicates: true,
        });
        result.notifications += written.count;
        for (const delivery of deliveries) {
          if ((preferences.get(delivery.recipient.actor.userId) ?? defaultNotificationDelivery) !== "IMMEDIATELY") continue;
          const email = composeEmail(mail, delivery.recipient, [{ kind: row.kind, link: delivery.link, params: delivery.params }]);
          const created = await tx.emailMessage.createManyAndReturn({
            data: [{ idempotencyKey: `${row.id}:${delivery.recipient.actor.userId}:email`, recipientId: delivery.recipient.actor.userId, ...email, status: mail.enabled ? "PENDING" : "KEPT" }],
            skipDuplicates: true,
            select: { id: true, status: true },
          });
          for (const message of created) if (message.status === "PENDING") result.emailIds.push(message.id);
        }
        await tx.notificationEvent.update({ where: { id: row.id }, data: { processedAt: new Date() } });
      }
      return result;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
