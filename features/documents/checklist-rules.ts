import type { JurisdictionKind } from "@/generated/prisma/enums";

export type DocumentDirection = "HK_TO_MAINLAND" | "MAINLAND_TO_HK";

/** A cohort's direction comes from its sending side: Hong Kong (a SAR) sends to the mainland, anyone else to HK. */
export function directionOf(sendingKind: JurisdictionKind): DocumentDirection {
  return sendingKind === "SAR" ? "HK_TO_MAINLAND" : "MAINLAND_TO_HK";
}

/** A document that expires before the placement's last day needs renewing before the officer can finish there. */
export function expiresBeforePlacementEnds(expiresOn: string | null, placementEndDate: string): boolean {
  return expiresOn !== null && expiresOn < placementEndDate;
}
