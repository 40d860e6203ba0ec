import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RouteDefinition } from "@/lib/route";
import { DocumentFieldError } from "@/features/documents/mutations";
import { documentFieldErrors, fileResponse, readUploadRequest, refuseUpload, type UploadAnswer } from "@/features/documents/routes";
import { configuredStorage } from "@/features/documents/storage";
import { addReportAttachment, readReportAttachment, type AttachmentOptions } from "./attachments";
import { addAttachmentSchema } from "./schemas";

// Upload and download of a report's attachments (decision 112). A route handler, like the documents' upload, because
// server actions cap bodies at 1 MB (decision 097); the answer has the action result shape, so the form shows each
// error at its field.

/** POST multipart: placementId in the path; kind, shareable and the file in the body. */
export function uploadReportAttachmentRoute(options: () => AttachmentOptions = () => ({ storage: configuredStorage(), maxBytes: env().UPLOAD_MAX_BYTES })): RouteDefinition<{ id: string }> {
  return {
    name: "reportAttachments.upload",
    permission: "officerReport:write",
    async handle(request: NextRequest, { user, request: context, params, t }) {
      const { storage, maxBytes } = options();
      const upload = await readUploadRequest(request, t, maxBytes, addAttachmentSchema, (text) => ({ placementId: params.id, kind: text("kind"), shareable: text("shareable") }));
      if (upload.refusal) return upload.refusal;
      const { data, file } = upload;
      if (!file) return refuseUpload(422, t, { file: t("reportAttachments.errors.chooseFile") });
      try {
        const added = await addReportAttachment({ actor: user, request: context }, data, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { storage, maxBytes });
        return Response.json({ ok: true, notice: t("reportAttachments.notices.added", { name: added.name }) } satisfies UploadAnswer, { headers: { "Cache-Control": "no-store" } });
      } catch (error) {
        if (error instanceof DocumentFieldError) {
          return refuseUpload(422, t, documentFieldErrors(error, t, maxBytes));
        }
        // A rule refusing the change (the revision was accepted meanwhile: the database's lock) belongs at the field too.
        if (error instanceof AppError && !(error instanceof NotFoundError) && !(error instanceof ForbiddenError)) {
          return refuseUpload(422, t, { file: t(`errors.${error.messageKey}`) });
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
