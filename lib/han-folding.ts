import { HAN_FOLDING_FROM, HAN_FOLDING_TO } from "./han-folding-table";

/** The SQL function that folds the same way (migration 20261204060000_han_folding_search, decision 061). */
export const HAN_FOLDING_SQL_FUNCTION = "fold_han_script";

let folding: Map<string, string> | null = null;

function foldingTable(): Map<string, string> {
  if (!folding) {
    const targets = [...HAN_FOLDING_TO];
    folding = new Map([...HAN_FOLDING_FROM].map((source, index) => [source, targets[index]]));
  }
  return folding;
}

/**
 * Text with every Traditional Chinese character (and Hong Kong / Taiwan variant form) replaced by its Simplified
 * form, character by character, so that 陳 and 陈 compare equal; everything else is left as it is. For comparing
 * only: stored names stay as written. Identical to PostgreSQL's `fold_han_script(text)`.
 */
export function foldHanScript(text: string): string {
  const table = foldingTable();
  let folded = "";
  for (const character of text) folded += table.get(character) ?? character;
  return folded;
}
