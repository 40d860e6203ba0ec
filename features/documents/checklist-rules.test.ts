import { describe, expect, it } from "vitest";
import { directionOf, expiresBeforePlacementEnds } from "./checklist-rules";

describe("document checklist rules", () => {
  it("takes the direction from the sending side", () => {
    expect(directionOf("SAR")).toBe("HK_TO_MAINLAND");
    expect(directionOf("MAINLAND_CITY")).toBe("MAINLAND_TO_HK");
    expect(directionOf("PROVINCE")).toBe("MAINLAND_TO_HK");
  });

  it("warns when a document expires before the placement's last day, not on or after it", () => {
    expect(expiresBeforePlacementEnds("2027-03-30", "2027-03-31")).toBe(true);
    expect(expiresBeforePlacementEnds("2027-03-31", "2027-03-31")).toBe(false);
    expect(expiresBeforePlacementEnds("2028-01-01", "2027-03-31")).toBe(false);
    expect(expiresBeforePlacementEnds(null, "2027-03-31")).toBe(false);
  });
});
