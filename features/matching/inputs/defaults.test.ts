import { describe, expect, it } from "vitest";
import { defaultWeights } from "@/features/matching/engine/schemas";
import { defaultStoredWeights, effectiveMatchingSettings, groupRanked } from "./defaults";

describe("a cohort's matching settings", () => {
  it("are the engine's default weights and no department cap when none are stored", () => {
    expect(effectiveMatchingSettings(null)).toEqual({ weights: { fieldFit: 4, preference: 3, wish: 2, rankBand: 1 }, maxPerDepartmentPerUnit: null });
    expect(effectiveMatchingSettings(null).weights).toEqual(defaultWeights);
  });

  it("are the stored weights and cap when a row exists, including zeros", () => {
    const stored = { fieldFitWeight: 0, preferenceWeight: 10, wishWeight: 1000, rankBandWeight: 7, maxPerDepartmentPerUnit: 2 };
    expect(effectiveMatchingSettings(stored)).toEqual({ weights: { fieldFit: 0, preference: 10, wish: 1000, rankBand: 7 }, maxPerDepartmentPerUnit: 2 });
  });

  it("returns a copy of the defaults, so a caller's change cannot alter them", () => {
    effectiveMatchingSettings(null).weights.fieldFit = 99;
    expect(effectiveMatchingSettings(null).weights.fieldFit).toBe(4);
  });

  it("resets the form to the same defaults as the engine's", () => {
    expect(defaultStoredWeights).toEqual({ fieldFitWeight: defaultWeights.fieldFit, preferenceWeight: defaultWeights.preference, wishWeight: defaultWeights.wish, rankBandWeight: defaultWeights.rankBand });
  });
});

describe("ranked lists", () => {
  it("are grouped by owner in rank order, whatever order the rows come in, gaps ignored", () => {
    const rows = [
      { owner: "a", rank: 3, item: "z" },
      { owner: "b", rank: 1, item: "y" },
      { owner: "a", rank: 1, item: "x" },
      { owner: "a", rank: 7, item: "w" },
    ];
    const lists = groupRanked(rows, (row) => row.owner, (row) => row.item);
    expect(Object.fromEntries(lists)).toEqual({ a: ["x", "z", "w"], b: ["y"] });
    expect(lists.get("a")).toEqual(["x", "z", "w"]);
    expect(lists.get("missing")).toBeUndefined();
  });
});
