// Issue 12 §8: a supervisor's "coming up" left out the cohort-wide events (opening ceremony, mid-term check-in) that
// the officers of their host unit attend; it lists them now, and still nothing of a cohort the unit has no officer in.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { formatDateOnly } from "@/lib/dates";
import { createScheduleItem } from "@/features/schedule/mutations";
import { findSupervisorSchedules } from "@/features/schedule/queries";
import { createScheduleItemSchema } from "@/features/schedule/schemas";
import { createCohort, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";

afterAll(async () => db.$disconnect());

const request = () => ({ requestId: randomUUID(), ipAddress: "10.1.2.3" });
let world: TwoSidedWorld;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
});

describe("the supervisor's coming up", () => {
  it("includes the cohort-wide events of the cohorts their officers are in, and none of other cohorts", async () => {
    const start = formatDateOnly(world.hkToSz.startDate);
    const coordinator = { ...actorFromUser(world.szCoordinator), locale: "en" as const };
    const event = (cohortId: string, title: string) =>
      createScheduleItem(coordinator, request(), createScheduleItemSchema.parse({ type: "MILESTONE", title, startDate: start, allDay: true, cohortId }));
    const attended = await event(world.hkToSz.id, `Opening ceremony ${randomUUID().slice(0, 8)}`);
    // A cohort hosted by the same side in which this supervisor's unit has nobody.
    const otherCohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: world.hkToSz.startDate });
    const elsewhere = await event(otherCohort.id, `Other cohort's ceremony ${randomUUID().slice(0, 8)}`);

    const { upcoming } = (await findSupervisorSchedules(actorFromUser(world.szSupervisor), start))!;
    const ids = upcoming.map((entry) => entry.id);
    expect(ids).toContain(attended.id);
    expect(ids).not.toContain(elsewhere.id);
  });
});
