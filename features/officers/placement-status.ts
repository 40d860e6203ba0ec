import type { PlacementStatus } from "@/generated/prisma/enums";

export type DisplayedPlacementStatus = PlacementStatus | "ACTIVE" | "COMPLETED";

/** A confirmed placement reads as active while its dates run and completed after; the stored status stays CONFIRMED. */
export function displayedPlacementStatus(placement: { status: PlacementStatus; startDate: Date; endDate: Date }, today: Date): DisplayedPlacementStatus {
  if (placement.status !== "CONFIRMED") return placement.status;
  if (today > placement.endDate) return "COMPLETED";
  if (today >= placement.startDate) return "ACTIVE";
  return "CONFIRMED";
}
