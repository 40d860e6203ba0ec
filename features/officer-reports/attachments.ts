import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { isAllowed, placementResource, type Actor, type Permission } from "@/lib/authorization";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { canSeeReportAttachment, reportAttachmentWhere, scopeWhere } from "@/lib/scopes";
import { transactionOptions, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { DocumentFieldError, storeBytes, type UploadedFile } from "@/features/documents/mutations";
import { readStoredBytes, type FileLocation, type FileStorage } from "@/features/documents/storage";
import { reportPlacementSelect } from "./queries";
import type { ReportKind } from "./schemas";

// Files attached to a revision of an officer's report (decision 112). The bytes go through the documents storage
// (PostgreSQL or S3) and its one upload check (type by content, size); the officer adds and removes them while the
// revision is a draft or returned; an accepted revision's attachments are frozen by a trigger; the host side reads
// only those marked shareable (lib/scopes.ts canSeeReportAttachment).

const entityType = "ReportAttachment";

export interface AddAttachmentInput {
  placementId: string;
  kind: ReportKind;
  shareable: boolean;
}

export interface AttachmentOptions {
  storage: FileStorage;
  maxBytes: number;
}

type ReportPlacement = Prisma.PlacementGetPayload<{ select: typeof reportPlacementSelect }>;

async function loadPlacement(client: Prisma.TransactionClient | typeof db, actor: Actor, placementId: string, permission: Permission): Promise<ReportPlacement> {
  const placement = await client.placement.findFirst({ where: { AND: [{ id: placementId }, scopeWhere("officerReport", actor)] }, select: reportPlacementSelect });
  if (!placement) throw new NotFoundError();
  if (!isAllowed(actor, permission, placementResource(placement))) throw new ForbiddenError();
  return placement;
}

/** Why a revision in this state takes no attachment change, as a full catalog key; null when it does. */
function refusalFor(status: string | null): string | null {
  if (status === null) return "reportAttachments.errors.saveDraftFirst";
  if (status === "ACCEPTED") return "errors.officerReports.locked";
  if (status === "SUBMITTED") return "errors.officerReports.notEditable";
  return null;
}

/**
 * Attaches a file to the open revision of the placement's report of this kind. The revision must exist (the first
 * draft save creates it) and be a draft or returned. Cheap checks run first, then the bytes are checked and stored;
 * the StoredFile row, the attachment and the audit entry share one transaction, which locks the revision so that an
 * acceptance cannot slip in between; an S3 object written before a refusal is removed again.
 */
export async function addReportAttachment({ actor, request }: MutationContext, input: AddAttachmentInput, file: UploadedFile, options: AttachmentOptions) {
  const placement = await loadPlacement(db, actor, input.placementId, "officerReport:write");
  if (placement.status !== "CONFIRMED") throw new AppError("officerReports.placementNotConfirmed");
  const latest = await db.officerReport.findFirst({ where: { placementId: placement.id, kind: input.kind }, orderBy: { revision: "desc" }, select: { id: true, status: true } });
  const refusal = refusalFor(latest?.status ?? null);
  if (refusal || !latest) throw new DocumentFieldError({ file: [refusal ?? "reportAttachments.errors.saveDraftFirst"] });

  const stored = await storeBytes(file, options.storage, options.maxBytes);
  try {
    return await withDatabaseErrorsTranslated(() =>
      db.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "OfficerReport" WHERE "id" = ${latest.id} FOR UPDATE`;
        const lockedRefusal = refusalFor(locked?.status ?? null);
        if (lockedRefusal) throw new DocumentFieldError({ file: [lockedRefusal] });
        const storedFile = await tx.storedFile.create({ data: { ...stored.row, uploadedById: actor.userId }, select: { id: true } });
        const attachment = await tx.reportAttachment.create({ data: { reportId: latest.id, fileId: storedFile.id, shareable: input.shareable, addedById: actor.userId } });
        await writeAudit(tx, actor, request, {
          action: "reportAttachment.upload",
          entityType,
          entityId: attachment.id,
          after: {
            reportId: latest.id,
            fileId: storedFile.id,
            name: stored.row.originalName,
            contentType: stored.row.contentType,
            size: stored.row.size,
            sha256: stored.row.sha256,
            backend: stored.row.backend,
            shareable: input.shareable,
          },
        });
        return { id: attachment.id, name: stored.row.originalName };
      }, transactionOptions),
    );
  } catch (error) {
    await options.storage.discard(stored.location).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes an attachment from an open revision (draft or returned). The stored file goes too unless another revision
 * (an accepted one it was carried forward from) still holds it; its S3 object is removed once that is recorded.
 */
export async function removeReportAttachment({ actor, request }: MutationContext, attachmentId: string, storage: FileStorage) {
  let orphan: FileLocation | null = null;
  const result = await withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const attachment = await tx.reportAttachment.findFirst({
        where: { id: attachmentId, report: { placement: scopeWhere("officerReport", actor) } },
        select: { id: true, reportId: true, fileId: true, shareable: true, report: { select: { placementId: true } }, file: { select: { originalName: true } } },
      });
      if (!attachment) throw new NotFoundError();
      await loadPlacement(tx, actor, attachment.report.placementId, "officerReport:write");
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "OfficerReport" WHERE "id" = ${attachment.reportId} FOR UPDATE`;
      if (locked?.status === "ACCEPTED") throw new AppError("officerReports.locked");
      if (locked?.status === "SUBMITTED") throw new AppError("officerReports.notEditable");
      await tx.reportAttachment.delete({ where: { id: attachment.id } });
      const stillHeld = await tx.reportAttachment.count({ where: { fileId: attachment.fileId } });
      if (stillHeld === 0) {
        const file = await tx.storedFile.delete({ where: { id: attachment.fileId }, select: { objectKey: true } });
        if (file.objectKey) orphan = { bytes: null, objectKey: file.objectKey, etag: null };
      }
      await writeAudit(tx, actor, request, {
        action: "reportAttachment.remove",
        entityType,
        entityId: attachment.id,
        before: { reportId: attachment.reportId, fileId: attachment.fileId, name: attachment.file.originalName, shareable: attachment.shareable },
        after: null,
      });
      return { placementId: attachment.report.placementId, name: attachment.file.originalName };
    }, transactionOptions),
  );
  // A failure here leaves only an orphan object, never a row pointing at nothing.
  if (orphan) await storage.discard(orphan).catch(() => undefined);
  return result;
}

/** An attachment's bytes for download, when this reader may see it (host side: shareable ones only); audited. */
export async function readReportAttachment({ actor, request }: MutationContext, placementId: string, attachmentId: string) {
  const placement = await loadPlacement(db, actor, placementId, "officerReport:view").catch((error) => {
    // Outside the reader's reach, a placement and an attachment are both simply not there.
    throw error instanceof ForbiddenError ? new NotFoundError() : error;
  });
  const attachment = await db.reportAttachment.findFirst({
    where: { AND: [{ id: attachmentId, report: { placementId } }, reportAttachmentWhere(actor, placement)] },
    select: { id: true, reportId: true, shareable: true, file: { select: { id: true, backend: true, bytes: true, objectKey: true, contentType: true, originalName: true } } },
  });
  if (!attachment || !canSeeReportAttachment(actor, placement, attachment)) throw new NotFoundError();
  const bytes = await readStoredBytes(attachment.file);
  await writeAudit(db, actor, request, {
    action: "reportAttachment.download",
    entityType,
    entityId: attachment.id,
    after: { reportId: attachment.reportId, fileId: attachment.file.id, name: attachment.file.originalName },
  });
  return { bytes, contentType: attachment.file.contentType, name: attachment.file.originalName };
}
