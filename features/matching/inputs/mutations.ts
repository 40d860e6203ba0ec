import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { cohortResource, isAllowed } from "@/lib/authorization";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { refuseStaleEdit } from "@/lib/last-change";
import { transactionOptions, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { defaultStoredWeights } from "./defaults";
import { preferenceLock } from "./policy";
import type { SavePreferencesInput, SaveSettingsInput, SaveUnitMatchingInput } from "./schemas";

// Writes of the matching inputs (decision 107). Ranked lists are replaced whole in one transaction; every save
// carries the version it started from (0: never saved) and a save from an older version is refused with who changed
// it and when; each is audited in the same transaction with its before and after, by name.

type Tx = Prisma.TransactionClient;

/** The messages for a preference list the actor cannot edit now ("errors" catalog). */
const lockMessages = {
  cohortClosed: "matchingInputs.cohortClosed",
  notNominated: "matchingInputs.notNominated",
  deadlinePassed: "matchingInputs.deadlinePassed",
} as const;

/**
 * Steps a list's version from the one the user started from, or refuses the edit. Version 0 creates the row
 * (`ON CONFLICT DO NOTHING`: of two first saves at once, the second finds the row and is refused); otherwise the
 * update matches only the version the user saw, under the row lock, so of two saves from one version one wins.
 */
async function stepVersion(
  fromVersion: number,
  create: () => PromiseLike<{ count: number }>,
  update: () => PromiseLike<{ count: number }>,
  refuse: () => Promise<never>,
): Promise<number> {
  const { count } = fromVersion === 0 ? await create() : await update();
  if (count !== 1) return refuse();
  return fromVersion + 1;
}

const unitAuditName = (unit: { nameEn: string; code: string }) => `${unit.nameEn} (${unit.code})`;
const fieldAuditName = (field: { nameEn: string; code: string }) => `${field.nameEn} (${field.code})`;

/**
 * Ranks a placement's host-unit and field-of-work preferences, saved together as one list version: the officer until
 * the deadline, the sending side always.
 */
export async function savePreferences(
  { actor, request }: MutationContext,
  input: SavePreferencesInput,
  options: { now?: Date } = {},
): Promise<{ placementId: string; count: number; fieldCount: number; version: number }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const placement = await tx.placement.findFirst({
        where: { AND: [{ id: input.placementId }, scopeWhere("matchingPreference", actor)] },
        select: {
          id: true,
          officerId: true,
          hostUnitId: true,
          status: true,
          cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true, nominationDeadline: true, status: true } },
          matchingPreferences: { orderBy: { rank: "asc" }, select: { hostUnit: { select: { id: true, code: true, nameEn: true } } } },
        },
      });
      if (!placement) throw new NotFoundError();
      const lock = preferenceLock(actor, placement, parseDateOnly(todayInHongKong(options.now)));
      if (lock === "forbidden") throw new ForbiddenError();
      if (lock) throw new AppError(lockMessages[lock]);

      const version = await stepVersion(
        input.version,
        () => tx.matchingPreferenceList.createMany({ data: [{ placementId: placement.id, updatedById: actor.userId }], skipDuplicates: true }),
        () => tx.matchingPreferenceList.updateMany({ where: { placementId: placement.id, version: input.version }, data: { version: { increment: 1 }, updatedById: actor.userId } }),
        async () => {
          const current = await tx.matchingPreferenceList.findUnique({ where: { placementId: placement.id }, select: { updatedAt: true } });
          return refuseStaleEdit(tx, "MatchingPreferenceList", placement.id, current?.updatedAt ?? new Date());
        },
      );

      const before = placement.matchingPreferences.map((preference) => preference.hostUnit);
      const keptIds = new Set(before.map((unit) => unit.id));
      const beforeFields = await tx.matchingFieldPreference.findMany({ where: { placementId: placement.id }, orderBy: { rank: "asc" }, select: { fieldId: true } });
      const keptFieldIds = new Set(beforeFields.map((row) => row.fieldId));
      // Active units of the host side; a unit already on the list may stay after it was deactivated.
      const units = await tx.hostUnit.findMany({
        where: { id: { in: input.hostUnitIds }, jurisdictionId: placement.cohort.hostJurisdictionId },
        select: { id: true, code: true, nameEn: true, active: true },
      });
      const byId = new Map(units.map((unit) => [unit.id, unit]));
      if (input.hostUnitIds.some((id) => !byId.get(id) || (!byId.get(id)!.active && !keptIds.has(id)))) {
        throw new AppError("matchingInputs.unitNotOnHostSide", {}, { hostUnitIds: ["matchingInputs.unitNotOnHostSide"] });
      }
      // Active fields of work; a field already on the list may stay after it was deactivated.
      const fields = await tx.field.findMany({ where: { id: { in: [...input.fieldIds, ...keptFieldIds] } }, select: { id: true, code: true, nameEn: true, active: true } });
      const fieldById = new Map(fields.map((field) => [field.id, field]));
      if (input.fieldIds.some((id) => !fieldById.get(id) || (!fieldById.get(id)!.active && !keptFieldIds.has(id)))) {
        throw new AppError("matchingInputs.fieldNotActive", {}, { fieldIds: ["matchingInputs.fieldNotActive"] });
      }

      await tx.matchingPreference.deleteMany({ where: { placementId: placement.id } });
      if (input.hostUnitIds.length > 0) {
        await tx.matchingPreference.createMany({ data: input.hostUnitIds.map((hostUnitId, index) => ({ placementId: placement.id, hostUnitId, rank: index + 1 })) });
      }
      await tx.matchingFieldPreference.deleteMany({ where: { placementId: placement.id } });
      if (input.fieldIds.length > 0) {
        await tx.matchingFieldPreference.createMany({ data: input.fieldIds.map((fieldId, index) => ({ placementId: placement.id, fieldId, rank: index + 1 })) });
      }
      await writeAudit(tx, actor, request, {
        action: "matchingPreference.update",
        entityType: "MatchingPreferenceList",
        entityId: placement.id,
        before: { preferences: before.map(unitAuditName), fieldPreferences: beforeFields.map((row) => fieldAuditName(fieldById.get(row.fieldId)!)) },
        after: { preferences: input.hostUnitIds.map((id) => unitAuditName(byId.get(id)!)), fieldPreferences: input.fieldIds.map((id) => fieldAuditName(fieldById.get(id)!)) },
      });
      return { placementId: placement.id, count: input.hostUnitIds.length, fieldCount: input.fieldIds.length, version };
    }, transactionOptions),
  );
}

