import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { isAllowed, placementResource } from "@/lib/authorization";
import { writeAudit } from "@/lib/audit";
import { parseDateOnly, formatDateOnly } from "@/lib/dates";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { canSeeDocumentDetails } from "@/lib/scopes";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { refuseStaleEdit } from "@/lib/last-change";
import { directionOf } from "./checklist-rules";
import { detectUploadType, downloadName } from "./content-type";
import { findDocumentPlacement } from "./queries";
import type { DocumentDetailsInput, TemplateItemInput } from "./schemas";
import { readStoredBytes, type FileLocation, type FileStorage } from "./storage";

/** A refusal of the upload form's fields; the keys are full catalog keys, translated by the route. */
export class DocumentFieldError extends AppError {
  constructor(fieldErrors: Record<string, string[]>, values: Record<string, string | number> = {}) {
    super("checkFields", values, fieldErrors);
    this.name = "DocumentFieldError";
  }
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveDocumentOptions {
  storage: FileStorage;
  maxBytes: number;
}

/**
 * The bytes as stored: written into the row (PostgreSQL) or already in S3 (the row keeps the key). The one check of an
 * upload (empty, size, type by content), shared with report attachments (decision 112).
 */
export async function storeBytes(file: UploadedFile, storage: FileStorage, maxBytes: number) {
  if (file.bytes.byteLength === 0) throw new DocumentFieldError({ file: ["documents.errors.fileEmpty"] });
  if (file.bytes.byteLength > maxBytes) throw new DocumentFieldError({ file: ["documents.errors.fileTooLarge"] }, { maxBytes });
  const type = await detectUploadType(file.bytes);
  if (!type) throw new DocumentFieldError({ file: ["documents.errors.fileTypeNotAccepted"] });
  const location = await storage.save(file.bytes, type.contentType);
  return {
    location,
    row: {
      backend: storage.backend,
      contentType: type.contentType,
      extension: type.extension,
      originalName: downloadName(file.name, type.extension),
      size: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      bytes: location.bytes,
      objectKey: location.objectKey,
      etag: location.etag,
    },
  };
}

/**
 * Saves one checklist item of a placement: its number, expiry and (optionally) a new file. The file's type is read
 * from its content; an S3 object is written first and removed again when the transaction fails, so a refusal leaves
 * nothing behind. The item's version guards against a concurrent edit; upload and change are audited in the same
 * transaction.
 */
export async function saveDocument({ actor, request }: MutationContext, input: DocumentDetailsInput, file: UploadedFile | null, options: SaveDocumentOptions) {
  const placement = await findDocumentPlacement(actor, input.placementId);
  if (!placement) throw new NotFoundError();
  if (!isAllowed(actor, "document:upload", placementResource(placement)) || !canSeeDocumentDetails(actor, placement)) throw new ForbiddenError();
  const item = await db.documentTemplateItem.findUnique({ where: { id: input.templateItemId } });
  if (!item || !item.active || item.direction !== directionOf(placement.cohort.sendingJurisdiction.kind)) throw new NotFoundError();

  const fieldErrors: Record<string, string[]> = {};
  if (!item.needsNumber && input.number) fieldErrors.number = ["documents.errors.numberNotAsked"];
  if (!item.needsExpiry && input.expiresOn) fieldErrors.expiresOn = ["documents.errors.expiryNotAsked"];
  if (Object.keys(fieldErrors).length > 0) throw new DocumentFieldError(fieldErrors);

  const stored = file ? await storeBytes(file, options.storage, options.maxBytes) : null;
  let replaced: FileLocation | null = null;
  try {
    const result = await withDatabaseErrorsTranslated(() =>
      db.$transaction(async (tx) => {
        const existing = await tx.placementDocument.findUnique({ where: { placementId_templateItemId: { placementId: placement.id, templateItemId: item.id } } });
        if (existing && input.version !== existing.version) await refuseStaleEdit(tx, "PlacementDocument", existing.id, existing.updatedAt);
        const newFile = stored ? await tx.storedFile.create({ data: { ...stored.row, uploadedById: actor.userId }, select: { id: true } }) : null;
        const fileId = newFile?.id ?? existing?.fileId ?? null;
        const values = {
          number: item.needsNumber ? input.number : null,
          expiresOn: item.needsExpiry && input.expiresOn ? parseDateOnly(input.expiresOn) : null,
          fileId,
          status: fileId || input.number || input.expiresOn ? ("SUBMITTED" as const) : ("PENDING" as const),
          updatedById: actor.userId,
        };
        const auditValues = (row: { number: string | null; expiresOn: Date | null; status: string }) => ({
          number: row.number,
          expiresOn: row.expiresOn ? formatDateOnly(row.expiresOn) : null,
          status: row.status,
        });
        let document;
        if (existing) {
          document = await updateAtVersion(tx, { actor, request }, {
            entityType: "PlacementDocument",
            id: existing.id,
            version: existing.version,
            readAt: existing.updatedAt,
            write: (where, version) => tx.placementDocument.updateMany({ where, data: { ...values, version } }),
            read: () => tx.placementDocument.findUniqueOrThrow({ where: { id: existing.id } }),
            audit: (after) => ({ action: "document.update", before: auditValues(existing), after: auditValues(after) }),
          });
        } else {
          document = await tx.placementDocument.create({ data: { ...values, placementId: placement.id, templateItemId: item.id } });
          await writeAudit(tx, actor, request, { action: "document.update", entityType: "PlacementDocument", entityId: document.id, before: null, after: auditValues(document) });
        }
        if (newFile && stored) {
          await writeAudit(tx, actor, request, {
            action: "document.upload",
            entityType: "PlacementDocument",
            entityId: document.id,
            after: { fileId: newFile.id, name: stored.row.originalName, contentType: stored.row.contentType, size: stored.row.size, sha256: stored.row.sha256, backend: stored.row.backend },
          });
          if (existing?.fileId) {
            const old = await tx.storedFile.delete({ where: { id: existing.fileId }, select: { objectKey: true } });
            replaced = { bytes: null, objectKey: old.objectKey, etag: null };
          }
        }
        return document;
      }, transactionOptions),
    );
    // The replaced file's S3 object goes once the new one is recorded; a failure here leaves only an orphan object.
    if (replaced && (replaced as FileLocation).objectKey) await options.storage.discard(replaced).catch(() => undefined);
    return result;
  } catch (error) {
    if (stored) await options.storage.discard(stored.location).catch(() => undefined);
    throw error;
  }
}

/** A document's file for download, after the record-level check; the download is audited. */
export async function readDocumentFile({ actor, request }: MutationContext, placementId: string, fileId: string) {
  const placement = await findDocumentPlacement(actor, placementId);
  if (!placement || !canSeeDocumentDetails(actor, placement)) throw new NotFoundError();
  const document = await db.placementDocument.findFirst({
    where: { placementId, fileId },
    select: { id: true, file: { select: { id: true, backend: true, bytes: true, objectKey: true, contentType: true, originalName: true, size: true } } },
  });
  if (!document?.file) throw new NotFoundError();
  const bytes = await readStoredBytes(document.file);
  await writeAudit(db, actor, request, { action: "document.download", entityType: "PlacementDocument", entityId: document.id, after: { fileId, name: document.file.originalName } });
  return { bytes, contentType: document.file.contentType, name: document.file.originalName };
}

/** Adds or edits an item of a direction's checklist (admins). */
export async function saveTemplateItem({ actor, request }: MutationContext, input: TemplateItemInput) {
  if (actor.role !== "ADMIN") throw new ForbiddenError();
  const values = {
    direction: input.direction,
    labelEn: input.labelEn,
    labelZhHant: input.labelZhHant,
    labelZhHans: input.labelZhHans,
    needsNumber: input.needsNumber,
    needsExpiry: input.needsExpiry,
    required: input.required,
    active: input.active,
    sortOrder: input.sortOrder,
  };
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      if (!input.id) {
        const code = `${input.labelEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "item"}-${Date.now().toString(36)}`;
        const created = await tx.documentTemplateItem.create({ data: { ...values, code } });
        await writeAudit(tx, actor, request, { action: "documentTemplate.create", entityType: "DocumentTemplateItem", entityId: created.id, after: values });
        return created;
      }
      const existing = await tx.documentTemplateItem.findUnique({ where: { id: input.id } });
      if (!existing) throw new NotFoundError();
      return updateAtVersion(tx, { actor, request }, {
        entityType: "DocumentTemplateItem",
        id: existing.id,
        version: input.version ?? 0,
        readAt: existing.updatedAt,
        write: (where, version) => tx.documentTemplateItem.updateMany({ where, data: { ...values, version } }),
        read: () => tx.documentTemplateItem.findUniqueOrThrow({ where: { id: existing.id } }),
        audit: (after) => ({ action: "documentTemplate.update", before: pick(existing), after: pick(after) }),
      });
    }, transactionOptions),
  );
}

function pick(row: TemplateItemInput | { [key: string]: unknown }) {
  const { direction, labelEn, labelZhHant, labelZhHans, needsNumber, needsExpiry, required, active, sortOrder } = row as TemplateItemInput;
  return { direction, labelEn, labelZhHant, labelZhHans, needsNumber, needsExpiry, required, active, sortOrder };
}
