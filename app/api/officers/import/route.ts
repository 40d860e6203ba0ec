import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRequestContext } from "@/lib/request-context";
import { commitOfficerImport, ImportRejectedError, previewOfficerImport, type ImportPhase } from "@/features/import/officer-import";
import { maxImportBytes, megabytes } from "@/features/import/limits";
import type { ImportStreamEvent } from "@/features/import/stream-events";

// Officer import upload: a route handler rather than a server action, because server actions cap request bodies
// at 1 MB and cannot report progress. The response is a stream of JSON lines: progress events while the server
// reads, checks and saves, then one final event (preview, committed, rejected or error).

export const dynamic = "force-dynamic";

/** Room in a request body for the multipart envelope and the other fields (mode, SHA-256) around the file. */
const multipartAllowance = 64 * 1024;

function json(status: number, body: unknown) {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Same-origin only: the session cookie is SameSite=Lax, and this check also stops cross-site form posts. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  const user = await getSessionUser();
  const t = await getTranslations();
  if (!user) return json(401, { type: "error", message: t("errors.forbidden") });
  if (!hasPermission(user, "officer:import") || user.role !== "COORDINATOR" || !user.jurisdictionId) return json(403, { type: "error", message: t("errors.forbidden") });
  if (!isSameOrigin(request)) return json(403, { type: "error", message: t("errors.forbidden") });

  // Refused on its declared length, before reading it: a body over the proxy's 10 MB buffer arrives cut short, and
  // its multipart form then fails to parse — which used to surface as "Choose a file to import".
  const tooLarge = () => json(413, { type: "error", message: t("import.problems.fileTooLarge", { megabytes: megabytes(maxImportBytes) }) });
  if (Number(request.headers.get("content-length")) > maxImportBytes + multipartAllowance) return tooLarge();
  const form = await request.formData().catch(() => null);
  if (!form) return json(400, { type: "error", message: t("import.problems.unreadableUpload", { megabytes: megabytes(maxImportBytes) }) });
  const file = form.get("file");
  const mode = form.get("mode") === "commit" ? "commit" : "preview";
  const previewedSha256 = String(form.get("sha256") ?? "");
  if (!(file instanceof File)) return json(400, { type: "error", message: t("import.problems.noFile") });
  if (file.size > maxImportBytes) return tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const context = await getRequestContext();

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportStreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      const onProgress = (phase: ImportPhase, done: number, total: number) => send({ type: "progress", phase, done, total });
      try {
        if (mode === "commit") {
          const result = await commitOfficerImport(user, context, { name: file.name, bytes }, previewedSha256, onProgress);
          send({ type: "committed", ...result });
        } else {
          send({ type: "preview", preview: await previewOfficerImport(user, { name: file.name, bytes }, onProgress) });
        }
      } catch (error) {
        if (error instanceof ImportRejectedError) send({ type: "rejected", report: error.preview });
        else {
          const known = error instanceof AppError ? error : translateDatabaseError(error);
          // Import-specific refusals live in the import catalog, integrity and permission ones in "errors".
          const key = t.has(`import.problems.${known?.messageKey}` as never) ? `import.problems.${known?.messageKey}` : `errors.${known?.messageKey}`;
          if (known) send({ type: "error", message: t(key as never, known.values as never) });
          else {
            logger.error("officer import failed", { requestId: context.requestId, userId: user.userId, error });
            send({ type: "error", message: t("errors.unexpected", { requestId: context.requestId }) });
          }
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
