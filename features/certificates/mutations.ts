import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { isAllowed, placementResource } from "@/lib/authorization";
import { writeAudit } from "@/lib/audit";
import { formatDateOnly } from "@/lib/dates";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { transactionOptions, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { readStoredBytes, type FileStorage } from "@/features/documents/storage";
import { certificateRefusal, type CertificateRefusal, type FinalReportAccepted } from "./eligibility";
import { renderCertificatePdf } from "./pdf";
import { hashVerificationCode, newVerificationCode } from "./verification-code";

const refusalKeys: Record<CertificateRefusal, string> = {
  notConfirmed: "certificateNotConfirmed",
  notEnded: "certificateNotEnded",
  reportNotAccepted: "certificateReportNotAccepted",
  alreadyIssued: "certificateAlreadyIssued",
};

export interface IssueCertificateOptions {
  today: string;
  finalReportAccepted: FinalReportAccepted;
  storage: FileStorage;
  /** The public address of /verify, e.g. https://exchange.example.gov.hk/verify. */
  verifyBaseUrl: string;
}

const placementSelect = {
  id: true,
  officerId: true,
  hostUnitId: true,
  status: true,
  postTitle: true,
  startDate: true,
  endDate: true,
  officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true } },
  hostUnit: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
  cohort: {
    select: {
      sendingJurisdictionId: true,
      hostJurisdictionId: true,
      nameEn: true,
      nameZhHant: true,
      nameZhHans: true,
      sendingJurisdiction: { select: { kind: true, nameEn: true, nameZhHant: true, nameZhHans: true } },
      hostJurisdiction: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
    },
  },
} as const;

export function officerDisplayName(officer: { surname: string; givenName: string; otherName: string | null }): string {
  return [officer.surname.toUpperCase(), officer.givenName, officer.otherName ? `(${officer.otherName})` : null].filter(Boolean).join(" ");
}

/**
 * Issues the certificate of completion of a placement (the sending side's coordinator): checks the one rule
 * (eligibility.ts), renders the PDF with a new verification code, stores it like any file, and records the
 * certificate (only the code's hash) and its audit entry in one transaction. Returns the certificate's id.
 */
export async function issueCertificate({ actor, request }: MutationContext, placementId: string, options: IssueCertificateOptions) {
  const placement = await db.placement.findUnique({ where: { id: placementId }, select: placementSelect });
  if (!placement || !isAllowed(actor, "placement:view", placementResource(placement))) throw new NotFoundError();
  if (!isAllowed(actor, "certificate:issue", placementResource(placement))) throw new ForbiddenError();
  const existing = await db.certificate.findUnique({ where: { placementId }, select: { id: true } });
  const endDate = formatDateOnly(placement.endDate);
  const refusal = await certificateRefusal(db, { ...placement, endDate }, { today: options.today, finalReportAccepted: options.finalReportAccepted, alreadyIssued: existing !== null });
  if (refusal) throw new AppError(refusalKeys[refusal], { end: endDate });

  const { cohort, officer } = placement;
  const hostUnit = placement.hostUnit!;
  const chineseLocale = cohort.sendingJurisdiction.kind === "SAR" ? "zh-Hant" : "zh-Hans";
  const zh = (record: { nameZhHant: string; nameZhHans: string }) => (chineseLocale === "zh-Hant" ? record.nameZhHant : record.nameZhHans);
  const code = newVerificationCode();
  const officerName = officerDisplayName(officer);
  const bytes = await renderCertificatePdf({
    officerNameEn: officerName,
    officerNameZh: officer.chineseName,
    hostUnit: { en: hostUnit.nameEn, zh: zh(hostUnit) },
    post: placement.postTitle,
    cohort: { en: cohort.nameEn, zh: zh(cohort) },
    sendingSide: { en: cohort.sendingJurisdiction.nameEn, zh: zh(cohort.sendingJurisdiction) },
    hostSide: { en: cohort.hostJurisdiction.nameEn, zh: zh(cohort.hostJurisdiction) },
    startDate: placement.startDate,
    endDate: placement.endDate,
    code,
    verifyUrl: `${options.verifyBaseUrl}/${code}`,
    chineseLocale,
  });
  const location = await options.storage.save(bytes, "application/pdf");
  try {
    return await withDatabaseErrorsTranslated(() =>
      db.$transaction(async (tx) => {
        const file = await tx.storedFile.create({
          data: {
            backend: options.storage.backend,
            contentType: "application/pdf",
            extension: "pdf",
            originalName: `certificate-${officer.surname.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${endDate}.pdf`,
            size: bytes.byteLength,
            sha256: createHash("sha256").update(bytes).digest("hex"),
            bytes: location.bytes,
            objectKey: location.objectKey,
            etag: location.etag,
            uploadedById: actor.userId,
          },
          select: { id: true },
        });
        const certificate = await tx.certificate.create({
          data: {
            placementId,
            codeHash: hashVerificationCode(code),
            officerName,
            officerNameZh: officer.chineseName,
            hostUnitNameEn: hostUnit.nameEn,
            hostUnitNameZh: zh(hostUnit),
            startDate: placement.startDate,
            endDate: placement.endDate,
            fileId: file.id,
            issuedById: actor.userId,
          },
          select: { id: true },
        });
        // The code is not audited: the log is readable by admins, and the code is the certificate's proof.
        await writeAudit(tx, actor, request, { action: "certificate.issue", entityType: "Certificate", entityId: certificate.id, after: { placementId, officerName, fileId: file.id } });
        return { id: certificate.id, officerName };
      }, transactionOptions),
    );
  } catch (error) {
    await options.storage.discard(location).catch(() => undefined);
    throw error;
  }
}

/** The certificate's PDF for download (certificate:download on the placement); audited. */
export async function readCertificateFile({ actor, request }: MutationContext, placementId: string) {
  const placement = await db.placement.findUnique({ where: { id: placementId }, select: { officerId: true, hostUnitId: true, cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } } } });
  if (!placement || !isAllowed(actor, "placement:view", placementResource(placement))) throw new NotFoundError();
  if (!isAllowed(actor, "certificate:download", placementResource(placement))) throw new ForbiddenError();
  const certificate = await db.certificate.findUnique({ where: { placementId }, select: { id: true, file: { select: { backend: true, bytes: true, objectKey: true, originalName: true } } } });
  if (!certificate) throw new NotFoundError();
  const bytes = await readStoredBytes(certificate.file);
  await writeAudit(db, actor, request, { action: "certificate.download", entityType: "Certificate", entityId: certificate.id, after: { placementId } });
  return { bytes, contentType: "application/pdf", name: certificate.file.originalName };
}
