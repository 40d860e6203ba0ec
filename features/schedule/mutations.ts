import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { ScheduleItemType } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { refuseStaleEdit } from "@/lib/last-change";
import { updateAtVersion, type ChangedFieldLabels } from "@/lib/mutation-support";
import { formTimesFromItem } from "./time";
import { scopeWhere } from "@/lib/scopes";
import { runStatement, sqlBuilder } from "@/lib/kysely";
import { advisoryLock } from "@/lib/sql-fragments";
import { recordEvent } from "@/features/notifications/events";
import { canEditSchedule, type ScheduleTarget } from "./policy";
import type { CreateScheduleItemInput, DeleteScheduleItemInput, RestoreScheduleItemInput, ScheduleItemFields, StandardScheduleInput, UpdateScheduleItemInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** What an audit entry records of an item: everything the user can change, never who else can see it. */
interface AuditedItem {
  cohortId?: string;
  placementId?: string | null;
  type: string;
  title: string;
  location: string | null;
  notes: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
}

function auditedFields(item: AuditedItem) {
  return {
    cohortId: item.cohortId,
    placementId: item.placementId ?? null,
    type: item.type,
    title: item.title,
    location: item.location,
    notes: item.notes,
    allDay: item.allDay,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
  };
}

/** What a notification about an item says of it (the item may be gone when it is read). */
function scheduleEventFields(item: { id: string; title: string; startsAt: Date; allDay: boolean }) {
  return { itemId: item.id, title: item.title, startsAt: item.startsAt.toISOString(), allDay: item.allDay };
}

type ScheduleChange = "Added" | "Moved" | "Removed";

/**
 * The event of one item change: on a placement, that officer's; cohort-wide, one grouped event for the whole cohort
 * (docs/decisions/048), which the worker turns into one notification per person who sees the item.
 */
async function recordItemEvent(tx: Tx, actor: Actor, change: ScheduleChange, item: { id: string; cohortId: string; placementId: string | null; title: string; startsAt: Date; allDay: boolean }) {
  if (item.placementId) {
    await recordEvent(tx, actor.userId, { kind: `schedule.item${change}`, placementId: item.placementId, ...scheduleEventFields(item) });
    return;
  }
  await recordEvent(tx, actor.userId, { kind: `schedule.cohortItem${change}`, cohortId: item.cohortId, ...scheduleEventFields(item) });
}

/** An item's start or end as a stale-edit refusal shows it: the date of an all-day item (its last day), else date and time. */
function shownTime(item: { allDay: boolean; startsAt: Date; endsAt: Date }, end: "start" | "end") {
  if (!item.allDay) return { instant: (end === "start" ? item.startsAt : item.endsAt).toISOString() };
  const times = formTimesFromItem(item);
  return { date: end === "start" ? times.startDate : times.endDate };
}

/** The item's fields as a stale-edit refusal lists them (decision 057), in the form's order. */
const scheduleItemFieldLabels: ChangedFieldLabels<{ type: string; title: string; allDay: boolean; startsAt: Date; endsAt: Date; location: string | null; notes: string | null }> = {
  type: { labelKey: "schedule.form.type", value: (item) => ({ messageKey: `schedule.types.${item.type}` }) },
  title: { labelKey: "schedule.form.title", value: (item) => ({ text: item.title }) },
  allDay: { labelKey: "schedule.form.allDay", value: (item) => ({ messageKey: item.allDay ? "common.yes" : "common.no" }) },
  startsAt: { labelKey: "audit.fields.startsAt", value: (item) => shownTime(item, "start") },
  endsAt: { labelKey: "audit.fields.endsAt", value: (item) => shownTime(item, "end") },
  location: { labelKey: "schedule.form.location", value: (item) => (item.location ? { text: item.location } : null) },
  notes: { labelKey: "schedule.form.notes", value: (item) => (item.notes ? { text: item.notes } : null) },
};

function storedFields(input: ScheduleItemFields) {
  return {
    type: input.type,
    title: input.title,
    location: input.location,
    notes: input.notes,
    allDay: input.allDay,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
  };
}

/**
 * Loads the placement or cohort an item goes to, within the actor's scope, and checks the edit right. Out of scope
 * answers "not found" (a guessed id reveals nothing); in scope without the right answers "forbidden".
 */
async function loadEditableTarget(tx: Tx, actor: Actor, target: { placementId?: string | null; cohortId?: string | null }) {
  if (target.placementId) {
    const placement = await tx.placement.findFirst({
      where: { AND: [{ id: target.placementId }, scopeWhere("schedulePlacement", actor)] },
      select: { id: true, cohortId: true, officerId: true, hostUnitId: true, cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } } },
    });
    if (!placement) throw new NotFoundError();
    if (!canEditSchedule(actor, { cohort: placement.cohort, placement })) throw new ForbiddenError();
    return { cohortId: placement.cohortId, placementId: placement.id };
  }
  const cohort = await tx.cohort.findFirst({
    where: { AND: [{ id: target.cohortId ?? "" }, scopeWhere("cohort", actor)] },
    select: { id: true, sendingJurisdictionId: true, hostJurisdictionId: true },
  });
  if (!cohort) throw new NotFoundError();
  if (!canEditSchedule(actor, { cohort, placement: null })) throw new ForbiddenError();
  return { cohortId: cohort.id, placementId: null };
}

