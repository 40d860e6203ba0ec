import { z } from "zod";
import { optionalText, requiredText } from "@/lib/text";
import type { ScheduleItemType } from "@/generated/prisma/enums";
import { instantsFromForm } from "./time";
import { dateOnlyProblem, isTimeOfDay } from "@/lib/dates";

export const scheduleItemTypes = [
  "CEREMONY",
  "ORIENTATION",
  "REVIEW_MEETING",
  "SITE_VISIT",
  "MEETING",
  "TRAINING",
  "CULTURAL",
  "MILESTONE",
  "OTHER",
] as const satisfies readonly ScheduleItemType[];

export const titleMaxLength = 200;
export const locationMaxLength = 200;
export const notesMaxLength = 2000;

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? "");

/** An HTML checkbox sends "on" when ticked and nothing otherwise; JSON callers send a boolean. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export function isScheduleItemType(value: unknown): value is ScheduleItemType {
  return (scheduleItemTypes as readonly unknown[]).includes(value);
}

const itemShape = {
  // Not z.enum: an enum failure stops the object's cross-field checks, and the form should show every error at once.
  type: z.string().refine(isScheduleItemType, "errors.invalidValue"),
  title: requiredText(titleMaxLength),
  location: optionalText(locationMaxLength),
  notes: optionalText(notesMaxLength),
  allDay: checkbox,
  startDate: optionalString,
  startTime: optionalString,
  endDate: optionalString,
  endTime: optionalString,
};

type ItemFields = z.output<z.ZodObject<typeof itemShape>>;

/**
 * Per-field date and time rules, each reported on the field it concerns: a start date always; times unless the item
 * is all-day; the end not before the start (an empty end date means the start date).
 */
function checkItemTimes(value: ItemFields, context: z.RefinementCtx) {
  let valid = true;
  const issue = (field: string, message: string) => {
    context.addIssue({ code: "custom", path: [field], message });
    valid = false;
  };
  const startProblem = value.startDate ? dateOnlyProblem(value.startDate) : "errors.required";
  if (startProblem) issue("startDate", startProblem);
  const endProblem = value.endDate ? dateOnlyProblem(value.endDate) : null;
  if (endProblem) issue("endDate", endProblem);
  if (!value.allDay) {
    for (const field of ["startTime", "endTime"] as const) {
      if (!value[field]) issue(field, "errors.required");
      else if (!isTimeOfDay(value[field])) issue(field, "errors.invalidTime");
    }
  }
  if (!valid) return;
  if (value.allDay) {
    if (value.endDate && value.endDate < value.startDate) issue("endDate", "errors.endBeforeStart");
    return;
  }
  const { startsAt, endsAt } = instantsFromForm(value);
  if (endsAt < startsAt) issue(!value.endDate || value.endDate === value.startDate ? "endTime" : "endDate", "errors.endBeforeStart");
}

/** Parsed item fields plus the instants they stand for. */
function withInstants<T extends ItemFields>(value: T) {
  const { startsAt, endsAt } = instantsFromForm(value);
  return { ...value, type: value.type as ScheduleItemType, startsAt, endsAt };
}

const itemFieldsSchema = () => z.object(itemShape).superRefine(checkItemTimes).transform(withInstants);

const id = requiredText(64);
const version = z.coerce.number({ message: "errors.invalidValue" }).int().min(1);

/** A new item belongs to exactly one target: a placement (its own item) or a cohort (cohort-wide). */
export const createScheduleItemSchema = z
  .object({ ...itemShape, placementId: optionalString, cohortId: optionalString })
  .superRefine((value, context) => {
    if (Boolean(value.placementId) === Boolean(value.cohortId)) {
      context.addIssue({ code: "custom", path: [], message: "errors.invalidValue" });
    }
    checkItemTimes(value, context);
  })
  .transform(withInstants);

export const updateScheduleItemSchema = z
  .object({ ...itemShape, id, version })
  .superRefine(checkItemTimes)
  .transform(withInstants);

export const deleteScheduleItemSchema = z.object({ id, version });

/** Undo of a delete: the deleted item's id (features/schedule/mutations.ts restoreScheduleItem). */
export const restoreScheduleItemSchema = z.object({ id });

export const standardScheduleSchema = z.object({
  placementId: id,
  items: z
    .array(itemFieldsSchema())
    .min(1, "errors.selectAtLeastOne")
    .max(10),
});

export const emptySchema = z.object({});

export type ScheduleItemFields = z.output<ReturnType<typeof itemFieldsSchema>>;
export type CreateScheduleItemInput = z.output<typeof createScheduleItemSchema>;
export type UpdateScheduleItemInput = z.output<typeof updateScheduleItemSchema>;
export type DeleteScheduleItemInput = z.output<typeof deleteScheduleItemSchema>;
export type RestoreScheduleItemInput = z.output<typeof restoreScheduleItemSchema>;
export type StandardScheduleInput = z.output<typeof standardScheduleSchema>;
