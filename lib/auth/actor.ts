import type { Actor } from "@/lib/authorization";

/** The columns of a User row an Actor is made of (a Prisma User, a raw row, a test factory's user). */
export interface ActorUserRow extends Omit<Actor, "userId"> {
  id: string;
}

/** The acting user from a user row: the one mapping for the session, the calendar feed and the tests. */
export function actorFromUser(user: ActorUserRow): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    officerId: user.officerId,
    hostUnitId: user.hostUnitId,
  };
}
