"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import {
  inviteCohortOfficers,
  inviteOfficer,
  inviteUser,
  requireNewPassword,
  resendInvitation,
  revokeInvitation,
  setUserActive,
  unlockUser,
  updateUser,
} from "./mutations";
import { inviteCohortSchema, inviteOfficerSchema, inviteUserSchema, setUserActiveSchema, updateUserSchema, userCommandSchema, userIdSchema } from "./schemas";

const usersPath = "/admin/users";
const refreshUser = (id: string) => {
  revalidatePath(usersPath);
  revalidatePath(`${usersPath}/${id}`);
};

export const inviteUserAction = defineAction({
  name: "user.invite",
  schema: inviteUserSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const link = await inviteUser(user, request, input);
    revalidatePath(usersPath);
    return link;
  },
  notice: (link, { t }) => t("accounts.notices.invited", { name: link.name }),
});

export const updateUserAction = defineAction({
  name: "user.update",
  schema: updateUserSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const updated = await updateUser(user, request, input);
    refreshUser(updated.id);
    return updated;
  },
  notice: (updated, { t }) => t("accounts.notices.saved", { name: updated.name }),
});

export const setUserActiveAction = defineAction({
  name: "user.setActive",
  schema: setUserActiveSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const updated = await setUserActive(user, request, input);
    refreshUser(updated.id);
    return updated;
  },
  notice: (updated, { t }) => t(updated.active ? "accounts.notices.reactivated" : "accounts.notices.deactivated", { name: updated.name }),
});

export const unlockUserAction = defineAction({
  name: "user.unlock",
  schema: userIdSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const updated = await unlockUser(user, request, input);
    refreshUser(updated.id);
    return updated;
  },
  notice: (updated, { t }) => t("accounts.notices.unlocked", { name: updated.name }),
});

export const requireNewPasswordAction = defineAction({
  name: "user.requireNewPassword",
  schema: userCommandSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const link = await requireNewPassword(user, request, input);
    refreshUser(link.userId);
    return link;
  },
  notice: (link, { t }) => t("accounts.notices.newPasswordRequired", { name: link.name }),
});

export const resendInvitationAction = defineAction({
  name: "invitation.resend",
  schema: userIdSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const link = await resendInvitation(user, request, input);
    refreshUser(link.userId);
    return link;
  },
  notice: (link, { t }) => t("accounts.notices.resent", { name: link.name }),
});

export const revokeInvitationAction = defineAction({
  name: "invitation.revoke",
  schema: userIdSchema,
  permission: "user:manage",
  run: async (input, { user, request }) => {
    const result = await revokeInvitation(user, request, input);
    refreshUser(result.userId);
    return result;
  },
  notice: (result, { t }) => t("accounts.notices.revoked", { name: result.name }),
});

export const inviteOfficerAction = defineAction({
  name: "user.inviteOfficer",
  schema: inviteOfficerSchema,
  permission: "user:invite",
  run: async (input, { user, request }) => {
    const result = await inviteOfficer(user, request, { officerId: input.officerId, locale: user.locale });
    revalidatePath(`/officers/${input.officerId}`);
    return result;
  },
  notice: (result, { t }) => (result.outcome === "invited" ? t("accounts.notices.officerInvited", { name: result.name }) : t(`accounts.cohort.outcomes.${result.outcome}`)),
});

export const inviteCohortOfficersAction = defineAction({
  name: "user.inviteCohort",
  schema: inviteCohortSchema,
  permission: "user:invite",
  run: async (input, { user, request }) => inviteCohortOfficers(user, request, { cohortId: input.cohortId, locale: user.locale }),
  notice: (results, { t }) => t("accounts.notices.cohortInvited", { count: results.filter((row) => row.outcome === "invited").length }),
});
