import "server-only";
import { db } from "@/lib/db";
import { isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { formatDateOnly } from "@/lib/dates";
import { hashVerificationCode, normalizeVerificationCode } from "./verification-code";

/** What /verify may show of a certificate: the name, the period and the host unit, nothing else. */
export interface VerifiedCertificate {
  officerName: string;
  officerNameZh: string | null;
  startDate: string;
  endDate: string;
  hostUnitNameEn: string;
  hostUnitNameZh: string;
}

export async function findCertificateByCode(input: string): Promise<VerifiedCertificate | null> {
  const code = normalizeVerificationCode(input);
  if (!code) return null;
  const certificate = await db.certificate.findUnique({
    where: { codeHash: hashVerificationCode(code) },
    select: { officerName: true, officerNameZh: true, startDate: true, endDate: true, hostUnitNameEn: true, hostUnitNameZh: true },
  });
  if (!certificate) return null;
  return { ...certificate, startDate: formatDateOnly(certificate.startDate), endDate: formatDateOnly(certificate.endDate) };
}

/** Look-ups allowed from one address in a window; more are refused until the window moves on. */
export const verifyLookupLimit = { count: 20, windowMinutes: 15 } as const;

/**
 * Records a look-up from the address and says whether it is within the limit. Counting in PostgreSQL keeps the limit
 * shared between instances (README "Several instances"). Old rows are removed as the address looks up again.
 */
export async function recordVerifyLookup(ipAddress: string, now: Date = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - verifyLookupLimit.windowMinutes * 60 * 1000);
  return db.$transaction(async (tx) => {
    await tx.certificateLookup.deleteMany({ where: { ipAddress, createdAt: { lt: windowStart } } });
    const recent = await tx.certificateLookup.count({ where: { ipAddress, createdAt: { gte: windowStart } } });
    if (recent >= verifyLookupLimit.count) return false;
    await tx.certificateLookup.create({ data: { ipAddress, createdAt: now } });
    return true;
  });
}

/** The certificate of a placement as its page shows it, for those who may download it; null when there is none. */
export async function findPlacementCertificate(actor: Actor, placement: { id: string; officerId: string; hostUnitId: string | null; cohort: { sendingJurisdictionId: string; hostJurisdictionId: string } }) {
  if (!isAllowed(actor, "certificate:download", placementResource(placement))) return null;
  const certificate = await db.certificate.findUnique({ where: { placementId: placement.id }, select: { id: true, issuedAt: true } });
  return certificate;
}
