import { z } from "zod";

// Lengths only: whether a code is right is the mutation's question (features/two-factor/mutations.ts).
const code = z.string().trim().min(1).max(40);

export const beginEnrolmentSchema = z.object({});
export const confirmEnrolmentSchema = z.object({ code });
export const regenerateRecoveryCodesSchema = z.object({ code });
export const disableSecondFactorSchema = z.object({ currentPassword: z.string().min(1).max(1024), code });
export const resetSecondFactorSchema = z.object({ userId: z.string().min(1).max(100) });

export type ConfirmEnrolmentInput = z.infer<typeof confirmEnrolmentSchema>;
export type RegenerateRecoveryCodesInput = z.infer<typeof regenerateRecoveryCodesSchema>;
export type DisableSecondFactorInput = z.infer<typeof disableSecondFactorSchema>;
