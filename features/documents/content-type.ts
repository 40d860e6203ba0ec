import "server-only";
import { fileTypeFromBuffer } from "file-type";

/** The kinds of file a document upload may be, as their content shows them (decision 097). */
export const acceptedUploadTypes = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "image/jpeg": "jpg",
  "image/png": "png",
} as const;

export type AcceptedContentType = keyof typeof acceptedUploadTypes;

export interface DetectedType {
  contentType: AcceptedContentType;
  extension: (typeof acceptedUploadTypes)[AcceptedContentType];
}

/**
 * What the bytes are, read from their magic numbers (file-type), or null when they are none of the accepted kinds.
 * The file's name and the browser's claimed type are never consulted: a PNG named "scan.pdf" is a PNG, and is
 * stored and downloaded as one; an executable named "form.pdf" is refused.
 */
export async function detectUploadType(bytes: Uint8Array): Promise<DetectedType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.mime in acceptedUploadTypes)) return null;
  const contentType = found.mime as AcceptedContentType;
  return { contentType, extension: acceptedUploadTypes[contentType] };
}

/** The name a download gets: the uploaded name's stem, with the extension of what the content is. */
export function downloadName(originalName: string, extension: string): string {
  const stem = originalName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N} ._()-]+/gu, "_").trim() || "document";
  return `${stem.slice(0, 120)}.${extension}`;
}
