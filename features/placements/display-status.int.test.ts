import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/dates";
import { placementStatuses } from "./schemas";
import { displayStatus, displayStatusSql } from "./display-status";

// The SQL form of the display status, run by PostgreSQL, against the JavaScript form: same label for every stored
// status on the days around a placement's start and end (and for a one-day placement).
afterAll(async () => db.$disconnect());

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const periods = [
  { startDate: day("2026-03-02"), endDate: day("2026-05-22") },
  { startDate: day("2026-06-10"), endDate: day("2026-06-10") },
];
const todays = ["2026-03-01", "2026-03-02", "2026-04-01", "2026-05-22", "2026-05-23", "2026-06-09", "2026-06-10", "2026-06-11"].map(day);

describe("display status in SQL", () => {
  it("labels every case as displayStatus() does", async () => {
    const cases = placementStatuses.flatMap((status) => periods.flatMap((period) => todays.map((today) => ({ status, ...period, today }))));
    const values = cases.map((item, index) => `(${index}, '${item.status}', '${toIsoDate(item.startDate)}'::date, '${toIsoDate(item.endDate)}'::date, '${toIsoDate(item.today)}'::date)`);
    const rows = await db.$queryRawUnsafe<{ index: number; label: string }[]>(
      `SELECT c."index", ${displayStatusSql({ placement: "c", today: 'c."today"' })} AS "label"
       FROM (VALUES ${values.join(", ")}) AS c("index", "status", "startDate", "endDate", "today") ORDER BY c."index"`,
    );
    expect(rows.map((row) => row.label)).toEqual(cases.map((item) => displayStatus(item, item.today)));
    expect(new Set(rows.map((row) => row.label))).toEqual(new Set(["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN", "ACTIVE", "COMPLETED"]));
  });
});
