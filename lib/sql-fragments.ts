import { sql, type RawBuilder } from "kysely";
import type { DB } from "@/generated/kysely/types";
import type { TrilingualName } from "@/lib/i18n/locales";
import { formatDateOnly } from "@/lib/dates";

// SQL pieces the typed statements (lib/kysely.ts) share, so each is written once.

/** The tables with a name in three languages. */
type TrilingualTable = "Cohort" | "Department" | "Field" | "HostUnit" | "Jurisdiction" | "Rank";

/** Checked against every such table: renaming a name column in schema.prisma fails the typecheck here. */
const nameColumns = ["nameEn", "nameZhHant", "nameZhHans"] as const satisfies readonly (keyof DB[TrilingualTable])[];

/**
 * The trilingual name of the row under `alias` as a JSON object that reads as a TrilingualName
 * (`{ nameEn, nameZhHant, nameZhHans }`), with the row's `id` first when asked. `alias` is a table alias of the
 * statement, never user input.
 */
export function trilingualJson(alias: string): RawBuilder<TrilingualName>;
export function trilingualJson(alias: string, options: { withId: true }): RawBuilder<TrilingualName & { id: string }>;
export function trilingualJson(alias: string, options: { withId?: boolean } = {}): RawBuilder<TrilingualName> {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const columns = [...(options.withId ? ["id"] : []), ...nameColumns].map((column) => sql`${sql.lit(column)}, ${sql.ref(`${alias}.${column}`)}`);
  return sql<TrilingualName>`json_build_object(${sql.join(columns)})`;
}

/**
 * A transaction-scoped advisory lock on `key` (held until commit or rollback), for work that must not run twice at
 * once for the same key: sign-in counting per address, an import per side, a calendar feed's token.
 */
export function advisoryLock(key: string): RawBuilder<unknown> {
  return sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * Rows made of parallel text arrays, as a subquery to alias (`unnestText({ id: ids, name: names }).as("u")`), for
 * writing thousands of rows in one statement (`INSERT … SELECT`, `UPDATE … FROM`) with one bound array per column:
 * a bound parameter per value would need many batches (decision 012). The keys become the columns' names.
 */
export function unnestText<Row extends Record<string, string | null>>(columns: { [K in keyof Row]: Row[K][] }): RawBuilder<Row> {
  const names = Object.keys(columns);
  if (names.length === 0) throw new Error("unnestText needs at least one column");
  const arrays = names.map((name) => sql`${columns[name]}::text[]`);
  return sql<Row>`(SELECT * FROM unnest(${sql.join(arrays)}) AS ${sql.id("rows")}(${sql.join(names.map((name) => sql.id(name)))}))`;
}

/** `= ANY($1::text[])`: one bound array for a list of any length (`where("id", "=", anyText(ids))`). */
export function anyText(values: string[]): RawBuilder<string> {
  return sql<string>`ANY(${values}::text[])`;
}

/** `count(*)` as an int4, which arrives as a number (a plain count is a bigint). */
export function countRows(): RawBuilder<number> {
  return sql<number>`count(*)::int`;
}

/** A calendar date (a `date` column's value) as a bound parameter. */
export function dateOnly(date: Date): RawBuilder<Date> {
  return sql<Date>`${formatDateOnly(date)}::date`;
}

/** A `timestamp` column (UTC, without time zone) compared with an instant: ISO text, its "Z" ignored on purpose. */
export function instant(date: Date): RawBuilder<Date> {
  return sql<Date>`${date.toISOString()}::timestamp`;
}
