// `npm start` and `npm run dev`: database (embedded unless DATABASE_URL is set) → migrations → demo data →
// Next. Ctrl-C stops Next first, then PostgreSQL. See docs/decisions/004-embedded-database.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyPendingMigrations } from "./db/migrations.ts";
import { projectRoot } from "./db/schema-engine.ts";
import { seedDemoData } from "../prisma/seed/demo.ts";
import { DEMO_ACCOUNTS, DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "../prisma/seed/demo-accounts.ts";
import { twoFactorKeyMaterial } from "../features/two-factor/secret-cipher.ts";
import { loadRuntimeConfig } from "./runtime/config.ts";
import { fail } from "./runtime/console.ts";
import { openAppDatabase } from "./runtime/database.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
const log = (message: string) => console.log(`[exchange-desk] ${message}`);

async function main() {
  const config = loadRuntimeConfig(mode, process.argv.slice(3));
  config.notices.forEach((notice) => log(notice));

  const database = await openAppDatabase(config.dataDir);
  log(database.embedded ? `Embedded PostgreSQL ready (data in ${config.dataDir}).` : "Connected to DATABASE_URL.");
  if (database.embedded) {
    // For local tools and the e2e tests, which need the embedded cluster's address (its port changes per start).
    writeFileSync(path.join(config.dataDir, "runtime.json"), JSON.stringify({ databaseUrl: database.url, port: config.port }), { mode: 0o600 });
  }
  const children: { next?: ChildProcess; worker?: ChildProcess } = {};
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await stopChild(children.worker);
    await stopChild(children.next);
    await database.stop().catch(() => {});
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // If whatever started us dies without passing on a signal (npm killed by a supervisor), stop rather than
  // leave Next and PostgreSQL running as orphans.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 2000).unref();

  try {
    const applied = await applyPendingMigrations(database.url);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    if (config.seedDemoData) {
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
      try {
        // The key the server will encrypt second factors with, so the demo admin's authenticator reads back there.
        const keyMaterial = twoFactorKeyMaterial({ ...config.environment, NEXTAUTH_SECRET: config.authSecret, NODE_ENV: mode === "start" ? "production" : "development" });
        const { created } = await seedDemoData(client, { twoFactorKeyMaterial: keyMaterial });
        if (created) log("Demo data created.");
      } finally {
        await client.$disconnect();
      }
    }
    if (mode === "start" && !existsSync(path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
      log("No production build yet: running next build (about a minute)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
      if (build.status !== 0) throw new Error("next build failed (see the output above).");
    }
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }

  // The preload gives the app each request's socket address, which Next does not (lib/request-context.ts).
  const peerAddressPreload = path.join(projectRoot, "scripts/runtime/peer-address.mjs");
  // In production the build's scripts and styles are also sent Brotli-compressed (scripts/runtime/static-brotli.mjs).
  const staticBrotliPreload = mode === "start" ? ["--import", path.join(projectRoot, "scripts/runtime/static-brotli.mjs")] : [];
  const next = spawn(process.execPath, ["--import", peerAddressPreload, ...staticBrotliPreload, nextBin, mode, "--port", String(config.port)], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: config.authSecret,
      NEXTAUTH_URL: config.authUrl,
      EXCHANGE_DESK_DEMO: config.seedDemoData ? "1" : "0",
      ...(mode === "start" ? { NODE_ENV: "production" } : {}),
    },
  });
  children.next = next;
  next.on("exit", (code) => void stop(stopping ? 0 : (code ?? 1)));

  // The notification worker (docs/decisions/067) runs beside Next by default; `npm run worker` runs it elsewhere.
  if (config.environment.NOTIFICATION_WORKER) {
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: config.authSecret, NEXTAUTH_URL: config.authUrl, ...(mode === "start" ? { NODE_ENV: "production" } : {}) },
    });
    children.worker = worker;
    worker.on("exit", (code) => {
      if (!stopping) log(`The notification worker stopped (exit code ${code}); notifications wait in the outbox until a worker runs (npm run worker).`);
    });
  } else {
    log("Notification worker off (NOTIFICATION_WORKER=0): run `npm run worker` elsewhere, or notifications wait in the outbox.");
  }
  log(config.environment.SMTP_URL ? "Email is on (SMTP_URL)." : "Email is off: no SMTP_URL is set. Emails are written and kept in the admin outbox (/admin/outbox).");
  log(`Exchange Desk is starting at ${config.authUrl}`);
  if (config.seedDemoData) {
    log(`Demo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) log(`  ${account.email.padEnd(34)} ${account.description}`);
    log(`  ${DEMO_ADMIN_EMAIL} also asks for an authenticator code: add the key ${DEMO_ADMIN_TOTP_SECRET} to an authenticator app (time-based, 6 digits).`);
  }
  log("Press Ctrl-C to stop.");
}

/** Asks a child process to stop and waits up to 10 s, then kills it. */
async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

main().catch((error) => fail(error));
