"use server";

import { revalidatePath } from "next/cache";
import { defineAction, definePublicAction } from "@/lib/action";
import { ForbiddenError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { changeOwnPassword, signOutOtherSessions } from "./mutations";
import { requestPasswordResetDefinition, resetPassword } from "./password-reset";
import { changePasswordSchema, resetPasswordSchema, signOutOtherSessionsSchema } from "./schemas";

function currentSession(user: SessionUser): string {
  // Every real session has its row; a request without one cannot say which session to keep.
  if (!user.sessionId) throw new ForbiddenError();
  return user.sessionId;
}

export const changePasswordAction = defineAction({
  name: "changePassword",
  schema: changePasswordSchema,
  permission: "account:manageOwn",
  run: async (input, { user, request }) => {
    const result = await changeOwnPassword({ actor: user, sessionId: currentSession(user), request }, input);
    revalidatePath("/account");
    return result;
  },
  notice: (result, { t }) => t("accountSecurity.notices.passwordChanged", { count: result.signedOutSessions }),
});

export const signOutOtherSessionsAction = defineAction({
  name: "signOutOtherSessions",
  schema: signOutOtherSessionsSchema,
  permission: "account:manageOwn",
  run: async (_input, { user, request }) => {
    const result = await signOutOtherSessions({ actor: user, sessionId: currentSession(user), request });
    revalidatePath("/account");
    return result;
  },
  notice: (result, { t }) => t("accountSecurity.notices.signedOutOthers", { count: result.signedOutSessions }),
});

/** Signed out. The same answer whether the address has an account or not (decision 086). */
export const requestPasswordResetAction = defineAction(requestPasswordResetDefinition);

/** Signed out: the link's token is the authority, checked and claimed in features/account-security/password-reset.ts. */
export const resetPasswordAction = definePublicAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  run: async (input, { request }) => {
    await resetPassword({ token: input.token, newPassword: input.newPassword }, request);
    return { done: true };
  },
});
