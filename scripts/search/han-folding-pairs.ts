// Builds the Traditional → Simplified character folding used by name search (decision 061) from OpenCC's data as the
// opencc-js package ships it. Only single characters that map to a single character are kept, so the folding is a
// character-for-character `translate()` in PostgreSQL and the same loop in JavaScript.
import hkVariantsReverse from "opencc-js/dict/HKVariantsRev";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";
import twVariantsReverse from "opencc-js/dict/TWVariantsRev";

function entries(dictionary: string): [string, string][] {
  return dictionary.split("|").map((entry) => {
    const [source, first] = entry.split(" ");
    return [source, first];
  });
}

const isOneCharacter = (text: string) => [...text].length === 1;

/**
 * Pairs [from, to], sorted by code point of `from`: every Traditional character OpenCC converts to one Simplified
 * character, plus the Hong Kong and Taiwan variant forms (e.g. 綫, 裏) folded to the same Simplified character as
 * the standard form. Idempotent: no `to` is itself a `from`.
 */
export function hanFoldingPairs(): [string, string][] {
  const fold = new Map<string, string>();
  for (const [source, target] of entries(traditionalToSimplified)) {
    if (isOneCharacter(source) && isOneCharacter(target) && source !== target) fold.set(source, target);
  }
  for (const [variant, standard] of [...entries(hkVariantsReverse), ...entries(twVariantsReverse)]) {
    if (!isOneCharacter(variant) || !isOneCharacter(standard) || fold.has(variant)) continue;
    const target = fold.get(standard) ?? standard;
    if (target !== variant) fold.set(variant, target);
  }
  // Follow chains (a → b → c) to their end so that folding twice changes nothing.
  for (const [source, target] of fold) {
    let end = target;
    const seen = new Set([source]);
    while (fold.has(end) && !seen.has(end)) {
      seen.add(end);
      end = fold.get(end)!;
    }
    fold.set(source, end);
  }
  for (const [source, target] of fold) if (source === target) fold.delete(source);
  return [...fold].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!);
}
