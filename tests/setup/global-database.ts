// One throwaway PostgreSQL cluster for the integration run; a migrated template database that every test file
// clones (CREATE DATABASE … TEMPLATE), so files are isolated and can run in parallel.
import path from "node:path";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { makeTraversableTempDir, startEmbeddedDatabase } from "../../scripts/db/embedded.ts";
import { applyPendingMigrations } from "../../scripts/db/migrations.ts";

export const templateDatabase = "exchange_desk_template";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const workDir = makeTraversableTempDir("integration");
  const cluster = await startEmbeddedDatabase({ dataDir: path.join(workDir, "pg"), throwaway: true });
  await cluster.createDatabase(templateDatabase);
  await applyPendingMigrations(cluster.urlFor(templateDatabase));
  project.provide("databaseServerUrl", cluster.urlFor("postgres"));
  return async () => {
    await cluster.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