async function loadEditableItem(tx: Tx, actor: Actor, id: string) {
  const item = await tx.scheduleItem.findFirst({
    where: { AND: [{ id }, scopeWhere("scheduleItem", actor)] },
    include: {
      cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } },
      placement: { select: { officerId: true, hostUnitId: true } },
    },
  });
  if (!item) throw new NotFoundError();
  const target: ScheduleTarget = { cohort: item.cohort, placement: item.placement };
  if (!canEditSchedule(actor, target)) throw new ForbiddenError();
  return item;
}

export async function createScheduleItem(actor: Actor, request: RequestContext, input: CreateScheduleItemInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const target = await loadEditableTarget(tx, actor, input);
    const item = await tx.scheduleItem.create({ data: { ...target, ...storedFields(input), createdById: actor.userId } });
    await writeAudit(tx, actor, request, { action: "scheduleItem.create", entityType: "ScheduleItem", entityId: item.id, after: auditedFields(item) });
    await recordItemEvent(tx, actor, "Added", item);
    return { id: item.id };
  });
}

export async function updateScheduleItem(actor: Actor, request: RequestContext, input: UpdateScheduleItemInput): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const before = await loadEditableItem(tx, actor, input.id);
    // The version the user saw must still be current; the condition is re-checked after waiting for a concurrent writer.
    const after = await updateAtVersion(tx, { actor, request }, {
      entityType: "ScheduleItem",
      id: input.id,
      version: input.version,
      readAt: before.updatedAt,
      write: (where, version) => tx.scheduleItem.updateMany({ where, data: { ...storedFields(input), version } }),
      read: () => tx.scheduleItem.findUniqueOrThrow({ where: { id: input.id } }),
      audit: (written) => ({ action: "scheduleItem.update", before: auditedFields(before), after: auditedFields(written) }),
      fieldLabels: scheduleItemFieldLabels,
    });
    await recordItemEvent(tx, actor, "Moved", after);
    return { id: after.id, version: after.version };
  });
}

export async function deleteScheduleItem(actor: Actor, request: RequestContext, input: DeleteScheduleItemInput): Promise<{ id: string; title: string }> {
  return db.$transaction(async (tx) => {
    const before = await loadEditableItem(tx, actor, input.id);
    const { count } = await tx.scheduleItem.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) await refuseStaleEdit(tx, "ScheduleItem", input.id, before.updatedAt);
    // The version goes with the snapshot (hidden in the audit page) so that an undo continues the item's versions.
    await writeAudit(tx, actor, request, { action: "scheduleItem.delete", entityType: "ScheduleItem", entityId: input.id, before: { ...auditedFields(before), version: before.version } });
    await recordItemEvent(tx, actor, "Removed", before);
    return { id: input.id, title: before.title };
  });
}

/** The delete entry's snapshot, as deleteScheduleItem writes it. */
interface DeletedItemSnapshot extends Omit<ReturnType<typeof auditedFields>, "cohortId"> {
  cohortId: string;
  version?: number;
}

/**
 * Undo of a delete (issue 12 §2), offered in the delete's notice. Safe because it brings back exactly what was
 * deleted and nothing else: the same id (so links and notifications that name it work again) with the fields of the
 * newest delete entry of the audit log, one version on from the deleted one. Only the person who deleted it may undo
 * it, only while the item is still gone (a second undo is refused), and only while they may still edit its
 * placement or cohort (scope and right checked again, as for a new item). Audited as scheduleItem.restore.
 */
