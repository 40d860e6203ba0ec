import { AppError } from "@/lib/errors";
import { defineRoute, describeRouteError, errorResponse } from "@/lib/route";
import { commitOfficerImport, ImportRejectedError, previewOfficerImport, type ImportPhase } from "@/features/import/officer-import";
import { maxImportBytes, megabytes } from "@/features/import/limits";
import type { ImportStreamEvent } from "@/features/import/stream-events";
import { formatMessageValues } from "@/lib/i18n/format";

// Officer import upload: a route handler rather than a server action, because server actions cap request bodies
// at 1 MB and cannot report progress. The response is a stream of JSON lines: progress events while the server
// reads, checks and saves, then one final event (preview, committed, rejected or error).

export const dynamic = "force-dynamic";

const errorEvent = (message: string): ImportStreamEvent => ({ type: "error", message });

/** Room in a request body for the multipart envelope and the other fields (mode, SHA-256) around the file. */
const multipartAllowance = 64 * 1024;

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

export const POST = defineRoute({
  name: "officers.import",
  permission: "officer:import",
  errorBody: errorEvent,
  async handle(request, { user, request: context, t }) {
    if (user.role !== "COORDINATOR" || !user.jurisdictionId || !isSameOrigin(request)) return errorResponse(403, errorEvent(t("errors.forbidden")));

    // Refused on its declared length, before reading it: a body over the proxy's 10 MB buffer arrives cut short, and
    // its multipart form then fails to parse — which used to surface as "Choose a file to import".
    const tooLarge = () => errorResponse(413, errorEvent(t("import.problems.fileTooLarge", { megabytes: megabytes(maxImportBytes) })));
    if (Number(request.headers.get("content-length")) > maxImportBytes + multipartAllowance) return tooLarge();
    const form = await request.formData().catch(() => null);
    if (!form) return errorResponse(400, errorEvent(t("import.problems.unreadableUpload", { megabytes: megabytes(maxImportBytes) })));
    const file = form.get("file");
    const mode = form.get("mode") === "commit" ? "commit" : "preview";
    const previewedSha256 = String(form.get("sha256") ?? "");
    if (!(file instanceof File)) return errorResponse(400, errorEvent(t("import.problems.noFile")));
    if (file.size > maxImportBytes) return tooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());

    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: ImportStreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        const onProgress = (phase: ImportPhase, done: number, total: number) => send({ type: "progress", phase, done, total });
        try {
          if (mode === "commit") {
            const result = await commitOfficerImport(user, context, { name: file.name, bytes }, previewedSha256, onProgress);
            // What happened, in the words of every other action's notice (decision 056): the page shows it in the notice region.
            send({ type: "committed", ...result, notice: t("followUpNotices.importCommitted", result.counts) });
          } else {
            send({ type: "preview", preview: await previewOfficerImport(user, { name: file.name, bytes }, onProgress) });
          }
        } catch (error) {
          if (error instanceof ImportRejectedError) send({ type: "rejected", report: error.preview });
          // Import-specific refusals live in the import catalog; everything else is answered as any route's error.
          else if (error instanceof AppError && t.has(`import.problems.${error.messageKey}`)) send(errorEvent(t(`import.problems.${error.messageKey}`, formatMessageValues(error.values, "en"))));
          else send(errorEvent(describeRouteError(error, t, { route: "officers.import", requestId: context.requestId, userId: user.userId }).message));
        } finally {
          controller.close();
        }
      },
    });
    return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
  },
});
