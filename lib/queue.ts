import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";

// The job queue: pg-boss on the application's own PostgreSQL, in its own schema (docs/decisions/067). Jobs are
// fetched with SKIP LOCKED, so any number of workers may share one database.

export type Queue = PgBoss;
export type QueueJob<Data> = PgBoss.JobWithMetadata<Data>;

export const queueSchema = "pgboss";

export function createQueue(connectionString: string): Queue {
  // Maintenance and cron scheduling run in every instance; pg-boss makes them take turns through the database.
  return new PgBoss({ connectionString, schema: queueSchema, max: 3, application_name: "exchange-desk-worker" });
}

/** A job id derived from a key, so that sending the same key twice makes one job (pg-boss inserts ON CONFLICT DO NOTHING). */
export function jobIdFor(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
