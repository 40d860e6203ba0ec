import { z } from "zod";

// Passwords are not trimmed: a space is a character like any other. The strength rule (password-rules.ts) needs
// the owner, so the mutation applies it; the schema only bounds the input.
const passwordInput = z.string().min(1).max(1024);

export const changePasswordSchema = z
  .object({ currentPassword: passwordInput, newPassword: passwordInput, confirmPassword: passwordInput })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "errors.accountSecurity.passwordsDiffer" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const signOutOtherSessionsSchema = z.object({});

export const requestPasswordResetSchema = z.object({ email: z.string().trim().toLowerCase().max(320).pipe(z.email()) });

export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), newPassword: passwordInput, confirmPassword: passwordInput })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "errors.accountSecurity.passwordsDiffer" });
