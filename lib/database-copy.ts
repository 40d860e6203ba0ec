import "server-only";
import type { Readable } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * A bulk export can stay open as long as its client takes to download it; past this, PostgreSQL cancels it rather
 * than keep a connection for ever.
 */
const COPY_STATEMENT_TIMEOUT_MS = 10 * 60 * 1000;

export interface CopyOut {
  stream: Readable;
  /** The rows of `snapshotQuery`, read in the same snapshot as the COPY. */
  snapshotRows: Record<string, unknown>[];
}

/**
 * Streams `COPY (query) TO STDOUT` from PostgreSQL on a connection of its own (never one of the Prisma pool's, so a
 * slow download cannot starve the pages). PostgreSQL stops producing when the returned stream is not read, and the
 * connection closes when the stream ends, fails or is destroyed. Resolves once the connection is open (and the
 * snapshot query answered), so a database that cannot be reached is an error before any byte is promised to a
 * client. See docs/decisions/021.
 *
 * `copyStatement` must be a complete `COPY … TO STDOUT` statement without parameters: COPY takes none, so values go
 * in as literals through `inlineParameters`. A `snapshotQuery` runs first in the same read-only repeatable-read
 * transaction, for data the COPY's output refers to (e.g. a spreadsheet's shared strings).
 */
export async function copyOut(copyStatement: string, { snapshotQuery }: { snapshotQuery?: string } = {}): Promise<CopyOut> {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const client = new pg.Client({
    connectionString,
    statement_timeout: COPY_STATEMENT_TIMEOUT_MS,
    application_name: "exchange-desk-export",
    // Dates as YYYY-MM-DD whatever the server's default, so a date column needs no to_char per row. An export sorts
    // and hashes ~100,000 wide rows: with the default 4 MB they spilled to disk (50 MB of temp files per export).
    options: "-c DateStyle=ISO,YMD -c work_mem=64MB",
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    // Ending the connection also ends a COPY still running on the server when the reader went away early; a
    // read-only transaction needs no commit.
    client.end().catch(() => {});
  };
  client.on("error", close);
  try {
    await client.connect();
    let snapshotRows: Record<string, unknown>[] = [];
    if (snapshotQuery) {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      snapshotRows = (await client.query(snapshotQuery)).rows;
    }
    const stream = client.query(copyTo(copyStatement));
    stream.on("close", close);
    stream.on("end", close);
    stream.on("error", close);
    return { stream, snapshotRows };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * A Prisma SQL fragment with its `$n` parameters replaced by quoted literals (pg's `escapeLiteral`), for statements
 * that take no parameters, such as COPY. Only strings, finite numbers and booleans are accepted: anything else is a
 * programming error, not input.
 */
export function inlineParameters(sql: Prisma.Sql): string {
  const { text, values } = sql;
  const used = new Set<number>();
  const inlined = text.replace(/\$(\d+)/g, (_match, position: string) => {
    const index = Number(position) - 1;
    if (index < 0 || index >= values.length) throw new Error(`Parameter $${position} has no value.`);
    used.add(index);
    return literal(values[index]);
  });
  if (used.size !== values.length) throw new Error("Some parameters were not used in the statement.");
  return inlined;
}

export function literal(value: unknown): string {
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new Error(`Cannot inline a ${value === null ? "null" : typeof value} value into SQL.`);
}

export const identifier = (name: string): string => pg.escapeIdentifier(name);
