import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { errorResponse, type RouteDefinition, type Translate } from "@/lib/route";
import { issueMessageKey } from "@/lib/validation-messages";
import { DocumentFieldError } from "@/features/documents/mutations";
import { fileResponse, formatSize, isSameOrigin, type UploadAnswer } from "@/features/documents/routes";
import { configuredStorage } from "@/features/documents/storage";
import { addReportAttachment, readReportAttachment, type AttachmentOptions } from "./attachments";
import { addAttachmentSchema } from "./schemas";

// Upload and download of a report's attachments (decision 112). A route handler, like the documents' upload, because
// server actions cap bodies at 1 MB (decision 097); the answer has the action result shape, so the form shows each
// error at its field.

/** Room in a request body for the multipart envelope and the text fields around the file. */
const multipartAllowance = 64 * 1024;

const refuse = (status: number, t: Translate, fieldErrors: Record<string, string>) =>
  Response.json({ ok: false, formError: t("errors.checkFields"), fieldErrors } satisfies UploadAnswer, { status, headers: { "Cache-Control": "no-store" } });

/** POST multipart: placementId in the path; kind, shareable and the file in the body. */
export function uploadReportAttachmentRoute(options: () => AttachmentOptions = () => ({ storage: configuredStorage(), maxBytes: env().UPLOAD_MAX_BYTES })): RouteDefinition<{ id: string }> {
  return {
    name: "reportAttachments.upload",
    permission: "officerReport:write",
    async handle(request: NextRequest, { user, request: context, params, t }) {
      if (!isSameOrigin(request)) return errorResponse(403, { error: t("errors.forbidden") });
      const { storage, maxBytes } = options();
      const size = { size: formatSize(maxBytes) };
      const tooLarge = () => refuse(413, t, { file: t("documents.errors.fileTooLarge", size) });
      if (Number(request.headers.get("content-length")) > maxBytes + multipartAllowance) return tooLarge();
      const form = await request.formData().catch(() => null);
      if (!form) return refuse(400, t, { file: t("documents.errors.unreadableUpload", size) });
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" ? value : undefined;
      };
      const parsed = addAttachmentSchema.safeParse({ placementId: params.id, kind: text("kind"), shareable: text("shareable") });
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const { key, values } = issueMessageKey(issue);
          fieldErrors[issue.path.join(".") || "_form"] ??= t(`errors.${key}`, values);
        }
        return refuse(422, t, fieldErrors);
      }
      const upload = form.get("file");
      if (!(upload instanceof File) || upload.size === 0) return refuse(422, t, { file: t("reportAttachments.errors.chooseFile") });
      if (upload.size > maxBytes) return tooLarge();
      try {
        const added = await addReportAttachment({ actor: user, request: context }, parsed.data, { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }, { storage, maxBytes });
        return Response.json({ ok: true, notice: t("reportAttachments.notices.added", { name: added.name }) } satisfies UploadAnswer, { headers: { "Cache-Control": "no-store" } });
      } catch (error) {
        if (error instanceof DocumentFieldError) {
          return refuse(422, t, Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, t(keys[0], size)])));
        }
        // A rule refusing the change (the revision was accepted meanwhile: the database's lock) belongs at the field too.
        if (error instanceof AppError && !(error instanceof NotFoundError) && !(error instanceof ForbiddenError)) {
          return refuse(422, t, { file: t(`errors.${error.messageKey}`) });
        }
        throw error;
      }
    },
  };
}

export const downloadReportAttachmentRoute: RouteDefinition<{ id: string; attachmentId: string }> = {
  name: "reportAttachments.download",
  permission: "officerReport:view",
  async handle(_request, { user, request: context, params }) {
    return fileResponse(await readReportAttachment({ actor: user, request: context }, params.id, params.attachmentId));
  },
};
