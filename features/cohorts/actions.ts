"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { localizedName } from "@/lib/i18n/locales";
import { createCohort, updateCohort } from "./mutations";
import { createCohortSchema, updateCohortSchema } from "./schemas";

export const createCohortAction = defineAction({
  name: "cohort.create",
  schema: createCohortSchema,
  permission: "cohort:manage",
  run: async (input, { user, request }) => {
    const result = await createCohort({ actor: user, request }, input);
    revalidatePath("/cohorts");
    return { ...result, names: { nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans }, status: input.status };
  },
  notice: (cohort, { t, locale }) => t("notices.cohortCreated", { name: localizedName(cohort.names, locale), status: t(`status.cohort.${cohort.status}`) }),
});

export const updateCohortAction = defineAction({
  name: "cohort.update",
  schema: updateCohortSchema,
  permission: "cohort:manage",
  run: async (input, { user, request }) => {
    const result = await updateCohort({ actor: user, request }, input);
    revalidatePath("/cohorts");
    revalidatePath(`/cohorts/${result.id}`);
    return { ...result, names: { nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans }, status: input.status };
  },
  notice: (cohort, { t, locale }) => t("notices.cohortSaved", { name: localizedName(cohort.names, locale), status: t(`status.cohort.${cohort.status}`) }),
});
