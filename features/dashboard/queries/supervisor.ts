import "server-only";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { formatOfficerName } from "@/features/officers/names";
import type { Actor } from "@/lib/authorization";

export interface SupervisedPlacement {
  id: string;
  officerName: string;
  chineseName: string | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** Live placements in the supervisor's own host unit; only the fields a host needs. */
export async function findSupervisedPlacements(actor: Actor): Promise<SupervisedPlacement[]> {
  if (actor.role !== "SUPERVISOR" || !actor.hostUnitId) return [];
  const placements = await db.placement.findMany({
    where: { hostUnitId: actor.hostUnitId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    take: 50,
    select: {
      id: true,
      postTitle: true,
      startDate: true,
      endDate: true,
      status: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } },
    },
  });
  return placements.map((placement) => ({
    id: placement.id,
    officerName: formatOfficerName(placement.officer),
    chineseName: placement.officer.chineseName,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}
