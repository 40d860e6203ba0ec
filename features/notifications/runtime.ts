import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createMailTransport } from "@/lib/mail";
import { createQueue } from "@/lib/queue";
import type { WorkerOptions } from "./worker";

/** Whether emails are sent (SMTP_URL set) or only written and kept for admins. */
export function isEmailEnabled(): boolean {
  return env().SMTP_URL !== undefined;
}

/** The worker's settings from the environment (lib/env.ts; the README lists them). */
export function workerOptionsFromEnvironment(client: PrismaClient): WorkerOptions {
  const settings = env();
  if (!settings.DATABASE_URL) throw new Error("DATABASE_URL is not set: the notification worker needs the application's database.");
  return {
    client,
    queue: createQueue(settings.DATABASE_URL),
    transport: settings.SMTP_URL ? createMailTransport(settings.SMTP_URL) : null,
    mail: { enabled: settings.SMTP_URL !== undefined, appUrl: settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}` },
    from: settings.MAIL_FROM,
    retryLimit: settings.MAIL_RETRY_LIMIT,
    retryDelaySeconds: settings.MAIL_RETRY_DELAY_SECONDS,
    pollSeconds: settings.NOTIFICATION_POLL_SECONDS,
    reminderCron: settings.REMINDER_SCAN_CRON,
    log: (message, details) => logger.info(`notifications: ${message}`, details ?? {}),
  };
}
