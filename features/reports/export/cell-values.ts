import { formatDateOnly } from "@/lib/dates";
import type { PlacementReportRow } from "./types";

export type CellValue = string | Date | null;

export function cellValue(row: PlacementReportRow, key: keyof PlacementReportRow): CellValue {
  return row[key] ?? null;
}

const formattedDays = new Map<number, string>();
const MAX_CACHED_DAYS = 20_000;

/**
 * Calendar dates are stored as UTC midnight, so the UTC date is the calendar date in every time zone. A report
 * repeats a few hundred distinct days across its rows; each is formatted once (formatting showed in profiles).
 */
export function formatCalendarDate(date: Date): string {
  const time = date.getTime();
  let text = formattedDays.get(time);
  if (text === undefined) {
    text = formatDateOnly(date);
    if (formattedDays.size < MAX_CACHED_DAYS) formattedDays.set(time, text);
  }
  return text;
}

/** C0 and C1 control characters and DEL: a tab or carriage return typed into a name would show as a box in a PDF. */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** Text as printed: every control character (tab, CR, line feed…) becomes a space. */
export function printableText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, " ");
}

export function cellText(row: PlacementReportRow, key: keyof PlacementReportRow): string {
  const value = cellValue(row, key);
  if (value === null) return "";
  return value instanceof Date ? formatCalendarDate(value) : printableText(value);
}

const WIDE_CHARACTER = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Width in "character cells": CJK characters take two, as they do in spreadsheets and monospaced layouts. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
