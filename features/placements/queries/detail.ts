import "server-only";
import { db } from "@/lib/db";
import { cohortSidesSelect, isAllowed, placementResource, sideInCohort, type Actor } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { displayStatus, type PlacementDisplayStatus } from "../display-status";
import { approvalSideOf, revocationBlocker } from "../policy";
import type { ApprovalSide } from "../schemas";
import type { TrilingualName } from "@/lib/i18n/locales";
import { trilingualNameSelect } from "@/lib/i18n/locales";
import { officerSelect, staffNumbersFor, toOfficerSummary, type OfficerSummary } from "./officer-summary";

interface Approval {
  at: Date;
  by: string | null;
}

export interface PlacementDetail {
  id: string;
  version: number;
  status: PlacementStatus;
  displayStatus: PlacementDisplayStatus;
  cohort: TrilingualName & {
    id: string;
    code: string;
    startDate: Date;
    endDate: Date;
    status: string;
    sendingJurisdictionId: string;
    hostJurisdictionId: string;
    sendingSide: TrilingualName;
    hostSide: TrilingualName;
  };
  /** The viewer's side in the cohort, for coordinators. */
  viewerSide: "sending" | "host" | null;
  /** The side this viewer approves for, when it is a coordinator of either side. */
  approvalSide: ApprovalSide | null;
  canAssign: boolean;
  canWithdraw: boolean;
  /** The viewer approved for `approvalSide` and may still take it back (policy.ts revocationBlocker). */
  canRevokeApproval: boolean;
  officer: OfficerSummary;
  hostUnit: (TrilingualName & { id: string }) | null;
  field: (TrilingualName & { id: string }) | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  sendingApproval: Approval | null;
  hostApproval: Approval | null;
  approvalResetReason: string | null;
  withdrawal: { at: Date | null; by: string | null; reason: string } | null;
  updatedAt: Date;
  updatedBy: string | null;
}

/** One placement, or null when it does not exist or lies outside the actor's scope (the page answers 404). */
export async function findPlacementDetail(actor: Actor, id: string): Promise<PlacementDetail | null> {
  const placement = await db.placement.findFirst({
    where: { AND: [{ id }, scopeWhere("placement", actor)] },
    include: {
      cohort: {
        select: {
          id: true,
          code: true,
          startDate: true,
          endDate: true,
          status: true,
          ...trilingualNameSelect,
          ...cohortSidesSelect,
          sendingJurisdiction: { select: trilingualNameSelect },
          hostJurisdiction: { select: trilingualNameSelect },
        },
      },
      officer: { select: officerSelect },
      hostUnit: { select: { id: true, ...trilingualNameSelect } },
      field: { select: { id: true, ...trilingualNameSelect } },
      sendingApprovedBy: { select: { name: true } },
      hostApprovedBy: { select: { name: true } },
      withdrawnBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
    },
  });
  // Belt and braces: the scoped query and the authorization module must agree.
  if (!placement || !isAllowed(actor, "placement:view", placementResource(placement))) return null;
  const staffNumbers = await staffNumbersFor(actor, [placement]);
  const resource = placementResource(placement);
  const { cohort } = placement;
  return {
    id: placement.id,
    version: placement.version,
    status: placement.status,
    displayStatus: displayStatus(placement),
    cohort: {
      id: cohort.id,
      code: cohort.code,
      nameEn: cohort.nameEn,
      nameZhHant: cohort.nameZhHant,
      nameZhHans: cohort.nameZhHans,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      status: cohort.status,
      sendingJurisdictionId: cohort.sendingJurisdictionId,
      hostJurisdictionId: cohort.hostJurisdictionId,
      sendingSide: cohort.sendingJurisdiction,
      hostSide: cohort.hostJurisdiction,
    },
    viewerSide: actor.role === "COORDINATOR" ? sideInCohort(actor, cohort) : null,
    approvalSide: approvalSideOf(actor, placement),
    canAssign: isAllowed(actor, "placement:assign", resource),
    canWithdraw: isAllowed(actor, "placement:withdraw", resource),
    canRevokeApproval: (() => {
      const side = approvalSideOf(actor, placement);
      return side !== null && revocationBlocker(placement, side, actor.userId) === null;
    })(),
    officer: toOfficerSummary(placement.officer, staffNumbers.get(placement.officerId) ?? null),
    hostUnit: placement.hostUnit,
    field: placement.field,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    sendingApproval: placement.sendingApprovedAt ? { at: placement.sendingApprovedAt, by: placement.sendingApprovedBy?.name ?? null } : null,
    hostApproval: placement.hostApprovedAt ? { at: placement.hostApprovedAt, by: placement.hostApprovedBy?.name ?? null } : null,
    approvalResetReason: placement.approvalResetReason,
    withdrawal:
      placement.status === "WITHDRAWN"
        ? { at: placement.withdrawnAt, by: placement.withdrawnBy?.name ?? null, reason: placement.withdrawnReason ?? "" }
        : null,
    updatedAt: placement.updatedAt,
    updatedBy: placement.updatedBy?.name ?? null,
  };
}
