-- Replaces the per-column trigram indexes of 20261127100000 with one trigram index over a single search text.
-- Measured with features/officers/bench-search.ts at 20,000 officers: the planner never chose a five-way BitmapOr
-- over the per-column indexes for "any name field matches" (each count took 45–85 ms as a filtered scan), while a
-- LIKE on one expression index answers a three-or-more-character term in under 5 ms. See
-- docs/decisions/011-officer-search.md. features/officers/queries.ts builds exactly this expression; the two must
-- stay identical for the index to be used.
DROP INDEX IF EXISTS "Officer_surname_trgm_idx";
DROP INDEX IF EXISTS "Officer_givenName_trgm_idx";
DROP INDEX IF EXISTS "Officer_otherName_trgm_idx";
DROP INDEX IF EXISTS "Officer_chineseName_trgm_idx";
DROP INDEX IF EXISTS "Officer_staffNumber_trgm_idx";

-- fastupdate = off: with GIN's default pending list, rows added by a bulk import sit unindexed until the next
-- vacuum, the planner prices the pending list in, and it chose a full scan (measured: 20 ms instead of 0.05 ms)
-- right after an import. Writing straight into the index costs the import little (see bench-import.ts).
CREATE INDEX "Officer_search_text_trgm_idx" ON "Officer" USING gin (
  (lower("staffNumber" || ' ' || "surname" || ' ' || "givenName" || ' ' || coalesce("otherName", '') || ' ' || coalesce("chineseName", ''))) gin_trgm_ops
) WITH (fastupdate = off);
