import { z } from "zod";

// The one home of the rules every piece of typed text obeys, used by the feature schemas (forms and the officer
// import), by the list/search parameters (lib/list-params.ts) and, as a last guard, by lib/action.ts for fields
// whose schema is not text (ids, choices). See docs/decisions/036-text-input-rules.md.

/**
 * NUL (PostgreSQL cannot store it in text; the write fails) and the other C0 controls and DEL, which no keyboard
 * types. Tab, line feed and carriage return stay allowed: multi-line notes need them.
 */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Zero-width and bidirectional formatting characters: invisible on screen, they make two names that look alike
 * differ and can reorder how a name reads (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069).
 */
const invisibleCharacter = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;

export const hasControlCharacters = (value: string): boolean => controlCharacter.test(value);
export const hasInvisibleCharacters = (value: string): boolean => invisibleCharacter.test(value);

/** Any string without control characters, untrimmed (passwords, tokens, ids). */
export const plainString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? "errors.required" : undefined) }).refine((value) => !hasControlCharacters(value), "errors.controlCharacters");

/** Trimmed text of at most `maximum` characters; may be empty. */
export const text = (maximum: number) => plainString().trim().max(maximum);

/** Trimmed, non-empty text of at most `maximum` characters. */
export const requiredText = (maximum: number, requiredMessage = "errors.required") => text(maximum).min(1, requiredMessage);

/** Optional trimmed text; empty, whitespace-only, missing or null is stored as null, not as "". */
export const optionalText = (maximum: number) =>
  text(maximum)
    .nullish()
    .transform((value) => (value ? value : null));

const visible = (value: string | null) => value === null || !hasInvisibleCharacters(value);

/** A person's or record's name: required text that also refuses invisible and direction-override characters. */
export const nameText = (maximum: number) => requiredText(maximum).refine(visible, "errors.invisibleCharacters");

/** An optional name (e.g. an officer's other name): null when empty, the same character rules as `nameText`. */
export const optionalNameText = (maximum: number) => optionalText(maximum).refine(visible, "errors.invisibleCharacters");

/**
 * Every field of a submitted payload (a FormData object or JSON) holding a control character, as paths such as
 * ["notes"] or ["officerIds", 2]; lib/action.ts refuses such a payload whatever its schema says.
 */
export function findControlCharacters(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (typeof value === "string") return hasControlCharacters(value) ? [path] : [];
  if (depth > 8 || value === null || typeof value !== "object" || value instanceof Blob || value instanceof Date) return [];
  return [...(Array.isArray(value) ? value.entries() : Object.entries(value))].flatMap(([key, child]) =>
    typeof key === "string" && hasControlCharacters(key) ? [[...path, key]] : findControlCharacters(child, [...path, key], depth + 1),
  );
}
