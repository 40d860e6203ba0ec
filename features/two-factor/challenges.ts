import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { RequestContext } from "@/lib/request-context";

// The pending second step of a password sign-in (decision 102). Not a signed token but a random one whose hash is a
// row: the row makes it single use (consumedAt) and binds it to the user and to the address the password came from.

export const challengeLifetimeMs = 5 * 60_000;

type Client = Pick<Prisma.TransactionClient, "twoFactorCredential" | "twoFactorChallenge">;

export function hashChallengeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether the user has a confirmed authenticator: their password alone then opens no session. */
export async function hasConfirmedSecondFactor(client: Client, userId: string): Promise<boolean> {
  const credential = await client.twoFactorCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(credential?.confirmedAt);
}

/** A new challenge after a right password; the token goes to the browser once and is never stored. */
export async function createSignInChallenge(client: Client, userId: string, context: RequestContext, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await client.twoFactorChallenge.create({
    data: { userId, tokenHash: hashChallengeToken(token), ipAddress: context.ipAddress, createdAt: now, expiresAt: new Date(now.getTime() + challengeLifetimeMs) },
  });
  return token;
}
