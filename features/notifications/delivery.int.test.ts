import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { createMailTransport } from "@/lib/mail";
import { createQueue, type Queue } from "@/lib/queue";
import { createOfficer, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { nominateOfficers, withdrawPlacement } from "@/features/placements/mutations";
import { queueNames, runDueJobsOnce, startWorker, type WorkerOptions } from "./worker";
import { writeDirectEmail } from "./direct-email";

// Email delivery against a real SMTP server (smtp-server, started here) and the real queue (pg-boss on the test
// database): what arrives is parsed with mailparser. Two workers on one database send each email once; a server that
// refuses every message leads to retries, then the dead-letter list.

interface SmtpServerHandle {
  url: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port; `refuse` makes it answer every message with a temporary failure. */
async function startSmtpServer(options: { refuse?: boolean } = {}): Promise<SmtpServerHandle> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (options.refuse) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const request = { requestId: "delivery-test", ipAddress: "127.0.0.1" };
const appUrl = "https://desk.example.test";
let world: TwoSidedWorld;
let szCoordinatorChinese: CreatedUser;
const queues: Queue[] = [];
const clients: PrismaClient[] = [];

function workerOptions(client: PrismaClient, smtpUrl: string, overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  const queue = createQueue(process.env.DATABASE_URL!);
  queues.push(queue);
  return {
    client,
    queue,
    transport: createMailTransport(smtpUrl),
    mail: { enabled: true, appUrl },
    from: "Exchange Desk <desk@example.test>",
    retryLimit: 2,
    retryDelaySeconds: 1,
    pollSeconds: 1,
    reminderCron: "0 * * * *",
    ...overrides,
  };
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  szCoordinatorChinese = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, locale: "zh_Hans" });
});
afterAll(async () => {
  for (const queue of queues) await queue.stop({ graceful: false, wait: true }).catch(() => {});
  for (const client of clients) await client.$disconnect();
  await db.$disconnect();
});

async function nominateNewOfficer() {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  await nominateOfficers({ actor: actorFromUser(world.hkCoordinator), request }, { cohortId: world.hkToSz.id, officerIds: [officer.id] });
  return { officer, placement: await db.placement.findFirstOrThrow({ where: { officerId: officer.id } }) };
}

