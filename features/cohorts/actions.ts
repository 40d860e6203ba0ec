"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createCohort, updateCohort } from "./mutations";
import { createCohortSchema, updateCohortSchema } from "./schemas";

export const createCohortAction = defineAction({
  name: "cohort.create",
  schema: createCohortSchema,
  permission: "cohort:manage",
  run: async (input, { user, request }) => {
    const result = await createCohort({ actor: user, request }, input);
    revalidatePath("/cohorts");
    return result;
  },
});

export const updateCohortAction = defineAction({
  name: "cohort.update",
  schema: updateCohortSchema,
  permission: "cohort:manage",
  run: async (input, { user, request }) => {
    const result = await updateCohort({ actor: user, request }, input);
    revalidatePath("/cohorts");
    revalidatePath(`/cohorts/${result.id}`);
    return result;
  },
});
