import "server-only";
import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/database-errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export interface Health {
  status: "ok" | "degraded";
  app: "up";
  database: "up" | "down";
}

/**
 * Whether the database accepts a NEW connection, on a connection of its own rather than one from the app's pool:
 * while PostgreSQL shuts down it refuses new connections but lets open ones finish, so a pooled idle connection
 * would say "up" until the very end, and a load balancer would keep sending traffic (decision 034).
 */
export async function checkHealth(connectionString = env().DATABASE_URL): Promise<Health> {
  let database: Health["database"] = "down";
  if (connectionString) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000, query_timeout: 3000 });
    // A connection that fails after connecting emits "error"; without a listener that would crash the process.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      database = "up";
    } catch (error) {
      if (!isDatabaseUnavailable(error)) logger.warn("health check failed", { error });
    } finally {
      await client.end().catch(() => {});
    }
  }
  return { status: database === "up" ? "ok" : "degraded", app: "up", database };
}
