"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { db } from "@/lib/db";
import { markAllNotificationsRead, markNotificationRead, retryDeadEmail, saveNotificationPreferences } from "./mutations";
import { emailIdSchema, emptySchema, notificationIdSchema, preferencesSchema } from "./schemas";

export const markNotificationReadAction = defineAction({
  name: "markNotificationRead",
  schema: notificationIdSchema,
  permission: "notification:view",
  run: async (input, { user }) => {
    await markNotificationRead(user, input.id);
    revalidatePath("/", "layout");
  },
  notice: (_output, { t }) => t("notifications.markedRead"),
});

export const markAllNotificationsReadAction = defineAction({
  name: "markAllNotificationsRead",
  schema: emptySchema,
  permission: "notification:view",
  run: async (_input, { user }) => {
    const count = await markAllNotificationsRead(user);
    revalidatePath("/", "layout");
    return { count };
  },
  notice: (_output, { t }) => t("notifications.markedAllRead"),
});

export const saveNotificationPreferencesAction = defineAction({
  name: "saveNotificationPreferences",
  schema: preferencesSchema,
  permission: "notification:view",
  run: async (input, { user, request }) => {
    await saveNotificationPreferences(user, request, input);
    revalidatePath("/notifications/preferences");
  },
  notice: (_output, { t }) => t("notifications.preferences.saved"),
});

export const retryDeadEmailAction = defineAction({
  name: "retryDeadEmail",
  schema: emailIdSchema,
  permission: "email:manage",
  run: async (input, { user, request }) => {
    await retryDeadEmail(db, user, request, input.id);
    revalidatePath("/admin/dead-letters");
  },
  notice: (_output, { t }) => t("notifications.admin.retried"),
});
