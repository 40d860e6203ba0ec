// `npm run jobs -- --once`: runs every due notification job and reminder now and exits (operations and tests):
// relays the outbox, scans reminders as of now, writes due digests, sends every email that is due.
import { openWorkerDatabase } from "./worker-database.ts";
import { fail } from "./runtime/console.ts";

async function main() {
  if (!process.argv.includes("--once")) return fail(new Error("Usage: npm run jobs -- --once"));
  const database = await openWorkerDatabase();
  process.env.DATABASE_URL = database.url;
  const [{ getDb }, { runDueJobsOnce }, { workerOptionsFromEnvironment }] = await Promise.all([
    import("../lib/db.ts"),
    import("../features/notifications/worker.ts"),
    import("../features/notifications/runtime.ts"),
  ]);
  const client = getDb();
  const options = workerOptionsFromEnvironment(client);
  try {
    await options.queue.start();
    const result = await runDueJobsOnce(options);
    console.log(`[exchange-desk jobs] events relayed: ${result.events}, emails sent: ${result.emailsSent}, failed attempts: ${result.emailsFailed}${options.transport ? "" : " (email is off: no SMTP_URL)"}`);
  } finally {
    await options.queue.stop({ graceful: false, wait: true }).catch(() => {});
    options.transport?.close();
    await client.$disconnect().catch(() => {});
    await database.stop().catch(() => {});
  }
}

main().catch((error) => fail(error));
