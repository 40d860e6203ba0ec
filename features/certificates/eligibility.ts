import type { Prisma } from "@/generated/prisma/client";

/**
 * Whether a placement's final report has been accepted. The officer-reports lane provides it
 * (features/officer-reports/completion.ts `finalReportAccepted`); it is passed in so that this rule does not depend on
 * that feature's tables (see wiring.ts).
 */
export type FinalReportAccepted = (client: Prisma.TransactionClient, placementId: string) => Promise<boolean>;

export type CertificateRefusal = "notConfirmed" | "notEnded" | "reportNotAccepted" | "alreadyIssued";

export interface CertificatePlacement {
  id: string;
  status: string;
  hostUnitId: string | null;
  /** The placement's last day, YYYY-MM-DD. */
  endDate: string;
}

/**
 * THE rule for a certificate of completion (issue 15): the placement is confirmed, has ended (its last day is before
 * today, in Hong Kong) and its final report is accepted; and it has no certificate yet. Returns why not, or null.
 */
export async function certificateRefusal(
  client: Prisma.TransactionClient,
  placement: CertificatePlacement,
  { today, finalReportAccepted, alreadyIssued }: { today: string; finalReportAccepted: FinalReportAccepted; alreadyIssued: boolean },
): Promise<CertificateRefusal | null> {
  if (alreadyIssued) return "alreadyIssued";
  if (placement.status !== "CONFIRMED" || !placement.hostUnitId) return "notConfirmed";
  if (!(placement.endDate < today)) return "notEnded";
  if (!(await finalReportAccepted(client, placement.id))) return "reportNotAccepted";
  return null;
}
