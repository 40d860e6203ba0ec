import { describe, expect, it } from "vitest";
import { decodeBoardRows, encodeBoardRows, type BoardRowView } from "./board-rows";

const row = (overrides: Partial<BoardRowView>): BoardRowView => ({
  id: "p1",
  name: "CHAN Tai-man, Peter",
  chineseName: "陳大文",
  staffNumber: "S123",
  rank: "Senior Town Planner",
  department: "Planning Department",
  hostUnit: null,
  post: null,
  field: null,
  start: "1 March 2027",
  end: "21 May 2027",
  status: "NOMINATED",
  sendingApproved: false,
  hostApproved: false,
  action: null,
  ...overrides,
});

describe("the board's rows in the page payload", () => {
  const rows = [
    row({}),
    row({ id: "p2", chineseName: null, staffNumber: null, hostUnit: "Qianhai Authority", post: "Planning Officer", field: "Urban planning", status: "CONFIRMED", sendingApproved: true, hostApproved: true, action: "change" }),
    row({ id: "p3", hostUnit: "Qianhai Authority", post: "Planning Officer", status: "ASSIGNED", hostApproved: true, action: "assign" }),
    row({ id: "p4", status: "WITHDRAWN", sendingApproved: true }),
  ];

  it("decodes to exactly the rows encoded", () => {
    expect(decodeBoardRows(encodeBoardRows(rows))).toEqual(rows);
  });

  it("sends each repeated text once", () => {
    const encoded = encodeBoardRows(rows);
    expect(encoded.texts.filter((text) => text === "Planning Department")).toHaveLength(1);
    expect(encoded.texts).toEqual(["Senior Town Planner", "Planning Department", "1 March 2027", "21 May 2027", "Qianhai Authority", "Planning Officer", "Urban planning"]);
  });
});