describe("email delivery", () => {
  it("sends HTML and text in the recipient's language, with absolute links and the preferences link", async () => {
    const smtp = await startSmtpServer();
    try {
      const options = workerOptions(db, smtp.url);
      await options.queue.start();
      const { placement } = await nominateNewOfficer();
      const result = await runDueJobsOnce(options);
      expect(result.emailsSent).toBe(2);
      const byAddress = new Map(smtp.received.map((mail) => [(mail.to as { text: string }).text, mail]));
      expect([...byAddress.keys()].sort()).toEqual([world.szCoordinator.email, szCoordinatorChinese.email].sort());

      const english = byAddress.get(world.szCoordinator.email)!;
      const chinese = byAddress.get(szCoordinatorChinese.email)!;
      for (const mail of [english, chinese]) {
        expect(mail.text).toContain(`${appUrl}/placements/${placement.id}`);
        expect(mail.html).toContain(`href="${appUrl}/placements/${placement.id}"`);
        expect(mail.text).toContain(`${appUrl}/notifications/preferences`);
        expect(mail.html).toContain(`href="${appUrl}/notifications/preferences"`);
        expect(mail.from?.text).toContain("desk@example.test");
      }
      expect(english.subject).toContain("was nominated to");
      expect(english.text).toContain("was nominated to");
      expect(chinese.subject).toContain("已获提名参加");
      expect(chinese.html).toContain("已获提名参加");
      expect(chinese.text).toContain("在 Exchange Desk 打开");
      // The host side never reads a staff number.
      const staffNumber = (await db.officer.findUniqueOrThrow({ where: { id: placement.officerId } })).staffNumber;
      for (const mail of smtp.received) expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain(staffNumber);

      const rows = await db.emailMessage.findMany({ where: { toAddress: { in: [world.szCoordinator.email, szCoordinatorChinese.email] } } });
      expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
      // Running again sends nothing more.
      expect((await runDueJobsOnce(options)).emailsSent).toBe(0);
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it("sends an invitation or password-reset email written by the web process at the worker's next turn, not a minute later", async () => {
    const smtp = await startSmtpServer();
    try {
      const writtenAt = new Date("2026-03-02T02:00:00Z");
      const options = workerOptions(db, smtp.url, { now: () => writtenAt });
      await options.queue.start();
      const recipient = world.hkOfficerUsers[0];
      for (const idempotencyKey of ["password-reset:delivery-test", "invitation:delivery-test:email"]) {
        await writeDirectEmail(db, { idempotencyKey, recipientId: recipient.id, toAddress: recipient.email, locale: "en", subject: idempotencyKey, html: "<p>link</p>", text: "link" }, { emailEnabled: true, now: writtenAt });
      }
      expect((await runDueJobsOnce(options)).emailsSent).toBe(2);
      expect(smtp.received.map((mail) => mail.subject).sort()).toEqual(["invitation:delivery-test:email", "password-reset:delivery-test"]);
    } finally {
      await smtp.close();
    }
  });

  it("waits the stranded-email delay for any other email, whatever its key looks like", async () => {
    const smtp = await startSmtpServer();
    try {
      const writtenAt = new Date("2026-03-03T02:00:00Z");
      const options = workerOptions(db, smtp.url, { now: () => writtenAt });
      await options.queue.start();
      const recipient = world.hkOfficerUsers[0];
      // A notification email whose key happens to start like an account email's: it has a job of its own already.
      const idempotencyKey = `invitation:lookalike-${writtenAt.getTime()}`;
      await db.emailMessage.create({
        data: { idempotencyKey, recipientId: recipient.id, toAddress: recipient.email, locale: "en", subject: idempotencyKey, html: "<p>n</p>", text: "n", createdAt: writtenAt },
      });
      await runDueJobsOnce(options);
      expect(smtp.received.map((mail) => mail.subject)).not.toContain(idempotencyKey);
      expect(await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey } })).toMatchObject({ status: "PENDING", attempts: 0 });
      // Stranded by the next test's clock: not its email to send.
      await db.emailMessage.delete({ where: { idempotencyKey } });
    } finally {
      await smtp.close();
    }
  });

  it("sends each email once when two workers share the database", async () => {
    const smtp = await startSmtpServer();
    try {
      const second = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
      clients.push(second);
      const workers = [workerOptions(db, smtp.url), workerOptions(second, smtp.url)];
      await Promise.all(workers.map((options) => options.queue.start()));
      const nominations = [];
      for (let index = 0; index < 5; index++) nominations.push(await nominateNewOfficer());
      const [first, other] = await Promise.all(workers.map((options) => runDueJobsOnce(options)));
      // 5 nominations × 2 host-side coordinators, sent between them, each once.
      expect(first.emailsSent + other.emailsSent).toBe(10);
      expect(smtp.received).toHaveLength(10);
      const keys = smtp.received.map((mail) => `${(mail.to as { text: string }).text} ${mail.text}`);
      expect(new Set(keys).size).toBe(10);
      const notifications = await db.notification.count({ where: { kind: "placement.nominated", eventId: { in: (await db.notificationEvent.findMany({ where: { entityId: { in: nominations.map(({ placement }) => placement.id) } } })).map((event) => event.id) } } });
      expect(notifications).toBe(10);
    } finally {
      await smtp.close();
    }
  });

  it("retries a refused email with backoff, then lists it as dead; an admin retry sends it", async () => {
    const refusing = await startSmtpServer({ refuse: true });
    const options = workerOptions(db, refusing.url);
    await options.queue.start();
    const worker = await startWorker(options);
    const since = new Date(Date.now() - 1000);
    const emailsOfThisTest = () => db.emailMessage.findMany({ where: { createdAt: { gte: since } } });
    const deadLetterJobs = async () => Number((await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = ${queueNames.deadEmail}`)[0].count);
    try {
      const { placement } = await nominateNewOfficer();
      await withdrawPlacement({ actor: actorFromUser(world.hkCoordinator), request }, { placementId: placement.id, version: placement.version, reason: "Refused mail test" });
      // Wait for the condition, not for a time: after 1 + 2 retries every email is dead, and its job in the dead-letter queue.
      await expect
        .poll(
          async () => {
            const rows = await emailsOfThisTest();
            return rows.length === 4 && rows.every((row) => row.status === "DEAD") && (await deadLetterJobs()) === rows.length;
          },
          // Generous: pg-boss retries with backoff and polls; a busy CI machine stretched this past 50 s once.
          { timeout: 110_000, interval: 500 },
        )
        .toBe(true);
    } finally {
      await worker.stop();
      await refusing.close();
    }
    // Nomination: two host-side coordinators; withdrawal: the same two (the sending side's only coordinator withdrew).
    const dead = await emailsOfThisTest();
    for (const message of dead) {
      expect(message.attempts).toBe(3);
      expect(message.lastError).toContain("451");
    }

    const { retryDeadEmail } = await import("./mutations");
    const working = await startSmtpServer();
    try {
      const retryOptions = workerOptions(db, working.url);
      await retryOptions.queue.start();
      for (const message of dead) await retryDeadEmail(db, actorFromUser(world.admin), request, message.id);
      await runDueJobsOnce(retryOptions);
      expect(working.received).toHaveLength(dead.length);
      expect(await db.emailMessage.count({ where: { id: { in: dead.map((message) => message.id) }, status: "SENT" } })).toBe(dead.length);
    } finally {
      await working.close();
    }
  }, 130_000);
});
