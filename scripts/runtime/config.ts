import { randomBytes, createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findUntraversableParent } from "../db/embedded.ts";
import { projectRoot } from "../db/schema-engine.ts";
import { ConfigurationError, parseEnvironment, type Environment } from "../../lib/env.ts";

export { ConfigurationError };

export interface RuntimeConfig {
  mode: "start" | "dev";
  port: number;
  /** Set when the user gave DATABASE_URL; otherwise the embedded database is used. */
  databaseUrl?: string;
  dataDir: string;
  authSecret: string;
  authUrl: string;
  seedDemoData: boolean;
  notices: string[];
  /** Every variable, parsed and checked once (lib/env.ts); the server parses the same ones again at its start. */
  environment: Environment;
}

function resolveDataDir(configured: string | undefined, notices: string[]): string {
  const preferred = path.resolve(configured ?? path.join(projectRoot, ".data"));
  const blocked = findUntraversableParent(path.join(preferred, "postgres"));
  if (!blocked) return preferred;
  if (configured) {
    throw new ConfigurationError(
      `EXCHANGE_DESK_DATA_DIR=${configured}: PostgreSQL runs as the "postgres" user and cannot enter ${blocked}. Choose a folder whose parents are all traversable (chmod o+x ${blocked}).`,
    );
  }
  // Under root, a project cloned into a mode-700 home folder cannot hold the cluster; keep it in a stable
  // per-project folder instead of failing.
  const fallback = path.join("/var/tmp/exchange-desk", createHash("sha256").update(projectRoot).digest("hex").slice(0, 12));
  mkdirSync(fallback, { recursive: true });
  chmodSync(path.dirname(fallback), 0o755);
  chmodSync(fallback, 0o755);
  notices.push(`PostgreSQL cannot enter ${blocked} (not traversable by others), so its data lives in ${fallback}. Set EXCHANGE_DESK_DATA_DIR to choose.`);
  return fallback;
}

/** A stable secret for the embedded demo setup, so sessions survive restarts; never used with a real database. */
function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadRuntimeConfig(mode: "start" | "dev", argv: string[]): RuntimeConfig {
  const notices: string[] = [];
  const environment = parseEnvironment(process.env);
  const { PORT: port, DATABASE_URL: databaseUrl } = environment;
  const dataDir = resolveDataDir(environment.EXCHANGE_DESK_DATA_DIR, notices);
  let authSecret = environment.NEXTAUTH_SECRET;
  if (!authSecret) {
    if (databaseUrl && mode === "start") {
      throw new ConfigurationError(
        "NEXTAUTH_SECRET is not set. With DATABASE_URL pointing at your own database, set NEXTAUTH_SECRET to a long random value (e.g. `openssl rand -base64 32`) and use the same value on every instance.",
      );
    }
    authSecret = readOrCreateLocalSecret(dataDir);
  }
  const authUrl = environment.NEXTAUTH_URL ?? `http://localhost:${port}`;
  return { mode, port, databaseUrl, dataDir, authSecret, authUrl, seedDemoData: !databaseUrl || argv.includes("--demo"), notices, environment };
}
