import { expect, test } from "./fixtures";
import { addDays, parseDateOnly, todayInHongKong } from "../../lib/dates";
import { uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, showDashboardPanels, signInAndWait } from "./helpers";

// Issue 12 §5 and §8: dashboard numbers and names open the lists and records they stand for; the supervisor's home
// links each officer and reads on a phone; the supervisor's "coming up" has the cohort-wide events.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("the coordinator's numbers and arrival names open the filtered lists and records", async ({ page }) => {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await showDashboardPanels(page);
  await expect(page.getByTestId("sending-panel")).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);

  // An arrival's name opens its placement.
  const arrival = page.getByTestId("upcoming-arrivals").getByRole("link").first();
  const arrivalHref = await arrival.getAttribute("href");
  expect(arrivalHref).toMatch(/^\/placements\/[a-z0-9]+$/);
  const placement = await db.placement.findUniqueOrThrow({ where: { id: arrivalHref!.split("/").at(-1) }, include: { officer: true } });
  await arrival.click();
  await expect(page).toHaveURL(arrivalHref!);
  await expect(page.locator("main")).toContainText(placement.officer.surname.toUpperCase());

  // A field's row opens the report filtered to that field, which lists only that field's placements.
  await page.goto("/");
  await showDashboardPanels(page);
  const fieldLink = page.getByTestId("by-field").getByRole("link").first();
  const fieldName = (await fieldLink.textContent())!.trim();
  await fieldLink.click();
  await expect(page).toHaveURL(/\/reports\?field=/);
  const fieldId = new URL(page.url()).searchParams.get("field")!;
  const field = await db.field.findUniqueOrThrow({ where: { id: fieldId } });
  expect(field.nameEn).toBe(fieldName);
  await expect(page.getByRole("search", { name: "Filters" }).getByLabel(/^field$/i)).toHaveValue(fieldId);

  // The total waiting for approval opens "waiting for my approval".
  await page.goto("/");
  await page.getByTestId("waiting-total").click();
  await expect(page).toHaveURL(/\/approvals$/);
});

test("the supervisor's home links each officer, as cards on a phone and a table on a laptop", async ({ page }) => {
  await signInAndWait(page, "supervisor@exchange.demo");
  await expectNoSeriousAccessibilityViolations(page);
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@exchange.demo" } });
  const placements = await db.placement.findMany({ where: { hostUnitId: supervisor.hostUnitId!, status: { not: "WITHDRAWN" } }, select: { id: true } });
  expect(placements.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByTestId("supervised-cards")).toBeHidden();
  const tableLinks = page.getByTestId("supervised-table").getByRole("link");
  await expect(tableLinks).toHaveCount(placements.length);

  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByTestId("supervised-table")).toBeHidden();
  const cards = page.getByTestId("supervised-cards").getByRole("listitem");
  await expect(cards).toHaveCount(placements.length);
  // Not cramped: each card is as wide as the section allows, not a sliver of a four-column table.
  const box = (await cards.first().boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  const link = cards.first().getByRole("link");
  const href = (await link.getAttribute("href"))!;
  expect(placements.map((placement) => `/schedule/placements/${placement.id}`)).toContain(href);
  await link.click();
  await expect(page).toHaveURL(href);
});

test("the supervisor's coming up lists the cohort-wide events of their officers' cohort", async ({ page }) => {
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@exchange.demo" } });
  const placement = await db.placement.findFirstOrThrow({ where: { hostUnitId: supervisor.hostUnitId!, status: "CONFIRMED" }, orderBy: { endDate: "desc" } });
  const title = `Cohort briefing ${uniqueSuffix()}`;
  // An all-day cohort-wide item a week from today (Hong Kong), in the officers' cohort.
  const day = addDays(parseDateOnly(todayInHongKong()), 7);
  await db.scheduleItem.create({
    data: { cohortId: placement.cohortId, placementId: null, type: "MILESTONE", title, allDay: true, startsAt: new Date(day.getTime() - 8 * 3_600_000), endsAt: new Date(day.getTime() + 16 * 3_600_000), createdById: supervisor.id },
  });
  await signInAndWait(page, "supervisor@exchange.demo");
  await page.goto("/schedule");
  await expect(page.getByRole("main")).toContainText(title);
  await expectNoSeriousAccessibilityViolations(page);
});

for (const width of [390, 1366]) {
  test(`the coordinator's sections below the first screen are not in the page and load when scrolled to, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await signInAndWait(page, "csb.coordinator@exchange.demo");
    // The page request does none of their work (decision 113): its HTML has the placeholder, not the panels.
    const html = await (await page.request.get("/")).text();
    expect(html).toContain('data-testid="dashboard-panels-placeholder"');
    expect(html).not.toContain('data-testid="sending-panel"');
    expect(html).not.toContain('data-testid="report-counts"');
    await showDashboardPanels(page);
    await expect(page.getByTestId("sending-panel").getByRole("heading", { level: 2, name: "As sending side" })).toBeVisible();
    await expect(page.getByTestId("dashboard-panels-placeholder")).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(page);
  });
}
