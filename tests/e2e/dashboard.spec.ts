import { expect, test, type Page } from "./fixtures";
import { addDays, monthBounds, parseDateOnly, todayInHongKong } from "../../lib/dates";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, showDashboardPanels, signInAndWait } from "./helpers";

// Dashboards show the numbers the database holds. Other journeys add data at the same time, so each comparison
// reads the database and reloads the page until both agree (it fails if they never do).
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/** "Today" as the app reckons it (lib/dates.ts), as the calendar date its queries compare with. */
const hongKongToday = () => parseDateOnly(todayInHongKong());
const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())?.replace(/[^\d]/g, ""));

async function expectMatchesDatabase(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
}

test("the sending side's panel counts what the database holds", async ({ page }) => {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  const hk = await db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } });
  await showDashboardPanels(page);
  await expect(page.getByTestId("sending-panel").getByRole("heading", { name: "As sending side" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await expectMatchesDatabase(page, async () => {
    await showDashboardPanels(page);
    const today = hongKongToday();
    const liveSending = { sendingJurisdictionId: hk.id, endDate: { gte: today } };
    const [waitingSending, waitingHost, nominated, arrivals, live] = await Promise.all([
      db.placement.count({ where: { status: "ASSIGNED", sendingApprovedAt: null, cohort: { sendingJurisdictionId: hk.id } } }),
      db.placement.count({ where: { status: "ASSIGNED", hostApprovedAt: null, cohort: { hostJurisdictionId: hk.id } } }),
      db.placement.count({ where: { status: "NOMINATED", hostUnitId: null, cohort: liveSending } }),
      db.placement.count({ where: { status: { in: ["ASSIGNED", "CONFIRMED"] }, startDate: { gte: today, lte: addDays(today, 30) }, cohort: liveSending } }),
      db.placement.count({ where: { status: { not: "WITHDRAWN" }, cohort: liveSending } }),
    ]);
    expect(await numberIn(page, "waiting-total")).toBe(waitingSending + waitingHost);
    expect(await numberIn(page, "waiting-sending")).toBe(waitingSending);
    expect(await numberIn(page, "nominated-not-placed")).toBe(nominated);
    expect(await numberIn(page, "upcoming-arrivals-total")).toBe(arrivals);
    const byField = await page.getByTestId("by-field-value").allTextContents();
    expect(byField.reduce((sum, text) => sum + Number(text.replace(/[^\d]/g, "")), 0)).toBe(live);
  });
});

test("the host side sees the capacity used per host unit of its current cohort", async ({ page }) => {
  await signInAndWait(page, "szod.coordinator@exchange.demo");
  const sz = await db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } });
  await showDashboardPanels(page);
  await expect(page.getByTestId("host-panel").getByRole("heading", { name: "As host side" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await expectMatchesDatabase(page, async () => {
    await showDashboardPanels(page);
    const today = hongKongToday();
    // The running cohort that started first is the one shown.
    const current = await db.cohort.findFirstOrThrow({ where: { hostJurisdictionId: sz.id, startDate: { lte: today }, endDate: { gte: today } }, orderBy: { startDate: "asc" } });
    const units = await db.hostUnit.findMany({
      where: { jurisdictionId: sz.id },
      include: { capacities: { where: { cohortId: current.id } }, _count: { select: { placements: { where: { cohortId: current.id, status: { not: "WITHDRAWN" } } } } } },
    });
    const counted = units.filter((unit) => unit.active || unit._count.placements > 0);
    const capacity = counted.reduce((sum, unit) => sum + (unit.capacities[0]?.capacity ?? unit.defaultCapacity), 0);
    const used = counted.reduce((sum, unit) => sum + unit._count.placements, 0);
    await expect(page.getByTestId("capacity-summary")).toHaveText(
      `${current.nameEn}: ${used} of ${capacity.toLocaleString("en")} places used across ${counted.length} host units`,
    );
    const { first: monthStart, last: monthEnd } = monthBounds(today);
    const arrivals = await db.placement.count({ where: { status: { in: ["ASSIGNED", "CONFIRMED"] }, startDate: { gte: monthStart, lte: monthEnd }, cohort: { hostJurisdictionId: sz.id } } });
    expect(await numberIn(page, "arrivals-this-month-total")).toBe(arrivals);
  });
});

test("the administrator's totals are the database's", async ({ page }) => {
  await signInAndWait(page, "admin@exchange.demo");
  await expectNoSeriousAccessibilityViolations(page);
  await expectMatchesDatabase(page, async () => {
    const [officers, hostUnits, cohorts, placements, users, withdrawn] = await Promise.all([
      db.officer.count(),
      db.hostUnit.count(),
      db.cohort.count(),
      db.placement.count(),
      db.user.count(),
      db.placement.count({ where: { status: "WITHDRAWN" } }),
    ]);
    expect(await numberIn(page, "total-officers")).toBe(officers);
    expect(await numberIn(page, "total-host-units")).toBe(hostUnits);
    expect(await numberIn(page, "total-cohorts")).toBe(cohorts);
    expect(await numberIn(page, "total-placements")).toBe(placements);
    expect(await numberIn(page, "total-users")).toBe(users);
    expect(await numberIn(page, "count-WITHDRAWN")).toBe(withdrawn);
  });
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  // Actions read as their translated labels (issue 12 §3), never as stored codes such as "auth.signIn.succeed".
  const actionCells = await page.getByTestId("audit-entry").locator("td:nth-child(3)").allTextContents();
  expect(actionCells.length).toBeGreaterThan(0);
  expect(actionCells.filter((text) => /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(text.trim()))).toEqual([]);
});

test("an officer sees their own placement and their next events", async ({ page }) => {
  await signInAndWait(page, "officer@exchange.demo");
  const user = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" } });
  const placements = await db.placement.findMany({ where: { officerId: user.officerId!, status: { not: "WITHDRAWN" } } });
  const upcoming = await db.scheduleItem.count({
    where: {
      endsAt: { gte: new Date() },
      OR: [{ placementId: { in: placements.map((placement) => placement.id) } }, { placementId: null, cohortId: { in: placements.map((placement) => placement.cohortId) } }],
    },
  });
  await expect(page.getByTestId("placement-card")).toHaveCount(placements.length);
  await expect(page.getByTestId("next-event")).toHaveCount(Math.min(5, upcoming));
  await expectNoSeriousAccessibilityViolations(page);
});
