import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";

export interface OwnSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  ipAddress: string;
  userAgent: string | null;
  isCurrent: boolean;
}

/** The actor's own sessions that still work (not signed out, not past their end), newest first. */
export async function findOwnSessions(actor: Pick<Actor, "userId">, currentSessionId: string | undefined, now: Date = new Date()): Promise<OwnSession[]> {
  // Prisma reads `userId: undefined` as "any user": never let a missing id list everyone's sessions.
  if (!actor.userId) throw new Error("findOwnSessions needs the actor's user id");
  const sessions = await db.session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return sessions.map((session) => ({ ...session, isCurrent: session.id === currentSessionId }));
}