/** The cohort for a host-side settings edit, or the refusal: outside the actor's scope, not theirs, or completed. */
async function loadCohortForEdit(tx: Tx, actor: MutationContext["actor"], cohortId: string, permission: "matchingSettings:edit" | "matchingWish:edit") {
  const cohort = await tx.cohort.findFirst({
    where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] },
    select: { id: true, sendingJurisdictionId: true, hostJurisdictionId: true, status: true, nameEn: true, nameZhHant: true, nameZhHans: true },
  });
  if (!cohort) throw new NotFoundError();
  if (!isAllowed(actor, permission, cohortResource(cohort))) throw new ForbiddenError();
  if (cohort.status === "COMPLETED") throw new AppError("matchingInputs.cohortClosed");
  return cohort;
}

const settingsSnapshot = (settings: { fieldFitWeight: number; preferenceWeight: number; wishWeight: number; rankBandWeight: number; maxPerDepartmentPerUnit: number | null }) => ({
  fieldFitWeight: settings.fieldFitWeight,
  preferenceWeight: settings.preferenceWeight,
  wishWeight: settings.wishWeight,
  rankBandWeight: settings.rankBandWeight,
  maxPerDepartmentPerUnit: settings.maxPerDepartmentPerUnit,
});

/** The host side sets a cohort's weights and department cap. */
export async function saveMatchingSettings({ actor, request }: MutationContext, input: SaveSettingsInput) {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const cohort = await loadCohortForEdit(tx, actor, input.cohortId, "matchingSettings:edit");
      const before = await tx.cohortMatchingSettings.findUnique({ where: { cohortId: cohort.id } });
      const values = settingsSnapshot(input);
      const version = await stepVersion(
        input.version,
        () => tx.cohortMatchingSettings.createMany({ data: [{ cohortId: cohort.id, ...values, updatedById: actor.userId }], skipDuplicates: true }),
        () => tx.cohortMatchingSettings.updateMany({ where: { cohortId: cohort.id, version: input.version }, data: { ...values, version: { increment: 1 }, updatedById: actor.userId } }),
        async () => {
          const current = await tx.cohortMatchingSettings.findUnique({ where: { cohortId: cohort.id }, select: { updatedAt: true } });
          return refuseStaleEdit(tx, "CohortMatchingSettings", cohort.id, current?.updatedAt ?? new Date());
        },
      );
      await writeAudit(tx, actor, request, {
        action: "matchingSettings.update",
        entityType: "CohortMatchingSettings",
        entityId: cohort.id,
        before: settingsSnapshot(before ?? { ...defaultStoredWeights, maxPerDepartmentPerUnit: null }),
        after: values,
      });
      return { cohort, version };
    }, transactionOptions),
  );
}

