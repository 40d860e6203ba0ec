import type { Prisma } from "@/generated/prisma/client";
import { trilingualNameSelect } from "@/lib/i18n/locales";

// What is read of a schedule item, once, in three widths: the dashboard's next events, the calendar feed, and the
// schedule pages (which also need the scope columns and the host unit).

/** When, where and what: the dashboard's list of next events. */
export const scheduleItemSummarySelect = {
  id: true,
  type: true,
  title: true,
  location: true,
  allDay: true,
  startsAt: true,
  endsAt: true,
} as const satisfies Prisma.ScheduleItemSelect;

const officerNameSelect = { surname: true, givenName: true, otherName: true, jurisdiction: { select: { kind: true } } } as const;

/** An event of the calendar feed: the summary, notes, the version stamp for the event's sequence, and whose it is. */
export const scheduleItemFeedSelect = {
  ...scheduleItemSummarySelect,
  notes: true,
  version: true,
  updatedAt: true,
  placement: { select: { officer: { select: officerNameSelect } } },
} as const satisfies Prisma.ScheduleItemSelect;

/** A schedule entry on the schedule pages: the feed's fields plus the cohort's sides and the placement's host unit. */
export const scheduleItemSelect = {
  ...scheduleItemFeedSelect,
  cohortId: true,
  placementId: true,
  cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } },
  placement: {
    select: {
      officerId: true,
      hostUnitId: true,
      officer: { select: officerNameSelect },
      hostUnit: { select: trilingualNameSelect },
    },
  },
} as const satisfies Prisma.ScheduleItemSelect;
