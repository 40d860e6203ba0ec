import type { Instrumentation } from "next";

/** Every unhandled server error becomes one JSON log line carrying the request id the error page shows. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logger } = await import("@/lib/logger");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  logger.error("request failed", {
    requestId: headers["x-request-id"],
    method: request.method,
    path: request.path,
    routePath: context.routePath,
    digest: (error as { digest?: string }).digest,
    error,
  });
};
