"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createOfficer, setOfficerActive, updateOfficer } from "./mutations";
import { createOfficerSchema, setOfficerActiveSchema, updateOfficerSchema } from "./schemas";

export const createOfficerAction = defineAction({
  name: "officer.create",
  schema: createOfficerSchema,
  permission: "officer:manage",
  run: async (input, { user, request }) => {
    const officer = await createOfficer(user, request, input);
    revalidatePath("/officers");
    return officer;
  },
  notice: (officer, { t }) => t("notices.officerCreated", { name: officer.name }),
  redirectTo: (officer) => `/officers/${officer.id}`,
});

export const updateOfficerAction = defineAction({
  name: "officer.update",
  schema: updateOfficerSchema,
  permission: "officer:manage",
  run: async (input, { user, request }) => {
    const officer = await updateOfficer(user, request, input);
    revalidatePath("/officers");
    return officer;
  },
  notice: (officer, { t }) => t("notices.officerSaved", { name: officer.name }),
  redirectTo: (officer) => `/officers/${officer.id}`,
});

export const setOfficerActiveAction = defineAction({
  name: "officer.setActive",
  schema: setOfficerActiveSchema,
  permission: "officer:manage",
  run: async (input, { user, request }) => {
    const officer = await setOfficerActive(user, request, input);
    revalidatePath("/officers");
    revalidatePath(`/officers/${officer.id}`);
    return officer;
  },
});
