import "server-only";
import type { PlacementStatus, ScheduleItemType } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { addDays } from "@/lib/dates";
import { scopeWhere } from "@/lib/scopes";
import type { TrilingualName } from "@/lib/i18n/locales";
import { scheduleItemSummarySelect } from "@/features/schedule/item-select";

export interface OfficerPlacementCard {
  id: string;
  cohortName: TrilingualName;
  hostUnitName: TrilingualName | null;
  fieldName: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** The officer's own placements, newest first; scoped by the officer id on the session, never by a parameter. */
export async function findOwnPlacements(actor: Actor): Promise<OfficerPlacementCard[]> {
  if (!actor.officerId) return [];
  const placements = await db.placement.findMany({
    where: { officerId: actor.officerId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    include: { cohort: true, hostUnit: true, field: true },
  });
  return placements.map((placement) => ({
    id: placement.id,
    cohortName: placement.cohort,
    hostUnitName: placement.hostUnit,
    fieldName: placement.field,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}

export interface OfficerEvent {
  id: string;
  title: string;
  type: ScheduleItemType;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
}

/** The next items of the officer's own schedule: those of their placements and their cohorts' cohort-wide ones. */
export async function findOfficerNextEvents(actor: Actor, options: { now?: Date; take?: number } = {}): Promise<OfficerEvent[]> {
  if (!actor.officerId) return [];
  const now = options.now ?? new Date();
  // Of the items the officer may read, those of placements not yet over (with a day's grace) and of their cohorts.
  const current = { officerId: actor.officerId, endDate: { gte: addDays(now, -1) } };
  return db.scheduleItem.findMany({
    where: {
      AND: [
        scopeWhere("scheduleItem", actor),
        { endsAt: { gte: now } },
        { OR: [{ placement: current }, { placementId: null, cohort: { placements: { some: { ...current, status: { not: "WITHDRAWN" } } } } }] },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: options.take ?? 5,
    select: scheduleItemSummarySelect,
  });
}
