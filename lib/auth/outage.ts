import "server-only";
import { isDatabaseUnavailable } from "@/lib/database-errors";
import { logger } from "@/lib/logger";
import { requestIdHeader } from "@/lib/request-context";
import { requestIdFrom } from "@/lib/request-id";
import { signInErrorCodes } from "./sign-in-error-codes";

// next-auth turns an error thrown by `authorize` into a 401 whose `error` parameter is the error's message, and the
// login page showed "wrong password" for it — with the database down, that message was Prisma's, naming the
// database host and port. signInErrorCodes are the only messages `authorize` lets out; the detail goes to the log.

type Authorize<Credentials, Request, User> = (credentials: Credentials, request: Request) => Promise<User>;

/** An answer `authorize` gives on purpose (the second sign-in step): its message leaves as it is, unlogged. */
export class SignInStepAnswer extends Error {
  override name = "SignInStepAnswer";
}

/** Wraps a credentials `authorize`: any error is logged with the request id and leaves as a bare code. */
export function guardAuthorize<Credentials, Request extends { headers?: unknown } | undefined, User>(
  authorize: Authorize<Credentials, Request, User>,
): Authorize<Credentials, Request, User> {
  return async (credentials, request) => {
    try {
      return await authorize(credentials, request);
    } catch (error) {
      if (error instanceof SignInStepAnswer) throw error;
      const headers = (request?.headers ?? {}) as Record<string, string | string[] | undefined>;
      const requestId = requestIdFrom([headers[requestIdHeader]].flat()[0]);
      const unavailable = isDatabaseUnavailable(error);
      logger.error(unavailable ? "sign-in: database unavailable" : "sign-in failed", { requestId, error });
      throw new Error(unavailable ? signInErrorCodes.serviceUnavailable : signInErrorCodes.failed);
    }
  };
}

const statusByCode: Record<string, number> = { [signInErrorCodes.serviceUnavailable]: 503, [signInErrorCodes.failed]: 500 };

/** The `error` parameter of a next-auth answer: in its Location header, or in the JSON `{ url }` it sends to signIn(). */
async function nextAuthErrorCode(response: Response): Promise<string | null> {
  const location = response.headers.get("location");
  const url = location ?? (response.headers.get("content-type")?.includes("application/json") ? ((await response.clone().json().catch(() => null)) as { url?: string } | null)?.url : null);
  if (!url) return null;
  try {
    return new URL(url, "http://localhost").searchParams.get("error");
  } catch {
    return null;
  }
}

/** next-auth answers every failed sign-in 401; an outage is 503 and our own failure 500, with the same body. */
export async function withSignInErrorStatus(response: Response): Promise<Response> {
  // Only the JSON answer to signIn(); a plain form post gets next-auth's redirect to the error page.
  if (response.status !== 401) return response;
  const status = statusByCode[(await nextAuthErrorCode(response)) ?? ""];
  if (!status) return response;
  return new Response(response.body, { status, headers: response.headers });
}
