import { describe, expect, it } from "vitest";
import { formatOfficerName } from "./names";

describe("formatOfficerName", () => {
  it("writes Hong Kong officers in HK formal style", () => {
    expect(formatOfficerName({ surname: "Tai", givenName: "Lap-fo", otherName: "Frankie", jurisdiction: { kind: "SAR" } })).toBe("TAI Lap-fo, Frankie");
    expect(formatOfficerName({ surname: "Chan", givenName: "Suet-ying", otherName: null })).toBe("CHAN Suet-ying");
  });

  it("writes mainland officers as their pinyin is written", () => {
    expect(formatOfficerName({ surname: "Cheng", givenName: "Buyi", otherName: null, jurisdiction: { kind: "MAINLAND_CITY" } })).toBe("Cheng Buyi");
  });
});
