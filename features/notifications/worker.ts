import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { hongKongTimeZone } from "@/lib/dates";
import type { MailTransport } from "@/lib/mail";
import { jobIdFor, type Queue, type QueueJob } from "@/lib/queue";
import { deliverEmail } from "./delivery";
import { writeDailyDigests } from "./digest";
import type { MailSettings } from "./email";
import { fanOutPendingEvents } from "./fan-out";
import { scanReminders } from "./reminders";
import { scanReportReminders } from "@/features/officer-reports/reminders";

// The notification worker (docs/decisions/067): relays the outbox into notifications and emails, sends emails through
// the queue with retries and a dead-letter queue, and runs the reminder scan and the 08:30 digest on a schedule.
// `startWorker` runs until stopped (inside `npm start`, or `npm run worker`); `runDueJobsOnce` does everything that
// is due now and returns (`npm run jobs -- --once`, and the tests).

export const queueNames = {
  email: "notification-email",
  deadEmail: "notification-email-dead",
  reminders: "notification-reminders",
  digest: "notification-digest",
} as const;

export const digestCron = "30 8 * * *";

export interface WorkerOptions {
  client: PrismaClient;
  queue: Queue;
  /** Null when email is off (no SMTP_URL): emails are written and kept for admins, never sent. */
  transport: MailTransport | null;
  mail: MailSettings;
  from: string;
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  reminderCron: string;
  now?: () => Date;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

interface EmailJob {
  messageId: string;
}

/**
 * An email not yet sent whose job may have been lost (a crash between writing it and queueing it) is queued again, as
 * is an email an admin retried (a new send round). Queueing is idempotent per round, so this never makes a second job.
 */
const strandedAfterMs = 60_000;

async function prepareQueues(options: WorkerOptions) {
  const { queue } = options;
  await queue.createQueue(queueNames.deadEmail);
  await queue.createQueue(queueNames.email, { name: queueNames.email, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: true, deadLetter: queueNames.deadEmail });
  // createQueue keeps an existing queue's settings; the configured retries apply to every start.
  await queue.updateQueue(queueNames.email, { name: queueNames.email, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: true, deadLetter: queueNames.deadEmail });
  await queue.createQueue(queueNames.reminders);
  await queue.createQueue(queueNames.digest);
}

/** Queues emails to send; one job per email and send round (see EmailMessage.sendRound), however often it is called. */
export async function queueEmails(queue: Queue, messages: { id: string; sendRound: number }[]) {
  for (const message of messages) {
    await queue.send(queueNames.email, { messageId: message.id } satisfies EmailJob, { id: jobIdFor(`email:${message.id}:${message.sendRound}`) });
  }
}

/** Turns every pending outbox event into notifications and emails, and queues the emails. */
export async function relayOutbox(options: WorkerOptions): Promise<number> {
  let events = 0;
  for (;;) {
    const batch = await fanOutPendingEvents(options.client, options.mail);
    if (options.transport) await queueEmails(options.queue, batch.emailIds.map((id) => ({ id, sendRound: 0 })));
    events += batch.events;
    if (batch.events === 0) return events;
  }
}

async function requeueStrandedEmails(options: WorkerOptions) {
  if (!options.transport) return;
  const now = options.now?.() ?? new Date();
  const stranded = await options.client.emailMessage.findMany({
    where: {
      status: "PENDING",
      OR: [
        { createdAt: { lt: new Date(now.getTime() - strandedAfterMs) } },
        { sendRound: { gt: 0 } },
        // Written by the web process without a job (direct-email.ts: invitations, password resets): queued at the
        // next turn, without waiting for the stranded-email delay (decisions 082, 086).
        { direct: true },
      ],
    },
    select: { id: true, sendRound: true },
    take: 500,
  });
  await queueEmails(options.queue, stranded);
}

async function handleEmailJob(options: WorkerOptions, job: QueueJob<EmailJob>) {
  if (!options.transport) throw new Error("Email is off: no SMTP_URL");
  const result = await deliverEmail(options.client, options.transport, job.data.messageId, { from: options.from, finalAttempt: job.retryCount >= job.retryLimit });
  if (result.outcome === "failed" || result.outcome === "dead") {
    options.log?.("email delivery failed", { messageId: job.data.messageId, attempt: job.retryCount + 1, error: result.error });
    throw new Error(result.error ?? "delivery failed");
  }
}

async function runReminderScan(options: WorkerOptions, now: Date) {
  const recorded = (await scanReminders(options.client, now)) + (await scanReportReminders(options.client, now));
  if (recorded) options.log?.("reminders recorded", { recorded });
  await relayOutbox(options);
}

async function runDigest(options: WorkerOptions, now: Date) {
  const emailIds = await writeDailyDigests(options.client, options.mail, now);
  if (options.transport) await queueEmails(options.queue, emailIds.map((id) => ({ id, sendRound: 0 })));
}

/** Runs every due job and reminder now, then returns: outbox, reminders, digests, and every email due for sending. */
export async function runDueJobsOnce(options: WorkerOptions): Promise<{ events: number; emailsSent: number; emailsFailed: number }> {
  const now = options.now?.() ?? new Date();
  await prepareQueues(options);
  const events = await relayOutbox(options);
  await runReminderScan(options, now);
  await runDigest(options, now);
  await requeueStrandedEmails(options);
  let emailsSent = 0;
  let emailsFailed = 0;
  if (!options.transport) return { events, emailsSent, emailsFailed };
  for (;;) {
    const jobs = await options.queue.fetch<EmailJob>(queueNames.email, { includeMetadata: true, batchSize: 10 });
    if (jobs.length === 0) break;
    for (const job of jobs) {
      try {
        await handleEmailJob(options, job);
        await options.queue.complete(queueNames.email, job.id);
        emailsSent++;
      } catch (error) {
        await options.queue.fail(queueNames.email, job.id, { message: error instanceof Error ? error.message : String(error) });
        emailsFailed++;
      }
    }
  }
  return { events, emailsSent, emailsFailed };
}

/** Starts the long-running worker; resolves once it is working. `stop()` waits for the current jobs. */
export async function startWorker(options: WorkerOptions): Promise<{ stop: () => Promise<void> }> {
  const { queue } = options;
  await prepareQueues(options);
  const now = () => options.now?.() ?? new Date();
  if (options.transport) {
    await queue.work<EmailJob>(queueNames.email, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollSeconds }, async ([job]) => handleEmailJob(options, job));
  }
  await queue.work(queueNames.reminders, async () => runReminderScan(options, now()));
  await queue.work(queueNames.digest, async () => runDigest(options, now()));
  await queue.schedule(queueNames.reminders, options.reminderCron, {}, { tz: hongKongTimeZone });
  await queue.schedule(queueNames.digest, digestCron, {}, { tz: hongKongTimeZone });

  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        await relayOutbox(options);
        await requeueStrandedEmails(options);
      } catch (error) {
        options.log?.("outbox relay failed", { error: error instanceof Error ? error.message : String(error) });
      } finally {
        running = null;
      }
    })();
  };
  tick();
  const timer = setInterval(tick, options.pollSeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await queue.stop({ graceful: true, wait: true });
    },
  };
}
