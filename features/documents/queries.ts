import "server-only";
import { db } from "@/lib/db";
import { cohortSidesSelect, hasPermission, isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { canSeeDocumentDetails } from "@/lib/scopes";
import { formatDateOnly } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import type { TrilingualName } from "@/lib/i18n/locales";
import { directionOf, expiresBeforePlacementEnds, type DocumentDirection } from "./checklist-rules";

/** What a placement's document pages read about the placement; null when the actor may not view its documents. */
export async function findDocumentPlacement(actor: Actor, placementId: string) {
  const placement = await db.placement.findUnique({
    where: { id: placementId },
    select: {
      id: true,
      officerId: true,
      hostUnitId: true,
      status: true,
      postTitle: true,
      startDate: true,
      endDate: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true } },
      hostUnit: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
      cohort: { select: { ...cohortSidesSelect, id: true, nameEn: true, nameZhHant: true, nameZhHans: true, sendingJurisdiction: { select: { kind: true } } } },
    },
  });
  if (!placement || !isAllowed(actor, "document:view", placementResource(placement))) return null;
  return placement;
}

export type DocumentPlacement = NonNullable<Awaited<ReturnType<typeof findDocumentPlacement>>>;

export interface ChecklistItemView {
  templateItemId: string;
  label: { labelEn: string; labelZhHant: string; labelZhHans: string };
  needsNumber: boolean;
  needsExpiry: boolean;
  required: boolean;
  status: "PENDING" | "SUBMITTED";
  /** Shown to everyone who sees the checklist: it is the state, not the document. */
  expiresBeforeEnd: boolean;
  /** Number, expiry and file: null for readers outside lib/scopes.ts documentDetails (the host side, supervisors). */
  details: {
    number: string | null;
    expiresOn: string | null;
    version: number | null;
    file: { id: string; name: string; contentType: string; size: number } | null;
  } | null;
}

export interface DocumentChecklist {
  placementId: string;
  officerName: string;
  officerChineseName: string | null;
  cohortName: TrilingualName;
  hostUnitName: TrilingualName | null;
  postTitle: string | null;
  startDate: string;
  endDate: string;
  direction: DocumentDirection;
  items: ChecklistItemView[];
  canUpload: boolean;
  canSeeDetails: boolean;
}

/** A placement's checklist: the active items of its direction's template, each with what was given for it. */
export async function findDocumentChecklist(actor: Actor, placementId: string): Promise<DocumentChecklist> {
  const placement = await findDocumentPlacement(actor, placementId);
  if (!placement) throw new NotFoundError();
  const direction = directionOf(placement.cohort.sendingJurisdiction.kind);
  const canSeeDetails = canSeeDocumentDetails(actor, placement);
  const [templateItems, documents] = await Promise.all([
    db.documentTemplateItem.findMany({ where: { direction, active: true }, orderBy: [{ sortOrder: "asc" }, { labelEn: "asc" }] }),
    db.placementDocument.findMany({
      where: { placementId },
      select: { templateItemId: true, number: true, expiresOn: true, status: true, version: true, file: { select: { id: true, originalName: true, extension: true, contentType: true, size: true } } },
    }),
  ]);
  const endDate = formatDateOnly(placement.endDate);
  const byItem = new Map(documents.map((document) => [document.templateItemId, document]));
  const items = templateItems.map((item): ChecklistItemView => {
    const document = byItem.get(item.id);
    const expiresOn = document?.expiresOn ? formatDateOnly(document.expiresOn) : null;
    return {
      templateItemId: item.id,
      label: { labelEn: item.labelEn, labelZhHant: item.labelZhHant, labelZhHans: item.labelZhHans },
      needsNumber: item.needsNumber,
      needsExpiry: item.needsExpiry,
      required: item.required,
      status: document?.status ?? "PENDING",
      expiresBeforeEnd: expiresBeforePlacementEnds(expiresOn, endDate),
      details: canSeeDetails
        ? {
            number: document?.number ?? null,
            expiresOn,
            version: document?.version ?? null,
            file: document?.file ? { id: document.file.id, name: document.file.originalName, contentType: document.file.contentType, size: document.file.size } : null,
          }
        : null,
    };
  });
  const { officer } = placement;
  return {
    placementId,
    officerName: [officer.surname.toUpperCase(), officer.givenName, officer.otherName ? `(${officer.otherName})` : null].filter(Boolean).join(" "),
    officerChineseName: officer.chineseName,
    cohortName: { nameEn: placement.cohort.nameEn, nameZhHant: placement.cohort.nameZhHant, nameZhHans: placement.cohort.nameZhHans },
    hostUnitName: placement.hostUnit,
    postTitle: placement.postTitle,
    startDate: formatDateOnly(placement.startDate),
    endDate,
    direction,
    items,
    canUpload: isAllowed(actor, "document:upload", placementResource(placement)),
    canSeeDetails,
  };
}

/** Every checklist item of both directions, for the admin page. */
export async function findTemplateItems(actor: Actor) {
  if (!hasPermission(actor, "documentTemplate:manage")) throw new NotFoundError();
  return db.documentTemplateItem.findMany({ orderBy: [{ direction: "asc" }, { sortOrder: "asc" }, { labelEn: "asc" }] });
}
