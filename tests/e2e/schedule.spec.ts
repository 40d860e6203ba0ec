import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import ical, { type VEvent } from "node-ical";
import { formatDateOnly, todayInHongKong } from "../../lib/dates";
import { createOfficer, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait, signOut } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/**
 * A Hong Kong officer of this test alone, placed (confirmed) in the seeded first cohort (18 Dec 2023 – 8 Mar 2024) in
 * the demo supervisor's host unit: a fixed window that contains the 2024 Spring Festival, whatever today is.
 */
async function createFirstCohortOfficer() {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { code: "HKSZ-2023" } });
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@exchange.demo" } });
  const template = await db.officer.findFirstOrThrow({ where: { staffNumber: "HK10001" } });
  const officer = await createOfficer(db, { jurisdictionId: template.jurisdictionId, rankId: template.rankId, departmentId: template.departmentId });
  const now = new Date();
  const placement = await db.placement.create({
    data: {
      officerId: officer.id,
      cohortId: cohort.id,
      hostUnitId: supervisor.hostUnitId!,
      postTitle: "Attachment Officer (e2e)",
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      status: "CONFIRMED",
      sendingApprovedAt: now,
      hostApprovedAt: now,
    },
  });
  const user = await createUser(db, { role: "OFFICER", officerId: officer.id, jurisdictionId: template.jurisdictionId, name: `E2E Officer ${uniqueSuffix()}` });
  return { user, officer, placement };
}

function events(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === "VEVENT");
}

async function calendarMonth(page: Page) {
  return page.getByTestId("calendar-month").textContent();
}

test("the officer sees the Spring Festival in the agenda and the calendar, and downloads a valid .ics", async ({ page }) => {
  const { user } = await createFirstCohortOfficer();
  await signInAndWait(page, user.email, user.password);
  await page.goto("/schedule");
  await expect(page.getByRole("heading", { level: 1, name: "My schedule" })).toBeVisible();
  await expect(page.getByTestId("placement-details")).toContainText("Attachment Officer (e2e)");

  const agenda = page.getByRole("region", { name: "My agenda" });
  const springFestival = agenda.locator('[data-date="2024-02-10"]');
  await expect(springFestival).toContainText("Mainland holiday: Spring Festival");
  await expect(springFestival).toContainText("Hong Kong holiday: Lunar New Year's Day");
  await expect(agenda.locator('[data-date="2024-02-04"]')).toContainText("Mainland: Make-up working day (Spring Festival)");
  // Seeded cohort-wide item of the first cohort.
  await expect(agenda.getByText("Opening ceremony")).toBeVisible();

  // The calendar opens at the placement's first month; Page Down pages forward from the keyboard.
  expect(await calendarMonth(page)).toBe("December 2023");
  const calendar = page.getByRole("region", { name: /^Calendar for December 2023/ });
  await calendar.focus();
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("calendar-month")).toHaveText("January 2024");
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("calendar-month")).toHaveText("February 2024");
  await expect(page).toHaveURL(/month=2024-02/);
  const grid = page.getByTestId("month-calendar");
  await expect(grid.locator('td[data-date="2024-02-14"]')).toContainText("Mainland holiday: Spring Festival");
  await expect(grid.locator('td[data-date="2024-02-14"]')).not.toContainText("Hong Kong holiday");
  await expect(grid.locator('td[data-date="2024-02-18"]')).toContainText("Make-up working day");
  await expectNoSeriousAccessibilityViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my schedule (.ics)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("exchange-desk-schedule.ics");
  const parsed = events(readFileSync((await download.path())!, "utf8"));
  const opening = parsed.find((event) => event.summary === "Opening ceremony");
  // 10:00 Hong Kong time on Monday 18 December 2023.
  expect(opening?.start.toISOString()).toBe("2023-12-18T02:00:00.000Z");
  expect(opening?.uid).toMatch(/@exchange-desk$/);
  const holiday = parsed.find((event) => event.uid === "holiday-mainland-holiday-2024-02-10@exchange-desk");
  expect(holiday?.datetype).toBe("date");
  expect(holiday?.summary).toBe("Mainland holiday: Spring Festival");
  const audited = await db.auditLog.count({ where: { entityId: user.id, action: "calendarFeed.download" } });
  expect(audited).toBe(1);
});

