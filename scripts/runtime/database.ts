import path from "node:path";
import pg from "pg";
import { EmbeddedDatabaseError, startEmbeddedDatabase } from "../db/embedded.ts";
import { projectRoot } from "../db/schema-engine.ts";
import { redactUrl } from "./console.ts";
import { parseEnvironment } from "../../lib/env.ts";

export interface AppDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const appDatabaseName = "exchange_desk";

function defaultDataDir(): string {
  return path.resolve(parseEnvironment(process.env).EXCHANGE_DESK_DATA_DIR ?? path.join(projectRoot, ".data"));
}

/** The user's database when DATABASE_URL is set, else the embedded cluster in `dataDir`. */
export async function openAppDatabase(dataDir = defaultDataDir()): Promise<AppDatabase> {
  const { DATABASE_URL: configured, PG_PORT } = parseEnvironment(process.env);
  if (configured) {
    await assertReachable(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const port = PG_PORT || undefined;
  try {
    const cluster = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), port });
    await cluster.createDatabase(appDatabaseName);
    return { url: cluster.urlFor(appDatabaseName), embedded: true, stop: () => cluster.stop() };
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError && /postmaster\.pid|lock file/i.test(error.message)) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${dataDir} is in use by another Exchange Desk process. Stop it first (Ctrl-C where \`npm start\` runs), or set DATABASE_URL.`,
      );
    }
    throw error;
  }
}

async function assertReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new EmbeddedDatabaseError(`Cannot reach the database in DATABASE_URL (${redactUrl(url)}): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const database = await openAppDatabase();
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}
