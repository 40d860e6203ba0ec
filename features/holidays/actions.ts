"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { importHolidayYear, removeHoliday, saveHoliday } from "./mutations";
import { holidayEntrySchema, importHolidayYearSchema, removeHolidaySchema } from "./schemas";

// Every page that shows holidays reads them per request (loadHolidayCalendar); the admin page is the one to refresh.

export const saveHolidayAction = defineAction({
  name: "holiday.save",
  schema: holidayEntrySchema,
  permission: "holiday:manage",
  run: async (input, { user, request }) => {
    const result = await saveHoliday(user, request, input);
    revalidatePath("/admin/holidays");
    return result;
  },
});

export const removeHolidayAction = defineAction({
  name: "holiday.remove",
  schema: removeHolidaySchema,
  permission: "holiday:manage",
  run: async (input, { user, request }) => {
    const result = await removeHoliday(user, request, input);
    revalidatePath("/admin/holidays");
    return result;
  },
});

export const importHolidayYearAction = defineAction({
  name: "holiday.import",
  schema: importHolidayYearSchema,
  permission: "holiday:manage",
  run: async (input, { user, request }) => {
    const result = await importHolidayYear(user, request, input);
    if (result.saved) revalidatePath("/admin/holidays");
    return result;
  },
});
