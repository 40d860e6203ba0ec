import { AppError } from "@/lib/errors";

/** The error a promise was refused with; fails the test when it was not refused at all. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

/** The AppError (a refusal meant for the user) a promise was refused with; any other error fails the test. */
export async function appErrorRefusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await refusal(promise);
  if (error instanceof AppError) return error;
  throw error;
}
