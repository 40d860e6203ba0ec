import { describe, expect, it } from "vitest";
import { joinNames } from "./join-names";

describe("joinNames", () => {
  it("joins with the locale's list separator and shows a dash for none", () => {
    expect(joinNames(["Transport", "Urban planning"], "en")).toBe("Transport, Urban planning");
    expect(joinNames(["交通運輸", "城市規劃"], "zh-Hant")).toBe("交通運輸、城市規劃");
    expect(joinNames([], "zh-Hans")).toBe("—");
  });
});
