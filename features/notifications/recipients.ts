import "server-only";
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { cohortResource, hasPermission, isAllowed, placementResource, type Actor, type CohortSides } from "@/lib/authorization";
import { canSeeStaffNumber } from "@/lib/scopes";

// Who hears of an event (issue 13). Candidates are picked by role and side, then every one of them must pass the
// same authorization rule that guards the record's page, so nobody outside the record's boundary is ever chosen.

type Reader = PrismaClient | Prisma.TransactionClient;

export type Audience = "sendingCoordinators" | "hostCoordinators" | "officer" | "supervisors";

export interface PlacementContext {
  id: string;
  officerId: string;
  hostUnitId: string | null;
  cohort: CohortSides & { id: string };
}

export interface Recipient {
  actor: Actor;
  locale: "en" | "zh_Hant" | "zh_Hans";
  active: boolean;
}

const userSelect = { id: true, email: true, name: true, role: true, jurisdictionId: true, officerId: true, hostUnitId: true, locale: true, active: true } as const;

function toRecipient(user: Prisma.UserGetPayload<{ select: typeof userSelect }>): Recipient {
  const { id, locale, active, ...rest } = user;
  return { actor: { userId: id, ...rest }, locale, active };
}

function audienceWhere(audience: Audience, placement: { officerId: string; hostUnitId: string | null; cohort: CohortSides }): Prisma.UserWhereInput {
  switch (audience) {
    case "sendingCoordinators":
      return { role: "COORDINATOR", jurisdictionId: placement.cohort.sendingJurisdictionId };
    case "hostCoordinators":
      return { role: "COORDINATOR", jurisdictionId: placement.cohort.hostJurisdictionId };
    case "officer":
      return { role: "OFFICER", officerId: placement.officerId };
    case "supervisors":
      return placement.hostUnitId ? { role: "SUPERVISOR", hostUnitId: placement.hostUnitId } : { id: { in: [] } };
  }
}

/** Active users of the audiences who may view the placement, without the person who caused the event. */
export async function placementRecipients(client: Reader, placement: PlacementContext, audiences: Audience[], exceptUserId: string | null): Promise<Recipient[]> {
  if (audiences.length === 0) return [];
  const users = await client.user.findMany({
    where: { active: true, OR: audiences.map((audience) => audienceWhere(audience, placement)) },
    select: userSelect,
    orderBy: { id: "asc" },
  });
  return users
    .map(toRecipient)
    .filter((recipient) => recipient.actor.userId !== exceptUserId && isAllowed(recipient.actor, "placement:view", placementResource(placement)));
}

/** Active coordinators of the cohort's sending side who may view the cohort. */
export async function cohortSendingCoordinators(client: Reader, cohort: CohortSides): Promise<Recipient[]> {
  const users = await client.user.findMany({ where: { active: true, role: "COORDINATOR", jurisdictionId: cohort.sendingJurisdictionId }, select: userSelect, orderBy: { id: "asc" } });
  return users.map(toRecipient).filter((recipient) => isAllowed(recipient.actor, "cohort:manage", cohortResource(cohort)));
}

/** The user who started something (an import), if still active and still allowed to do it. */
export async function startingUser(client: Reader, userId: string | null): Promise<Recipient[]> {
  if (!userId) return [];
  const user = await client.user.findFirst({ where: { id: userId, active: true }, select: userSelect });
  return user && hasPermission(toRecipient(user).actor, "officer:import") ? [toRecipient(user)] : [];
}

/** The staff number is a sending-side field (lib/scopes.ts): only recipients who may see it get it in any text. */
export function staffNumberFor(recipient: Recipient, placement: PlacementContext, staffNumber: string): string | undefined {
  return canSeeStaffNumber(recipient.actor, placement) ? staffNumber : undefined;
}

/**
 * Who hears of a cohort-wide schedule item (decision 048): the officer and the unit's supervisors of every live
 * placement of the cohort — the people who see the item on a schedule — each once, with the first of their placements
 * (by id) to link to, and each checked against that placement's page rule. Not the person who made the change.
 */
export async function cohortScheduleRecipients(
  client: Reader,
  cohort: CohortSides & { id: string },
  placements: { id: string; officerId: string; hostUnitId: string | null }[],
  exceptUserId: string | null,
): Promise<{ recipient: Recipient; placementId: string }[]> {
  if (placements.length === 0) return [];
  const hostUnitIds = [...new Set(placements.flatMap((placement) => (placement.hostUnitId ? [placement.hostUnitId] : [])))];
  const users = await client.user.findMany({
    where: {
      active: true,
      OR: [
        { role: "OFFICER", officerId: { in: placements.map((placement) => placement.officerId) } },
        { role: "SUPERVISOR", hostUnitId: { in: hostUnitIds } },
      ],
    },
    select: userSelect,
    orderBy: { id: "asc" },
  });
  const ordered = [...placements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen: { recipient: Recipient; placementId: string }[] = [];
  for (const user of users) {
    if (user.id === exceptUserId) continue;
    const recipient = toRecipient(user);
    const placement = ordered.find(
      (candidate) =>
        (user.role === "OFFICER" ? candidate.officerId === user.officerId : candidate.hostUnitId === user.hostUnitId) &&
        isAllowed(recipient.actor, "placement:view", placementResource({ ...candidate, cohort })),
    );
    if (placement) chosen.push({ recipient, placementId: placement.id });
  }
  return chosen;
}
