import { describe, expect, it } from "vitest";
import { hanFoldingPairs } from "@/scripts/search/han-folding-pairs";
import { foldHanScript } from "./han-folding";
import { HAN_FOLDING_FROM, HAN_FOLDING_TO } from "./han-folding-table";

describe("foldHanScript", () => {
  it("folds Traditional and Simplified forms of a name to the same text", () => {
    expect(foldHanScript("陳大文")).toBe(foldHanScript("陈大文"));
    expect(foldHanScript("黃詠詩")).toBe("黄咏诗");
    expect(foldHanScript("張家樂")).toBe(foldHanScript("张家乐"));
  });

  it("folds Hong Kong and Taiwan variant forms like the standard Traditional form", () => {
    expect(foldHanScript("綫")).toBe(foldHanScript("線"));
    expect(foldHanScript("裏")).toBe(foldHanScript("裡"));
    expect(foldHanScript("僞")).toBe(foldHanScript("偽"));
  });

  it("leaves Latin letters, digits, punctuation and characters outside the table as they are", () => {
    expect(foldHanScript("CHAN Tai-man, Peter 10023")).toBe("CHAN Tai-man, Peter 10023");
    expect(foldHanScript("李明")).toBe("李明");
    expect(foldHanScript("")).toBe("");
  });

  it("handles characters outside the Basic Multilingual Plane as single characters", () => {
    // 𠵾 is the Simplified form of 㗲; a UTF-16 loop would split it into two halves.
    expect(foldHanScript("㗲")).toBe("𠵾");
    expect(foldHanScript("𠵾")).toBe("𠵾");
  });

  it("changes nothing when applied twice", () => {
    const sample = [...HAN_FOLDING_FROM].join("");
    expect(foldHanScript(foldHanScript(sample))).toBe(foldHanScript(sample));
  });

  it("is the table generated from OpenCC's data (regenerate with scripts/search/generate-han-folding.ts)", () => {
    const pairs = hanFoldingPairs();
    expect(HAN_FOLDING_FROM).toBe(pairs.map(([source]) => source).join(""));
    expect(HAN_FOLDING_TO).toBe(pairs.map(([, target]) => target).join(""));
    expect(pairs.length).toBeGreaterThan(3000);
  });
});