test("the supervisor adds a site visit and the officer sees it", async ({ page }) => {
  const officerUser = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" } });
  const placement = await db.placement.findFirstOrThrow({ where: { officerId: officerUser.officerId!, status: "CONFIRMED" }, orderBy: { startDate: "desc" } });
  const end = formatDateOnly(placement.endDate);
  const today = todayInHongKong();
  const date = today < end ? today : end;
  const title = `Site visit: Qianhai Smart City Centre ${uniqueSuffix()}`;

  await signInAndWait(page, "supervisor@exchange.demo");
  await page.goto("/schedule");
  await page.getByRole("link", { name: "LAM Wing-sze, Vivian" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule of LAM Wing-sze, Vivian" })).toBeVisible();
  await page.getByRole("link", { name: "Add item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a schedule item" })).toBeVisible();

  // A bad entry keeps what was typed and says what is wrong next to the field.
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start date").fill(date);
  await page.getByLabel("Start time").fill("15:00");
  await page.getByLabel("End time").fill("14:00");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByLabel("End time")).toHaveAccessibleDescription("The end must not be before the start.");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByLabel("Type").selectOption({ label: "Site visit" });
  await page.getByLabel("Start time").fill("14:00");
  await page.getByLabel("End time").fill("16:30");
  await page.getByLabel("Location").fill("Qianhai, Shenzhen");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page).toHaveURL(new RegExp(`/schedule/placements/${placement.id}\\?month=`));
  await expect(page.getByRole("region", { name: "Agenda" }).getByText(title)).toBeVisible();
  const stored = await db.scheduleItem.findFirstOrThrow({ where: { title } });
  expect(stored).toMatchObject({ placementId: placement.id, type: "SITE_VISIT", allDay: false, location: "Qianhai, Shenzhen" });
  expect(await db.auditLog.count({ where: { entityId: stored.id, action: "scheduleItem.create" } })).toBe(1);

  await signOut(page);
  await signInAndWait(page, officerUser.email);
  await page.goto("/schedule");
  const agenda = page.getByRole("region", { name: "My agenda" });
  await expect(agenda.getByText(title)).toBeVisible();
  await expect(agenda.locator(`[data-date="${date}"]`)).toContainText("14:00–16:30");
  // Officers read their schedule; they get no edit link.
  await expect(agenda.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
});

test("the supervisor is warned when an item falls on a host-side holiday, removes it, and saves a standard schedule", async ({ page }) => {
  const { placement } = await createFirstCohortOfficer();
  const title = `Courtesy call ${uniqueSuffix()}`;
  await signInAndWait(page, "supervisor@exchange.demo");
  await page.goto(`/schedule/items/new?placement=${placement.id}`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start date").fill("2024-02-08");
  await expect(page.getByTestId("host-holiday-warning")).toHaveCount(0);
  // 12 Feb 2024 is inside the mainland Spring Festival break (the host side here).
  await page.getByLabel("Start date").fill("2024-02-12");
  await expect(page.getByTestId("host-holiday-warning")).toContainText("Spring Festival");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page).toHaveURL(/month=2024-02/);

  const cell = page.getByTestId("month-calendar").locator('td[data-date="2024-02-12"]');
  await cell.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a schedule item" })).toBeVisible();
  await page.getByRole("button", { name: "Delete item…" }).click();
  await expect(page.getByText(`Delete “${title}”?`)).toBeFocused();
  await expectNoSeriousAccessibilityViolations(page);
  const itemId = (await db.scheduleItem.findFirstOrThrow({ where: { title } })).id;
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(new RegExp(`/schedule/placements/${placement.id}$`));
  await expect(noticeText(page)).toHaveText(`${title} deleted.`);
  expect(await db.scheduleItem.count({ where: { title } })).toBe(0);
  // Undo from the notice (issue 12 §2): the same item comes back, and is on the placement's schedule again.
  await page.getByRole("status").getByRole("button", { name: `Undo deleting ${title}` }).click();
  await expect(noticeText(page)).toHaveText(`${title} restored for 12 February 2024.`);
  expect(await db.scheduleItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ title, version: 2 });
  await page.goto("/schedule/placements/" + placement.id + "?month=2024-02");
  await page.getByTestId("month-calendar").locator('td[data-date="2024-02-12"]').getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Delete item…" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page).toHaveURL(new RegExp(`/schedule/placements/${placement.id}$`));
  await expect(noticeText(page)).toHaveText(`${title} deleted.`);
  expect(await db.scheduleItem.count({ where: { title } })).toBe(0);

  // The standard schedule is proposed on Shenzhen working days: the middle of the placement (Sat 27 Jan 2024) moves
  // to Friday 26 Jan. The user leaves one item out and saves the rest.
  await page.getByRole("link", { name: "Create standard schedule" }).click();
  await expect(page.getByTestId("standard-row")).toHaveCount(4);
  const midTerm = page.getByRole("group", { name: "Mid-term check-in" });
  await expect(midTerm.getByLabel("Date")).toHaveValue("2024-01-26");
  await page.getByRole("group", { name: "Review meeting with the host unit" }).getByLabel("Include this item").uncheck();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("button", { name: "Save the selected items" }).click();
  await expect(page).toHaveURL(/month=2023-12/);
  const agenda = page.getByRole("region", { name: "Agenda" });
  await expect(agenda.locator('[data-date="2024-01-26"]')).toContainText("Mid-term check-in");
  await expect(agenda.locator('[data-date="2024-03-01"]')).toContainText("Final report due");
  expect(await db.scheduleItem.count({ where: { placementId: placement.id } })).toBe(3);
});

