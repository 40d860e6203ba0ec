import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Locale } from "@/generated/prisma/enums";
import { env } from "@/lib/env";

// Emails the web process writes itself, outside the outbox and its preferences (decisions 082, 086): invitations and
// password resets. The web process holds no queue client, so the row is marked `direct` and the worker's next turn
// queues it (worker.ts) — a column, not a pattern of idempotency keys, says which emails these are.

export interface DirectEmail {
  /** Unique per email: the same key written twice is one email. */
  idempotencyKey: string;
  recipientId: string;
  toAddress: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

export interface DirectEmailOptions {
  /** False without SMTP_URL: the email is kept for the admin outbox (status KEPT). Default: SMTP_URL is set. */
  emailEnabled?: boolean;
  /** When it was written (tests pass a fixed one); default now. */
  now?: Date;
}

/** Writes the email in the caller's transaction; the worker sends it at its next turn (PENDING), or it is KEPT. */
export async function writeDirectEmail(tx: Pick<Prisma.TransactionClient, "emailMessage">, email: DirectEmail, { emailEnabled = env().SMTP_URL !== undefined, now }: DirectEmailOptions = {}) {
  return tx.emailMessage.create({
    data: { ...email, direct: true, status: emailEnabled ? "PENDING" : "KEPT", ...(now ? { createdAt: now } : {}) },
    select: { id: true },
  });
}
