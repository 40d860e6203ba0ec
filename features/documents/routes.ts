import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { env } from "@/lib/env";
import { errorResponse, type RouteDefinition, type Translate } from "@/lib/route";
import { issueMessageKey } from "@/lib/validation-messages";
import { DocumentFieldError, readDocumentFile, saveDocument, type SaveDocumentOptions } from "./mutations";
import { documentDetailsSchema } from "./schemas";
import { configuredStorage } from "./storage";

// The upload and download of a placement's documents. Upload is a route handler, not a server action: server actions
// cap request bodies at 1 MB (decision 097). Both answer errors as JSON `{ error }`, like every route.

/** Room in a request body for the multipart envelope and the text fields around the file. */
const multipartAllowance = 64 * 1024;

/** Same-origin only: with SameSite=Lax cookies this also stops a cross-site form post. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A size limit as people read it: "5 MB", "1.5 MB", "2 kB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${Math.ceil(bytes / 1024)} kB`;
}

export type UploadAnswer = { ok: true; notice: string } | { ok: false; formError: string; fieldErrors: Record<string, string> };

/** A refused upload, in the action result shape so that the form shows each error at its field. */
export const refuseUpload = (status: number, t: Translate, fieldErrors: Record<string, string>) =>
  Response.json({ ok: false, formError: t("errors.checkFields"), fieldErrors } satisfies UploadAnswer, { status, headers: { "Cache-Control": "no-store" } });

/** The translated field errors of a DocumentFieldError (its keys take the size limit as `{size}`). */
export function documentFieldErrors(error: DocumentFieldError, t: Translate, maxBytes: number): Record<string, string> {
  const values = { size: formatSize(maxBytes) };
  return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, t(keys[0], values)]));
}

/**
 * Reads a multipart upload for any feature that stores files here (documents, report attachments): same origin,
 * body and file within `maxBytes`, the text fields through `schema`. Answers either the refusal to send back or the
 * parsed fields and the file (null when none was chosen).
 */
export async function readUploadRequest<Schema extends z.ZodType>(
  request: NextRequest,
  t: Translate,
  maxBytes: number,
  schema: Schema,
  fields: (text: (name: string) => string | undefined) => unknown,
): Promise<{ refusal: Response } | { refusal: null; data: z.output<Schema>; file: File | null }> {
  if (!isSameOrigin(request)) return { refusal: errorResponse(403, { error: t("errors.forbidden") }) };
  const size = { size: formatSize(maxBytes) };
  const tooLarge = () => ({ refusal: refuseUpload(413, t, { file: t("documents.errors.fileTooLarge", size) }) });
  if (Number(request.headers.get("content-length")) > maxBytes + multipartAllowance) return tooLarge();
  const form = await request.formData().catch(() => null);
  if (!form) return { refusal: refuseUpload(400, t, { file: t("documents.errors.unreadableUpload", size) }) };
  const parsed = schema.safeParse(
    fields((name) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    }),
  );
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const { key, values } = issueMessageKey(issue);
      fieldErrors[issue.path.join(".") || "_form"] ??= t(`errors.${key}`, values);
    }
    return { refusal: refuseUpload(422, t, fieldErrors) };
  }
  const upload = form.get("file");
  const file = upload instanceof File && upload.size > 0 ? upload : null;
  if (file && file.size > maxBytes) return tooLarge();
  return { refusal: null, data: parsed.data, file };
}

/** POST multipart: placementId in the path; templateItemId, number, expiresOn, version and an optional file. */
export function uploadDocumentRoute(options: () => SaveDocumentOptions = () => ({ storage: configuredStorage(), maxBytes: env().UPLOAD_MAX_BYTES })): RouteDefinition<{ id: string; itemId: string }> {
  return {
    name: "documents.upload",
    permission: "document:upload",
    async handle(request: NextRequest, { user, request: context, params, t }) {
      const { storage, maxBytes } = options();
      const upload = await readUploadRequest(request, t, maxBytes, documentDetailsSchema, (text) => ({
        placementId: params.id,
        templateItemId: params.itemId,
        number: text("number"),
        expiresOn: text("expiresOn"),
        version: text("version"),
      }));
      if (upload.refusal) return upload.refusal;
      const { data, file } = upload;
      try {
        await saveDocument({ actor: user, request: context }, data, file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null, { storage, maxBytes });
      } catch (error) {
        if (!(error instanceof DocumentFieldError)) throw error;
        return refuseUpload(422, t, documentFieldErrors(error, t, maxBytes));
      }
      return Response.json({ ok: true, notice: t("documents.saved") } satisfies UploadAnswer, { headers: { "Cache-Control": "no-store" } });
    },
  };
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987), for names in Chinese. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(file: { bytes: Uint8Array; contentType: string; name: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.name),
      "Content-Length": String(file.bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const downloadDocumentRoute: RouteDefinition<{ id: string; fileId: string }> = {
  name: "documents.download",
  permission: "document:viewDetails",
  async handle(_request, { user, request: context, params }) {
    return fileResponse(await readDocumentFile({ actor: user, request: context }, params.id, params.fileId));
  },
};
