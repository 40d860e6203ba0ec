// The database the notification worker and `npm run jobs` use: DATABASE_URL when set; else the embedded cluster of a
// running `npm start` (its address is in <data dir>/runtime.json); else the embedded cluster, started for the run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseEnvironment } from "../lib/env.ts";
import { projectRoot } from "./db/schema-engine.ts";
import { applyPendingMigrations } from "./db/migrations.ts";
import { openAppDatabase, type AppDatabase } from "./runtime/database.ts";

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openWorkerDatabase(): Promise<AppDatabase> {
  const environment = parseEnvironment(process.env);
  if (!environment.DATABASE_URL) {
    const runtimeFile = path.join(path.resolve(environment.EXCHANGE_DESK_DATA_DIR ?? path.join(projectRoot, ".data")), "runtime.json");
    if (existsSync(runtimeFile)) {
      const { databaseUrl } = JSON.parse(readFileSync(runtimeFile, "utf8")) as { databaseUrl?: string };
      if (databaseUrl && (await isReachable(databaseUrl))) return { url: databaseUrl, embedded: false, stop: async () => {} };
    }
  }
  const database = await openAppDatabase();
  // Started here (no app is running on it): bring it up to date, as `npm start` would.
  if (database.embedded) await applyPendingMigrations(database.url);
  return database;
}
