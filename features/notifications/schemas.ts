import { z } from "zod";

// Inputs of the notification actions. Importable by client components.

const id = z.string().trim().min(1, "errors.required").max(64, "errors.invalidValue");
const delivery = z.enum(["IMMEDIATELY", "DAILY_DIGEST", "IN_APP_ONLY"], { message: "errors.invalidValue" });

export const notificationIdSchema = z.object({ id });
export const emptySchema = z.object({});
export const preferencesSchema = z.object({ PLACEMENT: delivery, SCHEDULE: delivery, REMINDER: delivery, IMPORT: delivery });
export const emailIdSchema = z.object({ id });

export type PreferencesInput = z.output<typeof preferencesSchema>;