test("the officer cannot open another officer's schedule or items", async ({ page }) => {
  const officerUser = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" } });
  const other = await db.placement.findFirstOrThrow({ where: { officerId: { not: officerUser.officerId! }, status: "CONFIRMED", hostUnitId: { not: null } } });
  const otherItem = await db.scheduleItem.findFirstOrThrow({ where: { placementId: { not: null }, placement: { officerId: { not: officerUser.officerId! } } } });
  await signInAndWait(page, officerUser.email);
  const response = await page.goto(`/schedule/placements/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto(`/schedule/items/${otherItem.id}`))?.status()).toBe(404);
  expect((await page.goto(`/schedule/cohorts/${other.cohortId}`))?.status()).toBe(404);
  // Even their own item is not theirs to change.
  const ownItem = await db.scheduleItem.findFirstOrThrow({ where: { placement: { officerId: officerUser.officerId! } } });
  expect((await page.goto(`/schedule/items/${ownItem.id}`))?.status()).toBe(403);
});

test("a subscription link works at once and stops working when it is replaced", async ({ page }) => {
  await signInAndWait(page, "mainland.officer@exchange.demo");
  await page.goto("/schedule");
  const panel = page.getByRole("region", { name: "Calendar feed" });
  const create = panel.getByRole("button", { name: "Create a subscription link" });
  if (await create.isVisible()) {
    await create.click();
    await expect(noticeText(page)).toHaveText("Calendar link created — copy it now; it is shown only once.");
  } else {
    await panel.getByRole("button", { name: "Replace the link…" }).click();
    await panel.getByRole("button", { name: "Yes, replace it" }).click();
  }
  const first = await panel.getByTestId("subscription-url").inputValue();
  expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  // The same link as webcal:// and for Google Calendar / Outlook on the web.
  const webcal = first.replace(/^https?:/, "webcal:");
  const links = panel.getByTestId("subscription-links");
  await expect(links.getByRole("link", { name: "Open in my calendar app (webcal://)" })).toHaveAttribute("href", webcal);
  const hrefOf = async (name: string) => new URL((await links.getByRole("link", { name }).getAttribute("href"))!);
  expect((await hrefOf("Add to Google Calendar")).searchParams.get("cid")).toBe(webcal);
  expect((await hrefOf("Add to Outlook (work or school account)")).searchParams.get("url")).toBe(first);
  expect((await hrefOf("Add to Outlook.com")).searchParams.get("url")).toBe(first);
  await expectNoSeriousAccessibilityViolations(page);

  const feed = await page.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const summaries = events(await feed.text()).map((event) => String(event.summary));
  expect(summaries).toContain("Site visit: Kai Tak Development");
  expect(summaries).not.toContain("Site visit: Futian urban renewal projects");

  // Shown once: after a reload the page says why it cannot show the link again.
  await page.reload();
  await expect(panel.getByText(/It cannot be shown again: like a password, only a fingerprint of it is kept/)).toBeVisible();
  await expect(panel.getByTestId("subscription-url")).toHaveCount(0);
  // Replacing warns first that the current subscription breaks.
  await panel.getByRole("button", { name: "Replace the link…" }).click();
  await expect(panel.getByText(/The current link stops working at once; calendars using it stop updating/)).toBeVisible();
  await panel.getByRole("button", { name: "Yes, replace it" }).click();
  await expect(panel.getByTestId("subscription-url")).not.toHaveValue(first);
  await expect(noticeText(page)).toHaveText("New calendar link created — the old link no longer works.");
  expect((await page.request.get(first)).status()).toBe(404);
  const second = await panel.getByTestId("subscription-url").inputValue();
  expect((await page.request.get(second)).status()).toBe(200);
  await panel.getByRole("button", { name: "Stop the link…" }).click();
  await panel.getByRole("button", { name: "Yes, stop it" }).click();
  await expect(noticeText(page)).toHaveText("Calendar link stopped — calendars subscribed with it no longer update.");
  expect((await page.request.get(second)).status()).toBe(404);
});

test("coordinators see the cohort calendar by host unit and the placement timeline", async ({ page }) => {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { code: "HKSZ-2023" } });
  const hetao = await db.hostUnit.findFirstOrThrow({ where: { code: "HETAO" } });
  await signInAndWait(page, "szod.coordinator@exchange.demo");
  await page.goto("/schedule");
  await page.getByRole("link", { name: /^Calendar – Shenzhen–Hong Kong Civil Service Exchange 2023–24/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cohort calendar" })).toBeVisible();
  expect(await calendarMonth(page)).toBe("December 2023");
  await page.getByLabel("Go to month").fill("2024-01");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByTestId("calendar-month")).toHaveText("January 2024");
  await page.getByLabel("Host unit").selectOption(hetao.id);
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(new RegExp(`hostUnit=${hetao.id}`));
  await expect(page).toHaveURL(/month=2024-01/);
  await expect(page.getByTestId("month-calendar").locator('td[data-date="2024-01-11"]')).toContainText("Site visit: Hetao Shenzhen Park");
  await expectNoSeriousAccessibilityViolations(page);

  await page.goto(`/schedule/cohorts/${cohort.id}/timeline`);
  const table = page.getByRole("table", { name: /Placements per host unit/ });
  const live = await db.placement.count({ where: { cohortId: cohort.id, status: { not: "WITHDRAWN" } } });
  await expect(table.locator("tbody tr")).toHaveCount(live);
  await expect(table).toContainText(hetao.nameEn);
  await expectNoSeriousAccessibilityViolations(page);
});
