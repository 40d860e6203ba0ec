import "server-only";
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Compilable, type RawBuilder } from "kysely";
import type { Prisma } from "@/generated/prisma/client";
import type { DB } from "@/generated/kysely/types";
import { db } from "@/lib/db";

// The raw statements that need SQL (decisions 021, 023) are built with Kysely over the table and column types that
// prisma-kysely generates from schema.prisma in `prisma generate`: a renamed or retyped column fails the typecheck.
// Kysely only builds and compiles; the statement runs through the one Prisma client and its pool (lib/db.ts), so
// there is no second pool and transactions stay Prisma's. See docs/decisions/041-typed-sql-with-kysely.md.

/** A query builder that cannot execute: compile its queries and run them with `runQuery`. */
export const sqlBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

type Client = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;
type StatementClient = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Runs a compiled Kysely query on the Prisma client (or a transaction); rows typed as Kysely infers them. */
export async function runQuery<Row>(query: Compilable<Row>, client: Client = db): Promise<Row[]> {
  const { sql: text, parameters } = query.compile();
  return client.$queryRawUnsafe<Row[]>(text, ...parameters);
}

/**
 * Runs a compiled statement whose rows nobody reads (an INSERT, UPDATE or DELETE without RETURNING, a lock) on the
 * Prisma client or a transaction; the number of rows it changed.
 */
export async function runStatement(query: Compilable<unknown>, client: StatementClient = db): Promise<number> {
  const { sql: text, parameters } = query.compile();
  return client.$executeRawUnsafe(text, ...parameters);
}

/** A Prisma.Sql fragment (a scope of lib/scopes.ts, the officer search text) as a Kysely expression; values stay bound. */
export function prismaFragment<T = unknown>(fragment: Prisma.Sql): RawBuilder<T> {
  const strings = Object.assign([...fragment.strings], { raw: [...fragment.strings] }) as unknown as TemplateStringsArray;
  return sql<T>(strings, ...fragment.values);
}
