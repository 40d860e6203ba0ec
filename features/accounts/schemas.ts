import { z } from "zod";
import { listDirection, listPage, listText } from "@/lib/list-params";
import { nameText } from "@/lib/text";

// Accounts (issue 14; decisions 080–083). Messages are keys of the "errors" catalog; lib/action.ts translates them.

export const roles = ["ADMIN", "COORDINATOR", "SUPERVISOR", "OFFICER"] as const;
export const accountLocales = ["en", "zh-Hant", "zh-Hans"] as const;

const id = z.string().trim().min(1).max(64);
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => value || null);
const version = z.coerce.number().int().min(1);
/** A checkbox sends "true" (or "on") when ticked and nothing otherwise. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
export const emailSchema = z.string().trim().min(1).max(254).pipe(z.email()).transform((value) => value.toLowerCase());

/**
 * What a role needs besides itself: a coordinator a side, an officer their officer record, a supervisor a host unit
 * (whose side becomes theirs). The database checks the same (User_*_has_* constraints); this names the field.
 */
function requireRoleLinks(value: { role: (typeof roles)[number]; jurisdictionId: string | null; officerId: string | null; hostUnitId: string | null }, context: z.RefinementCtx) {
  if (value.role === "COORDINATOR" && !value.jurisdictionId) context.addIssue({ code: "custom", path: ["jurisdictionId"], message: "errors.required" });
  if (value.role === "OFFICER" && !value.officerId) context.addIssue({ code: "custom", path: ["officerId"], message: "errors.required" });
  if (value.role === "SUPERVISOR" && !value.hostUnitId) context.addIssue({ code: "custom", path: ["hostUnitId"], message: "errors.required" });
}

const roleLinks = {
  role: z.enum(roles),
  jurisdictionId: optionalId,
  officerId: optionalId,
  hostUnitId: optionalId,
};

/** ssoOnly: the invitee signs in through the identity provider and never chooses a password (decision 105). */
export const inviteUserSchema = z
  .object({ email: emailSchema, name: nameText(120), locale: z.enum(accountLocales).default("en"), ...roleLinks, ssoOnly: checkbox.optional() })
  .superRefine(requireRoleLinks);
export type InviteUserInput = z.output<typeof inviteUserSchema>;

/** ssoOnly: signs in only through the identity provider (decision 088); password sign-in is refused. */
export const updateUserSchema = z.object({ id, version, ...roleLinks, ssoOnly: checkbox }).superRefine(requireRoleLinks);
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const userCommandSchema = z.object({ id, version });
export const setUserActiveSchema = z.object({ id, version, active: z.enum(["true", "false"]).transform((value) => value === "true") });
export const userIdSchema = z.object({ id });
export const inviteOfficerSchema = z.object({ officerId: id });
export const inviteCohortSchema = z.object({ cohortId: id });

export const acceptInvitationSchema = z
  .object({
    token: z.string().trim().min(1).max(200),
    password: z.string().min(1, "errors.required").max(1024),
    confirmPassword: z.string().max(1024),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDiffer" });

// ---------------------------------------------------------------------------------------------------------------
// The list's URL search parameters; anything unreadable falls back to "no filter".

export const userSorts = ["name", "email", "role", "lastLogin", "created"] as const;
export const userPageSize = 25;

export const userListParamsSchema = z.object({
  q: listText(100),
  role: z.enum(roles).optional().catch(undefined),
  side: listText(64),
  status: z.enum(["active", "inactive", "all"]).catch("all").default("all"),
  locked: z.enum(["yes"]).optional().catch(undefined),
  invited: z.enum(["yes", "no"]).optional().catch(undefined),
  signIn: z.enum(["sso", "password"]).optional().catch(undefined),
  sort: z.enum(userSorts).catch("name").default("name"),
  dir: listDirection,
  page: listPage,
});
export type UserListParams = z.output<typeof userListParamsSchema>;
