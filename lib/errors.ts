import type { TrilingualName } from "@/lib/i18n/locales";

/** A value as a refusal shows it, put into words in the reader's language by lib/action.ts. */
/** `instant`: an ISO timestamp, written as a Hong Kong date and time in the reader's format. */
export type ShownValue = { text: string } | { names: TrilingualName } | { date: string } | { instant: string } | { messageKey: string } | null;

/** A field that changed since the user loaded the record: its label (a full catalog key) and its value now. */
export interface ChangedField {
  labelKey: string;
  value: ShownValue;
}

/**
 * An error meant for the user: `messageKey` names a catalog entry in the "errors" namespace. A Date among the
 * values is written as a Hong Kong date and time in the reader's format (lib/i18n/format.ts), like every other time.
 */
export class AppError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number | Date> = {},
    readonly fieldErrors: Record<string, string[]> = {},
    /** For a stale edit: what changed since the user loaded the record (decision 057). */
    readonly changes: ChangedField[] = [],
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}

/** Also used for records outside the caller's scope, so a guessed id reveals nothing. */
export class NotFoundError extends AppError {
  constructor() {
    super("notFound");
    this.name = "NotFoundError";
  }
}

/** The database cannot be reached right now (lib/database-errors.ts decides); routes answer 503. */
export class ServiceUnavailableError extends AppError {
  constructor() {
    super("serviceUnavailable");
    this.name = "ServiceUnavailableError";
  }
}
