import { AppError } from "@/lib/errors";

// Importable by client components: no server-only imports here.

/** Why one row of a bulk action was refused: each is a key of the "errors" catalog, as a single action's refusal is. */
export const rowRefusalReasons = [
  "notFound",
  "forbidden",
  "cohortCompletedReadOnly",
  "changedSinceLoaded",
  "placementWithdrawn",
  "approvalNeedsAssignment",
  "alreadyApproved",
  "officerInactive",
  "placementAlreadyInCohort",
  "placementOverlap",
] as const;
export type RowRefusalReason = (typeof rowRefusalReasons)[number];

export interface RowRefusal {
  /** The id the user chose: a placement's (approve) or an officer's (nominate). */
  id: string;
  reason: RowRefusalReason;
}

/** The field-error key under which a refused row's reason reaches the form: `rows.<id>`. */
export function rowErrorKey(id: string): string {
  return `rows.${id}`;
}

/**
 * A bulk action is all-or-nothing: when any chosen row is refused, nothing is written and every refused row says
 * why. Thrown inside the transaction, so it rolls back; defineAction answers it as any refusal — the form message
 * ("Nothing was saved: N …") and one field error per refused row, under `rows.<id>`.
 */
export class RowsRefusedError extends AppError {
  constructor(readonly rows: RowRefusal[]) {
    super("rowsRefused", { count: rows.length }, Object.fromEntries(rows.map((row) => [rowErrorKey(row.id), [row.reason]])));
    this.name = "RowsRefusedError";
  }
}
