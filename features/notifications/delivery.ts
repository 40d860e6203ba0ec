import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendEmail, type MailTransport } from "@/lib/mail";
import { runQuery, sqlBuilder } from "@/lib/kysely";

// Sending one email. The message row is locked while the SMTP conversation runs, so two workers holding a job for the
// same email (a retry racing a slow first attempt) cannot both send it; a message not PENDING is never sent again.

export type DeliveryOutcome = "sent" | "skipped" | "failed" | "dead";

export interface DeliveryOptions {
  from: string;
  /** This attempt is the last one the queue will make: a failure marks the email DEAD for the admins' list. */
  finalAttempt: boolean;
}

export async function deliverEmail(client: PrismaClient, transport: MailTransport, messageId: string, options: DeliveryOptions): Promise<{ outcome: DeliveryOutcome; error?: string }> {
  return client.$transaction(
    async (tx) => {
      const [message] = await runQuery(
        sqlBuilder.selectFrom("EmailMessage").select(["id", "toAddress", "subject", "html", "text"]).where("id", "=", messageId).where("status", "=", "PENDING").forUpdate(),
        tx,
      );
      if (!message) return { outcome: "skipped" as const };
      try {
        await sendEmail(transport, { from: options.from, to: message.toAddress, subject: message.subject, html: message.html, text: message.text });
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        await tx.emailMessage.update({
          where: { id: message.id },
          data: { attempts: { increment: 1 }, lastError: text.slice(0, 1000), status: options.finalAttempt ? "DEAD" : "PENDING" },
        });
        return { outcome: options.finalAttempt ? ("dead" as const) : ("failed" as const), error: text };
      }
      await tx.emailMessage.update({ where: { id: message.id }, data: { attempts: { increment: 1 }, status: "SENT", sentAt: new Date(), lastError: null } });
      return { outcome: "sent" as const };
    },
    { maxWait: 10_000, timeout: 90_000 },
  );
}
