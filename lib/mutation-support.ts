import "server-only";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import type { RequestContext } from "@/lib/request-context";

// Shared by the cohort and placement mutations: the acting user, and turning integrity violations into the
// user's message inside the mutation, so callers (actions, tests) see AppErrors. Stale edits are refused with
// lib/last-change.ts ("changed by NAME at TIME — reload"), the same as everywhere else.

export interface MutationContext {
  actor: Actor;
  request: RequestContext;
}

/** Runs a write; a known integrity violation from the database leaves it as the AppError the user will read. */
export async function withDatabaseErrorsTranslated<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw translateDatabaseError(error) ?? error;
  }
}

/**
 * Interactive-transaction limits. Assignments to one host unit queue on its row lock (the capacity trigger), so a
 * burst of them waits a little for the pool and the lock instead of failing after Prisma's 2 s / 5 s defaults.
 */
export const transactionOptions = { maxWait: 10_000, timeout: 20_000 } as const;
