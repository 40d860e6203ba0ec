import type { PlacementReportRow } from "./types";

export type CellValue = string | Date | null;

export function cellValue(row: PlacementReportRow, key: keyof PlacementReportRow): CellValue {
  return row[key] ?? null;
}

/** Calendar dates are stored as UTC midnight, so the UTC date is the calendar date in every time zone. */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function cellText(row: PlacementReportRow, key: keyof PlacementReportRow): string {
  const value = cellValue(row, key);
  if (value === null) return "";
  return value instanceof Date ? formatCalendarDate(value) : value;
}

const WIDE_CHARACTER = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Width in "character cells": CJK characters take two, as they do in spreadsheets and monospaced layouts. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
