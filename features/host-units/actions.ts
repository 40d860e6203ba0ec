"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { localizedName } from "@/lib/i18n/locales";
import { setHostUnitCapacity } from "./mutations";
import { setCapacitySchema } from "./schemas";

export const setHostUnitCapacityAction = defineAction({
  name: "hostUnit.setCapacity",
  schema: setCapacitySchema,
  permission: "hostUnit:manageCapacity",
  run: async (input, { user, request }) => {
    const result = await setHostUnitCapacity(user, request, input);
    revalidatePath(`/host-units/${input.hostUnitId}`);
    return result;
  },
  notice: (saved, { t, locale }) =>
    t("notices.capacitySaved", { name: localizedName(saved.hostUnit, locale), cohort: localizedName(saved.cohort, locale), capacity: saved.capacity }),
});
