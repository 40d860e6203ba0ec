import { z } from "zod";
import { dateOnlyField, firstSupportedYear, lastSupportedYear } from "@/lib/dates";
import { nameText, optionalNameText, plainString } from "@/lib/text";

// Validation of the admin's holiday entries (decision 064). Messages are keys of the "errors" catalog.

export const holidaySides = ["HK", "MAINLAND"] as const;
export type HolidaySide = (typeof holidaySides)[number];
/** As stored (check constraint "Holiday_kind_known"). WORKING_DAY removes the package's entry on that date. */
export const holidayKinds = ["HOLIDAY", "MAKE_UP_WORKDAY", "WORKING_DAY"] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export const holidayNameLength = 120;
/** At most a year's worth of lines and a little more; a year has a few dozen entries. */
export const maximumPasteLines = 400;
export const maximumPasteLength = 40_000;

const year = z.coerce.number({ message: "errors.invalidValue" }).int("errors.invalidValue").min(firstSupportedYear).max(lastSupportedYear);
const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((value) => value || null);

export const holidayEntrySchema = z.object({
  id: optionalId,
  /** The version the edit started from; absent on create. */
  version: z
    .string()
    .max(12)
    .optional()
    .transform((value) => (value && /^\d+$/.test(value) ? Number(value) : null)),
  side: z.enum(holidaySides, "errors.invalidChoice"),
  date: dateOnlyField,
  kind: z.enum(holidayKinds, "errors.invalidChoice"),
  nameEn: nameText(holidayNameLength),
  /** Optional: the English name is used when empty, unless the package knows the holiday by that name. */
  nameZhHant: optionalNameText(holidayNameLength),
  nameZhHans: optionalNameText(holidayNameLength),
});
export type HolidayEntryInput = z.output<typeof holidayEntrySchema>;

export const removeHolidaySchema = z.object({
  id: z.string().min(1).max(40),
  version: z.coerce.number({ message: "errors.invalidValue" }).int().min(1),
});
export type RemoveHolidayInput = z.output<typeof removeHolidaySchema>;

export const importHolidayYearSchema = z.object({
  side: z.enum(holidaySides, "errors.invalidChoice"),
  year,
  text: plainString().max(maximumPasteLength),
});
export type ImportHolidayYearInput = z.output<typeof importHolidayYearSchema>;

/** The page's ?side=&year= picker; anything unreadable falls back to the defaults, never an error page. */
export function holidayPageParams(raw: { side?: string; year?: string }, defaultYear: number): { side: HolidaySide; year: number } {
  const side = holidaySides.find((candidate) => candidate === raw.side) ?? "MAINLAND";
  const parsed = year.safeParse(raw.year);
  return { side, year: parsed.success ? parsed.data : defaultYear };
}
