import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { foldHanScript } from "@/lib/han-folding";
import { HAN_FOLDING_FROM } from "@/lib/han-folding-table";
import { searchText } from "./queries";

// The officer search is fast only while its expression is the trigram index's expression (decision 011). The index
// is the one migration 20261204060000 created in this (migrated) test database.
const indexName = "Officer_search_text_trgm_idx";

async function indexDefinition(name: string): Promise<string> {
  const [row] = await db.$queryRaw<{ definition: string }[]>`
    SELECT pg_get_indexdef(c.oid) AS "definition" FROM pg_class c WHERE c.relname = ${name} AND c.relkind = 'i'`;
  if (!row) throw new Error(`no index ${name}`);
  return row.definition;
}

describe("the officer search expression", () => {
  it("is, as PostgreSQL reads it, the expression of the migration's trigram index", async () => {
    // An index over the code's expression (without the statement's alias) must read back exactly like the
    // migration's, once PostgreSQL has normalised both (casts, parentheses, spacing).
    const expression = searchText.sql.replaceAll('o."', '"');
    expect(searchText.values).toEqual([]);
    const probe = "Officer_search_text_probe_idx";
    await db.$executeRawUnsafe(`CREATE INDEX "${probe}" ON "Officer" USING gin ((${expression}) gin_trgm_ops) WITH (fastupdate = off)`);
    try {
      expect((await indexDefinition(probe)).replace(probe, indexName)).toBe(await indexDefinition(indexName));
    } finally {
      await db.$executeRawUnsafe(`DROP INDEX "${probe}"`);
    }
  });

  it("lets the planner answer a search word from the index", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT o."id" FROM "Officer" o WHERE ${searchText} LIKE ${"%chan%"}`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain(indexName);
  });
});


describe("the Chinese script folding", () => {
  it("is the same in PostgreSQL (fold_han_script) as in the code that folds the search words", async () => {
    // Every character of the table, plus text the folding must leave alone.
    const samples = [HAN_FOLDING_FROM, "陳大文 CHAN Tai-man, Peter 10023", "陈晓东", "司徒健峰", "𠵾㗲", ""];
    const [row] = await db.$queryRaw<{ folded: string[] }[]>`SELECT array(SELECT fold_han_script(s) FROM unnest(${samples}::text[]) WITH ORDINALITY AS u(s, n) ORDER BY n) AS "folded"`;
    expect(row.folded).toEqual(samples.map(foldHanScript));
    expect(row.folded[0]).not.toBe(HAN_FOLDING_FROM);
  });

  it("is immutable, so that an index may use it", async () => {
    const [row] = await db.$queryRaw<{ volatility: string }[]>`SELECT provolatile::text AS "volatility" FROM pg_proc WHERE proname = 'fold_han_script'`;
    expect(row.volatility).toBe("i");
  });
});
