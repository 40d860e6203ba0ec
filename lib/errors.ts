/** An error meant for the user: `messageKey` names a catalog entry in the "errors" namespace. */
export class AppError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors: Record<string, string[]> = {},
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
