"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { localizedName } from "@/lib/i18n/locales";
import { saveMatchingSettings, savePreferences, saveUnitMatching } from "./mutations";
import { savePreferencesSchema, saveSettingsSchema, saveUnitMatchingSchema } from "./schemas";

export const savePreferencesAction = defineAction({
  name: "matchingPreference.update",
  schema: savePreferencesSchema,
  permission: "matchingPreference:edit",
  run: async (input, { user, request }) => {
    const result = await savePreferences({ actor: user, request }, input);
    revalidatePath(`/placements/${result.placementId}/preferences`);
    return result;
  },
  notice: (result, { t }) =>
    result.fieldCount > 0
      ? t("matchingInputs.notices.preferencesAndFieldsSaved", { count: result.count, fields: result.fieldCount })
      : result.count === 0
        ? t("matchingInputs.notices.preferencesCleared")
        : t("matchingInputs.notices.preferencesSaved", { count: result.count }),
});

export const saveMatchingSettingsAction = defineAction({
  name: "matchingSettings.update",
  schema: saveSettingsSchema,
  permission: "matchingSettings:edit",
  run: async (input, { user, request }) => {
    const result = await saveMatchingSettings({ actor: user, request }, input);
    revalidatePath(`/cohorts/${result.cohort.id}/matching/settings`);
    return { cohort: { nameEn: result.cohort.nameEn, nameZhHant: result.cohort.nameZhHant, nameZhHans: result.cohort.nameZhHans }, version: result.version };
  },
  notice: (result, { t, locale }) => t("matchingInputs.notices.settingsSaved", { cohort: localizedName(result.cohort, locale) }),
});

export const saveUnitMatchingAction = defineAction({
  name: "hostUnitMatching.update",
  schema: saveUnitMatchingSchema,
  permission: "matchingWish:edit",
  run: async (input, { user, request }) => {
    const result = await saveUnitMatching({ actor: user, request }, input);
    revalidatePath(`/cohorts/${result.cohortId}/matching/settings`);
    return result;
  },
  notice: (result, { t, locale }) => t("matchingInputs.notices.unitSaved", { unit: localizedName(result.unit, locale), count: result.wishes }),
  redirectTo: (result) => `/cohorts/${result.cohortId}/matching/settings`,
});
