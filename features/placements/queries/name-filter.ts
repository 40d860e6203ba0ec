import "server-only";
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { foldHanScript } from "@/lib/han-folding";
import { containsPattern } from "@/lib/sql-search";

/**
 * The name filter of the board and of the nomination candidates, over the officer aliased `o`: Latin names in any
 * case, and the Chinese name folded to Simplified on both sides (issue 12 §4, decision 061), so 陈 finds 陳 and 陳 finds
 * 陈, as the officers search does. "chineseNameFolded" is the generated column fold_han_script("chineseName")
 * (migration 20261204060000); the query is folded the same way by lib/han-folding.ts. Stored names stay as written.
 */
export function officerNameMatches(term: string, options: { staffNumber?: boolean } = {}): RawBuilder<SqlBool> {
  const pattern = containsPattern(term);
  const folded = containsPattern(foldHanScript(term));
  const staffNumber = options.staffNumber ? sql` OR o."staffNumber" ILIKE ${pattern}` : sql``;
  return sql<SqlBool>`(o."surname" ILIKE ${pattern} OR o."givenName" ILIKE ${pattern} OR o."otherName" ILIKE ${pattern} OR o."chineseNameFolded" ILIKE ${folded}${staffNumber})`;
}
