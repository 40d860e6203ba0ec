/**
 * The "paste the year's list" format: one entry a line, `date, name, kind`, optionally followed by the Traditional
 * and Simplified names. Commas or tabs separate (a spreadsheet copies with tabs); quotes allow a comma in a name.
 * Blank lines, lines starting with "#" and a header line ("date, …") are skipped. Pure: unit-tested.
 *
 * Every line is checked and every problem reported with its line number and the value entered; the caller saves
 * nothing unless there is no problem at all.
 */
import { parse } from "csv-parse/sync";
import { dateOnlyProblem } from "@/lib/dates";
import { hasControlCharacters, hasInvisibleCharacters } from "@/lib/text";
import { knownHolidayName, type HolidayName, type Side } from "@/features/schedule/holidays";
import { holidayNameLength, maximumPasteLines, type HolidayKind } from "./schemas";

export interface PastedHoliday {
  line: number;
  date: string;
  kind: HolidayKind;
  name: HolidayName;
}

export type PasteProblem = "columns" | "invalidDate" | "dateOutOfRange" | "otherYear" | "kind" | "name" | "nameTooLong" | "duplicate" | "tooManyLines";

export interface PasteError {
  /** 1-based line of the pasted text. */
  line: number;
  problem: PasteProblem;
  /** What was entered: the cell at fault, or the whole line when the columns are wrong. */
  value: string;
}

/** Words accepted in the kind column, lower-case; the page lists the English and Chinese ones. */
const kindWords: Record<string, HolidayKind> = {
  holiday: "HOLIDAY",
  假期: "HOLIDAY",
  假日: "HOLIDAY",
  休: "HOLIDAY",
  "make-up workday": "MAKE_UP_WORKDAY",
  "make-up working day": "MAKE_UP_WORKDAY",
  makeup: "MAKE_UP_WORKDAY",
  "make-up": "MAKE_UP_WORKDAY",
  workday: "MAKE_UP_WORKDAY",
  調休: "MAKE_UP_WORKDAY",
  调休: "MAKE_UP_WORKDAY",
  班: "MAKE_UP_WORKDAY",
  "working day": "WORKING_DAY",
  "not a holiday": "WORKING_DAY",
  remove: "WORKING_DAY",
  工作日: "WORKING_DAY",
};

export function readKindWord(word: string): HolidayKind | null {
  return kindWords[word.trim().toLowerCase().replace(/\s+/g, " ")] ?? null;
}

function readLine(text: string): string[] | null {
  try {
    const [cells] = parse(text, { delimiter: text.includes("\t") ? "\t" : ",", relax_quotes: true, relax_column_count: true, trim: true }) as string[][];
    return cells ?? [];
  } catch {
    return null;
  }
}

function nameProblem(value: string): PasteProblem | null {
  if (!value || hasControlCharacters(value) || hasInvisibleCharacters(value)) return "name";
  return value.length > holidayNameLength ? "nameTooLong" : null;
}

export function parseHolidayPaste(text: string, side: Side, year: number): { entries: PastedHoliday[]; errors: PasteError[] } {
  const entries: PastedHoliday[] = [];
  const errors: PasteError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  let counted = 0;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    if (++counted > maximumPasteLines) {
      if (counted === maximumPasteLines + 1) errors.push({ line, problem: "tooManyLines", value: String(maximumPasteLines) });
      return;
    }
    const cells = readLine(trimmed);
    if (counted === 1 && cells && /^(date|日期)$/i.test(cells[0] ?? "")) return;
    if (!cells || cells.length < 3 || cells.length > 5) {
      errors.push({ line, problem: "columns", value: trimmed });
      return;
    }
    const [date, nameText, kindText, zhHantText = "", zhHansText = ""] = cells;
    const before = errors.length;
    const dateProblem = dateOnlyProblem(date);
    if (dateProblem) errors.push({ line, problem: dateProblem === "errors.invalidDate" ? "invalidDate" : "dateOutOfRange", value: date });
    else if (Number(date.slice(0, 4)) !== year) errors.push({ line, problem: "otherYear", value: date });
    else if (seen.has(date)) errors.push({ line, problem: "duplicate", value: date });
    for (const value of [nameText, ...[zhHantText, zhHansText].filter(Boolean)]) {
      const problem = nameProblem(value);
      if (problem) {
        errors.push({ line, problem, value });
        break;
      }
    }
    const kind = readKindWord(kindText);
    if (!kind) errors.push({ line, problem: "kind", value: kindText });
    if (errors.length > before || !kind) return;
    seen.set(date, line);
    const known = knownHolidayName(side, nameText);
    const name = zhHantText || zhHansText || !known ? { en: nameText, zhHant: zhHantText || nameText, zhHans: zhHansText || zhHantText || nameText } : known;
    entries.push({ line, date, kind, name });
  });
  return { entries, errors };
}