/** The audit name of a band bound: the host side's ranks at that level. */
function levelName(ranks: { level: number; nameEn: string }[], level: number | null): string | null {
  if (level === null) return null;
  const names = ranks.filter((rank) => rank.level === level).map((rank) => rank.nameEn);
  return names.length > 0 ? names.join(" / ") : String(level);
}

const officerAuditName = (officer: { surname: string; givenName: string; otherName: string | null; chineseName: string | null; jurisdiction: { kind: "SAR" | "MAINLAND_CITY" | "PROVINCE" } }) =>
  officer.chineseName ? `${formatOfficerName(officer)} ${officer.chineseName}` : formatOfficerName(officer);
const officerNameSelect = { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } as const;

/**
 * The host side sets one unit's rank band and ranked wishes for a cohort, together (one form, one version: the
 * band row's). A wish for an officer of another cohort is refused by the database (MatchingWish_same_cohort).
 */
export async function saveUnitMatching({ actor, request }: MutationContext, input: SaveUnitMatchingInput) {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const cohort = await loadCohortForEdit(tx, actor, input.cohortId, "matchingSettings:edit");
      if (!isAllowed(actor, "matchingWish:edit", cohortResource(cohort))) throw new ForbiddenError();
      const unit = await tx.hostUnit.findFirst({ where: { AND: [{ id: input.hostUnitId, jurisdictionId: cohort.hostJurisdictionId }, scopeWhere("hostUnit", actor)] }, select: { id: true, nameEn: true, nameZhHant: true, nameZhHans: true } });
      if (!unit) throw new NotFoundError();

      const ranks = await tx.rank.findMany({ where: { jurisdictionId: cohort.hostJurisdictionId }, select: { level: true, nameEn: true } });
      const levels = new Set(ranks.map((rank) => rank.level));
      const fieldErrors: Record<string, string[]> = {};
      if (input.rankMinLevel !== null && !levels.has(input.rankMinLevel)) fieldErrors.rankMinLevel = ["invalidValue"];
      if (input.rankMaxLevel !== null && !levels.has(input.rankMaxLevel)) fieldErrors.rankMaxLevel = ["invalidValue"];
      // Officers the actor can see at all; whether they are in this cohort is the database's rule (the trigger).
      const placements = await tx.placement.findMany({
        where: { AND: [{ id: { in: input.placementIds }, status: { not: "WITHDRAWN" } }, scopeWhere("placement", actor)] },
        select: { id: true, officer: { select: officerNameSelect } },
      });
      const placementById = new Map(placements.map((placement) => [placement.id, placement]));
      if (input.placementIds.some((id) => !placementById.has(id))) fieldErrors.placementIds = ["matchingInputs.wishOtherCohort"];
      if (Object.keys(fieldErrors).length > 0) throw new AppError("checkFields", {}, fieldErrors);

      const key = { hostUnitId: unit.id, cohortId: cohort.id };
      const beforeBand = await tx.hostUnitRankBand.findUnique({ where: { hostUnitId_cohortId: key } });
      const beforeWishes = await tx.matchingWish.findMany({ where: key, orderBy: { rank: "asc" }, select: { placement: { select: { officer: { select: officerNameSelect } } } } });
      const band = { rankMinLevel: input.rankMinLevel, rankMaxLevel: input.rankMaxLevel };
      const entityId = `${unit.id}:${cohort.id}`;
      const version = await stepVersion(
        input.version,
        () => tx.hostUnitRankBand.createMany({ data: [{ ...key, ...band }], skipDuplicates: true }),
        () => tx.hostUnitRankBand.updateMany({ where: { ...key, version: input.version }, data: { ...band, version: { increment: 1 } } }),
        () => refuseStaleEdit(tx, "HostUnitRankBand", entityId, new Date()),
      );
      await tx.matchingWish.deleteMany({ where: key });
      if (input.placementIds.length > 0) {
        await tx.matchingWish.createMany({ data: input.placementIds.map((placementId, index) => ({ ...key, placementId, rank: index + 1 })) });
      }
      await writeAudit(tx, actor, request, {
        action: "hostUnitMatching.update",
        entityType: "HostUnitRankBand",
        entityId,
        before: {
          rankMin: levelName(ranks, beforeBand?.rankMinLevel ?? null),
          rankMax: levelName(ranks, beforeBand?.rankMaxLevel ?? null),
          wishes: beforeWishes.map((wish) => officerAuditName(wish.placement.officer)),
        },
        after: {
          rankMin: levelName(ranks, input.rankMinLevel),
          rankMax: levelName(ranks, input.rankMaxLevel),
          wishes: input.placementIds.map((id) => officerAuditName(placementById.get(id)!.officer)),
        },
      });
      return { unit, cohortId: cohort.id, wishes: input.placementIds.length, version };
    }, transactionOptions),
  );
}
