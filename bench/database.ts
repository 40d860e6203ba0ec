/**
 * A throwaway, migrated PostgreSQL for the officer benches: DATABASE_URL if set (it must point at a scratch
 * database — the benches write to it), otherwise an embedded cluster in the OS temp directory that is removed
 * afterwards. Not a test helper: benches measure, they assert nothing.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { makeTraversableTempDir, startEmbeddedDatabase } from "../scripts/db/embedded.ts";
import { applyPendingMigrations } from "../scripts/db/migrations.ts";

export async function withBenchDatabase(run: () => Promise<void>) {
  if (process.env.DATABASE_URL) {
    await applyPendingMigrations(process.env.DATABASE_URL);
    await run();
    return;
  }
  const workDir = makeTraversableTempDir("bench");
  const cluster = await startEmbeddedDatabase({ dataDir: path.join(workDir, "pg"), throwaway: true });
  try {
    await cluster.createDatabase("bench");
    const url = cluster.urlFor("bench");
    await applyPendingMigrations(url);
    process.env.DATABASE_URL = url;
    await run();
  } finally {
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect();
    await cluster.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

export function elapsedSince(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`;
}
