"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { hongKongParts, parseDateOnly } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import {
  createScheduleItem,
  createStandardSchedule,
  deleteScheduleItem,
  regenerateCalendarToken,
  restoreScheduleItem,
  revokeCalendarToken,
  updateScheduleItem,
} from "./mutations";
import { createScheduleItemSchema, deleteScheduleItemSchema, emptySchema, restoreScheduleItemSchema, standardScheduleSchema, updateScheduleItemSchema } from "./schemas";

// Role-level gates only: every mutation loads the item's placement or cohort in the actor's scope and checks the
// record-level right there (a cohort-wide item needs schedule:editCohort, a placement's item schedule:editPlacement;
// every role holding the first also holds the second).

export const createScheduleItemAction = defineAction({
  name: "schedule.createItem",
  schema: createScheduleItemSchema,
  permission: "schedule:editPlacement",
  run: async (input, { user, request }) => {
    const result = await createScheduleItem(user, request, input);
    revalidatePath("/schedule", "layout");
    return { ...result, title: input.title, startDate: input.startDate };
  },
  notice: (item, { t, locale }) => t("notices.scheduleItemCreated", { title: item.title, date: formatCalendarDate(parseDateOnly(item.startDate), locale) }),
});

export const updateScheduleItemAction = defineAction({
  name: "schedule.updateItem",
  schema: updateScheduleItemSchema,
  permission: "schedule:editPlacement",
  run: async (input, { user, request }) => {
    const result = await updateScheduleItem(user, request, input);
    revalidatePath("/schedule", "layout");
    return { ...result, title: input.title, startDate: input.startDate };
  },
  notice: (item, { t, locale }) => t("notices.scheduleItemSaved", { title: item.title, date: formatCalendarDate(parseDateOnly(item.startDate), locale) }),
});

export const deleteScheduleItemAction = defineAction({
  name: "schedule.deleteItem",
  schema: deleteScheduleItemSchema,
  permission: "schedule:editPlacement",
  run: async (input, { user, request }) => {
    const result = await deleteScheduleItem(user, request, input);
    revalidatePath("/schedule", "layout");
    return result;
  },
  notice: (item, { t }) => t("notices.scheduleItemDeleted", { title: item.title }),
});

/** "Undo" in the delete's notice: brings the same item back (restoreScheduleItem says when that is allowed). */
export const restoreScheduleItemAction = defineAction({
  name: "schedule.restoreItem",
  schema: restoreScheduleItemSchema,
  permission: "schedule:editPlacement",
  run: async (input, { user, request }) => {
    const result = await restoreScheduleItem(user, request, input);
    revalidatePath("/schedule", "layout");
    return result;
  },
  notice: (item, { t, locale }) => t("followUpNotices.scheduleItemRestored", { title: item.title, date: formatCalendarDate(parseDateOnly(hongKongParts(item.startsAt).date), locale) }),
});

export const createStandardScheduleAction = defineAction({
  name: "schedule.createStandardSchedule",
  schema: standardScheduleSchema,
  permission: "schedule:editPlacement",
  run: async (input, { user, request }) => {
    const result = await createStandardSchedule(user, request, input);
    revalidatePath("/schedule", "layout");
    return result;
  },
});

/** Returns the new token once; only its hash is kept, so it cannot be shown again. */
export const regenerateCalendarLinkAction = defineAction({
  name: "schedule.regenerateCalendarLink",
  schema: emptySchema,
  permission: "calendarFeed:manage",
  run: async (_input, { user, request }) => regenerateCalendarToken(user, request),
  notice: (link, { t }) => t(link.replaced ? "followUpNotices.calendarLinkReplaced" : "followUpNotices.calendarLinkCreated"),
});

export const revokeCalendarLinkAction = defineAction({
  name: "schedule.revokeCalendarLink",
  schema: emptySchema,
  permission: "calendarFeed:manage",
  run: async (_input, { user, request }) => {
    await revokeCalendarToken(user, request);
    return null;
  },
  notice: (_output, { t }) => t("followUpNotices.calendarLinkRevoked"),
});
