import { describe, expect, it } from "vitest";
import { displayStatus, displayStatusSql, displayStatuses } from "./display-status";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const confirmed = { status: "CONFIRMED" as const, startDate: day("2026-03-02"), endDate: day("2026-05-22") };

describe("display status of a placement", () => {
  it("reads a confirmed placement as active or completed from its dates", () => {
    expect(displayStatus(confirmed, day("2026-03-01"))).toBe("CONFIRMED");
    expect(displayStatus(confirmed, day("2026-03-02"))).toBe("ACTIVE");
    expect(displayStatus(confirmed, day("2026-05-22"))).toBe("ACTIVE");
    expect(displayStatus(confirmed, day("2026-05-23"))).toBe("COMPLETED");
  });

  it("keeps every other status as stored, whatever the dates", () => {
    for (const status of ["NOMINATED", "ASSIGNED", "WITHDRAWN"] as const) {
      expect(displayStatus({ ...confirmed, status }, day("2026-04-01"))).toBe(status);
    }
  });

  it("writes every status into the SQL form, each label once", () => {
    const sql = displayStatusSql({ placement: "p", today: "'2026-04-01'::date", label: (status) => `label_${status}` });
    for (const status of displayStatuses) expect(sql.split(`label_${status}`)).toHaveLength(2);
    expect(sql).toContain(`p."status"::text`);
  });
});
