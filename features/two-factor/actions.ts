"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { beginEnrolment, confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes, resetSecondFactor } from "./mutations";
import { beginEnrolmentSchema, confirmEnrolmentSchema, disableSecondFactorSchema, regenerateRecoveryCodesSchema, resetSecondFactorSchema } from "./schemas";

// The set-up actions are open to a session that must enrol before anything else (REQUIRE_2FA_ROLES, decision 102);
// the others are not.

export const beginEnrolmentAction = defineAction({
  name: "beginTwoFactorEnrolment",
  schema: beginEnrolmentSchema,
  permission: "account:manageOwn",
  allowDuringSecondFactorEnrolment: true,
  run: async (_input, { user }) => {
    const result = await beginEnrolment({ actor: user });
    revalidatePath("/account/two-factor");
    revalidatePath("/two-factor/enrol");
    return result;
  },
});

export const confirmEnrolmentAction = defineAction({
  name: "confirmTwoFactorEnrolment",
  schema: confirmEnrolmentSchema,
  permission: "account:manageOwn",
  allowDuringSecondFactorEnrolment: true,
  // No revalidation here: the page would re-render to "on" before the recovery codes were read; Continue does it.
  run: async (input, { user, request }) => confirmEnrolment({ actor: user, request }, input),
  notice: (_result, { t }) => t("twoFactor.notices.enrolled"),
});

export const regenerateRecoveryCodesAction = defineAction({
  name: "regenerateRecoveryCodes",
  schema: regenerateRecoveryCodesSchema,
  permission: "account:manageOwn",
  run: async (input, { user, request }) => regenerateRecoveryCodes({ actor: user, request }, input),
  notice: (_result, { t }) => t("twoFactor.notices.regenerated"),
});

export const disableSecondFactorAction = defineAction({
  name: "disableSecondFactor",
  schema: disableSecondFactorSchema,
  permission: "account:manageOwn",
  run: async (input, { user, request }) => {
    const result = await disableSecondFactor({ actor: user, request }, input);
    revalidatePath("/account/two-factor");
    return result;
  },
  notice: (_result, { t }) => t("twoFactor.notices.disabled"),
});

export const resetSecondFactorAction = defineAction({
  name: "resetSecondFactor",
  schema: resetSecondFactorSchema,
  permission: "user:resetSecondFactor",
  run: async (input, { user, request }) => {
    const result = await resetSecondFactor(user, request, input);
    revalidatePath(`/admin/users/${result.userId}`);
    return result;
  },
  notice: (result, { t }) => t("twoFactor.notices.reset", { name: result.name }),
});
