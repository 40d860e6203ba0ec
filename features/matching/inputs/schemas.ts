import { z } from "zod";

// Importable by client components: no server-only imports here.

/** How many host units an officer ranks (issue 16: "up to N, say 5"). */
export const maxPreferences = 5;
/** How many fields of work an officer ranks beside the units (decision 117). */
export const maxFieldPreferences = 3;
/** How many officers a unit ranks among a cohort's nominations (a cohort has 10–50). */
export const maxWishes = 50;

/** A list edited with version 0 has never been saved: there is no version row yet. */
const listVersion = z.coerce.number().int().min(0);

/** An ordered list of ids from repeated form fields (first is rank 1), or an array. */
const orderedIds = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().min(1).max(100)));

function refuseDuplicates(ids: string[], context: z.core.$RefinementCtx<string[]>) {
  if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", message: "errors.matchingInputs.duplicateInList", input: ids });
}

export const savePreferencesSchema = z.object({
  placementId: z.string().trim().min(1),
  version: listVersion,
  hostUnitIds: orderedIds.pipe(z.array(z.string()).max(maxPreferences, "errors.matchingInputs.tooManyPreferences").superRefine(refuseDuplicates)),
  /** Fields of work, first choice first: they rank the units the officer did not name (decision 117). */
  fieldIds: orderedIds.pipe(z.array(z.string()).max(maxFieldPreferences, "errors.matchingInputs.tooManyFieldPreferences").superRefine(refuseDuplicates)),
});
export type SavePreferencesInput = z.output<typeof savePreferencesSchema>;

/** A whole number 0–1000; an empty box is an error (the form shows the defaults, "reset" fills them in). */
const weight = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z
    .number({ message: "errors.matchingInputs.weightRange" })
    .int("errors.matchingInputs.weightRange")
    .min(0, "errors.matchingInputs.weightRange")
    .max(1000, "errors.matchingInputs.weightRange"),
);

/** Empty means "no limit"; otherwise a whole number ≥ 1. */
const optionalPositiveWhole = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : typeof value === "string" ? Number(value.trim()) : value),
    z.number({ message }).int(message).min(1, message).max(1000, message).nullable(),
  );

export const saveSettingsSchema = z.object({
  cohortId: z.string().trim().min(1),
  version: listVersion,
  fieldFitWeight: weight,
  preferenceWeight: weight,
  wishWeight: weight,
  rankBandWeight: weight,
  maxPerDepartmentPerUnit: optionalPositiveWhole("errors.matchingInputs.capRange"),
});
export type SaveSettingsInput = z.output<typeof saveSettingsSchema>;

/** A rank level chosen from the host side's ranks; empty is "open on that side". */
const optionalLevel = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : typeof value === "string" ? Number(value.trim()) : value),
  z.number({ message: "errors.invalidValue" }).int("errors.invalidValue").min(-1000, "errors.invalidValue").max(1000, "errors.invalidValue").nullable(),
);

export const saveUnitMatchingSchema = z
  .object({
    cohortId: z.string().trim().min(1),
    hostUnitId: z.string().trim().min(1),
    version: listVersion,
    rankMinLevel: optionalLevel,
    rankMaxLevel: optionalLevel,
    placementIds: orderedIds.pipe(z.array(z.string()).max(maxWishes, "errors.matchingInputs.tooManyWishes").superRefine(refuseDuplicates)),
  })
  .superRefine((value, context) => {
    if (value.rankMinLevel !== null && value.rankMaxLevel !== null && value.rankMinLevel > value.rankMaxLevel) {
      context.addIssue({ code: "custom", path: ["rankMaxLevel"], message: "errors.matchingInputs.bandOrder" });
    }
  });
export type SaveUnitMatchingInput = z.output<typeof saveUnitMatchingSchema>;
