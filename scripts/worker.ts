// `npm run worker`: the notification worker alone (outbox relay, email sending with retries, reminder scans, the
// 08:30 digest). `npm start` runs the same worker beside Next unless NOTIFICATION_WORKER=0. Any number may run
// against one database. See docs/decisions/067.
import { openWorkerDatabase } from "./worker-database.ts";
import { fail } from "./runtime/console.ts";

const log = (message: string) => console.log(`[exchange-desk worker] ${message}`);

async function main() {
  const database = await openWorkerDatabase();
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is known: lib/env.ts reads the environment once.
  const [{ getDb }, { startWorker }, { workerOptionsFromEnvironment }] = await Promise.all([
    import("../lib/db.ts"),
    import("../features/notifications/worker.ts"),
    import("../features/notifications/runtime.ts"),
  ]);
  const client = getDb();
  const options = workerOptionsFromEnvironment(client);
  options.queue.on("error", (error) => log(`queue error: ${error.message}`));
  await options.queue.start();
  const worker = await startWorker(options);
  log(options.transport ? "Notification worker running; email is on." : "Notification worker running; email is off (no SMTP_URL): emails are kept in the admin outbox.");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop().catch(() => {});
    await client.$disconnect().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => fail(error));
