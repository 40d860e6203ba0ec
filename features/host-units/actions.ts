"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
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
});