export async function restoreScheduleItem(actor: Actor, request: RequestContext, input: RestoreScheduleItemInput): Promise<{ id: string; title: string; startsAt: Date; version: number }> {
  return db.$transaction(async (tx) => {
    const deletion = await tx.auditLog.findFirst({
      where: { entityType: "ScheduleItem", entityId: input.id, action: { in: ["scheduleItem.delete", "scheduleItem.deleted"] } },
      orderBy: { id: "desc" },
      select: { actorId: true, before: true },
    });
    // Someone else's delete, or no delete at all: nothing of theirs to undo (and an id reveals nothing).
    if (!deletion || deletion.actorId !== actor.userId || !deletion.before) throw new NotFoundError();
    const snapshot = deletion.before as unknown as DeletedItemSnapshot;
    const target = await loadEditableTarget(tx, actor, { placementId: snapshot.placementId, cohortId: snapshot.cohortId });
    // Locks out a concurrent second undo until this one commits; then it finds the item back and is refused.
    await runStatement(sqlBuilder.selectNoFrom(advisoryLock(`scheduleItem.restore:${input.id}`).as("locked")), tx);
    if (await tx.scheduleItem.findUnique({ where: { id: input.id }, select: { id: true } })) throw new AppError("scheduleItemAlreadyRestored");
    const creation = await tx.auditLog.findFirst({ where: { entityType: "ScheduleItem", entityId: input.id, action: { in: ["scheduleItem.create", "scheduleItem.created"] } }, orderBy: { id: "asc" }, select: { actorId: true } });
    const item = await tx.scheduleItem.create({
      data: {
        id: input.id,
        ...target,
        type: snapshot.type as ScheduleItemType,
        title: snapshot.title,
        location: snapshot.location,
        notes: snapshot.notes,
        allDay: snapshot.allDay,
        startsAt: new Date(snapshot.startsAt),
        endsAt: new Date(snapshot.endsAt),
        version: (snapshot.version ?? 1) + 1,
        createdById: creation?.actorId ?? actor.userId,
      },
    });
    await writeAudit(tx, actor, request, { action: "scheduleItem.restore", entityType: "ScheduleItem", entityId: item.id, after: { ...auditedFields(item), version: item.version } });
    await recordItemEvent(tx, actor, "Added", item);
    return { id: item.id, title: item.title, startsAt: item.startsAt, version: item.version };
  });
}

/** Saves the (adjusted) standard schedule of a placement: all items or none, each audited. */
export async function createStandardSchedule(actor: Actor, request: RequestContext, input: StandardScheduleInput): Promise<{ ids: string[] }> {
  return db.$transaction(async (tx) => {
    const target = await loadEditableTarget(tx, actor, { placementId: input.placementId });
    const ids: string[] = [];
    const created: { startsAt: Date; allDay: boolean }[] = [];
    for (const fields of input.items) {
      const item = await tx.scheduleItem.create({ data: { ...target, ...storedFields(fields), createdById: actor.userId } });
      await writeAudit(tx, actor, request, {
        action: "scheduleItem.create",
        entityType: "ScheduleItem",
        entityId: item.id,
        after: { ...auditedFields(item), source: "standardSchedule" },
      });
      ids.push(item.id);
      created.push(item);
    }
    // One notification for the whole save, not one per item (docs/decisions/048).
    const first = created.reduce((earliest, item) => (item.startsAt < earliest.startsAt ? item : earliest));
    await recordEvent(tx, actor.userId, { kind: "schedule.itemsAdded", placementId: input.placementId, count: created.length, firstStartsAt: first.startsAt.toISOString(), allDay: first.allDay });
    return { ids };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar feed links. The token is shown to its owner once and never stored: only its SHA-256 is, so a database
// reader cannot subscribe as anyone. Replacing the hash revokes the previous link in the same statement.

/** 256 random bits, URL-safe (43 characters). */
export function generateCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Makes a new link; `replaced` says whether it revoked one (the notice warns that the old link stopped working). */
export async function regenerateCalendarToken(actor: Actor, request: RequestContext): Promise<{ token: string; replaced: boolean }> {
  if (!hasPermission(actor, "calendarFeed:manage")) throw new ForbiddenError();
  const token = generateCalendarToken();
  const replaced = await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { calendarTokenHash: true } });
    await tx.user.update({ where: { id: actor.userId }, data: { calendarTokenHash: hashCalendarToken(token) } });
    await writeAudit(tx, actor, request, {
      action: "calendarFeed.regenerateLink",
      entityType: "User",
      entityId: actor.userId,
      before: { calendarFeedLink: before.calendarTokenHash ? "active" : "none" },
      after: { calendarFeedLink: before.calendarTokenHash ? "replaced" : "created" },
    });
    return before.calendarTokenHash !== null;
  });
  return { token, replaced };
}

export async function revokeCalendarToken(actor: Actor, request: RequestContext): Promise<void> {
  if (!hasPermission(actor, "calendarFeed:manage")) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.userId, calendarTokenHash: { not: null } }, data: { calendarTokenHash: null } });
    if (count === 0) return;
    await writeAudit(tx, actor, request, {
      action: "calendarFeed.revokeLink",
      entityType: "User",
      entityId: actor.userId,
      before: { calendarFeedLink: "active" },
      after: { calendarFeedLink: "none" },
    });
  });
}
