import { describe, expect, it } from "vitest";
import { derivedDueDate } from "./due-dates";

describe("report due dates derived from the placement", () => {
  it("puts the mid-term report at the mid-point and the final report at the start of the last week", () => {
    expect(derivedDueDate("MID_TERM", "2027-03-01", "2027-05-23")).toBe("2027-04-11");
    expect(derivedDueDate("FINAL", "2027-03-01", "2027-05-23")).toBe("2027-05-17");
  });

  it("keeps both within a placement shorter than a week", () => {
    expect(derivedDueDate("MID_TERM", "2027-03-01", "2027-03-04")).toBe("2027-03-02");
    expect(derivedDueDate("FINAL", "2027-03-01", "2027-03-04")).toBe("2027-03-01");
  });

  it("accepts Date values as stored by PostgreSQL (date columns at UTC midnight)", () => {
    expect(derivedDueDate("FINAL", new Date("2027-03-01T00:00:00Z"), new Date("2027-03-31T00:00:00Z"))).toBe("2027-03-25");
  });
});
