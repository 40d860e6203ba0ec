import { expect, test, type Browser, type Page } from "./fixtures";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createOfficer, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Issue 13's journey: CSB nominates → the Shenzhen coordinator sees the bell count rise and opens the placement from
// the notification. The worker runs inside `npm start` (scripts/start.ts); without SMTP_URL email is off and kept.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CSB = "csb.coordinator@exchange.demo";
const SZOD = "szod.coordinator@exchange.demo";
const ADMIN = "admin@exchange.demo";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("CSB nominates; the Shenzhen coordinator's bell count rises and the notification opens the placement", async ({ browser }) => {
  // Two signed-in browsers and the worker's turn: slower than one page under load.
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const [hk, sz] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
  const field = await db.field.findUniqueOrThrow({ where: { code: "URBAN_PLANNING" } });
  const cohort = await createCohort(db, {
    sendingJurisdictionId: hk.id,
    hostJurisdictionId: sz.id,
    code: `NTF-${suffix}`.toUpperCase(),
    nameEn: `Notified exchange ${suffix}`,
    status: "MATCHING",
    startDate: startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), 70)),
  });
  const officer = await createOfficer(db, { jurisdictionId: hk.id, surname: "Ho", givenName: "Man-kit", otherName: `Bell ${suffix}`, fieldIds: [field.id] });
  const name = `HO Man-kit, Bell ${suffix}`;

  const szod = await signedInPage(browser, SZOD);
  const before = await bellCount(szod);

  const csb = await signedInPage(browser, CSB);
  await csb.goto(`/cohorts/${cohort.id}`);
  await csb.getByRole("button", { name: "Nominate officers…" }).click();
  const nominate = csb.getByRole("dialog", { name: "Nominate officers" });
  await nominate.getByRole("searchbox", { name: "Search officers" }).fill(suffix);
  await nominate.getByRole("button", { name: "Search", exact: true }).click();
  await nominate.getByRole("checkbox", { name: new RegExp(name) }).check();
  await nominate.getByRole("button", { name: "Nominate selected officers" }).click();
  await expect(nominate.getByRole("alert").filter({ hasText: "1 officer nominated." })).toBeVisible();
  const placement = await db.placement.findFirstOrThrow({ where: { officerId: officer.id, cohortId: cohort.id } });

  // The worker relays the nomination within seconds; the bell keeps itself fresh, and every page shows it.
  await expect(async () => {
    await szod.reload();
    expect(await bellCount(szod)).toBeGreaterThan(before);
  }).toPass({ timeout: 45_000 });
  await expect(szod.getByTestId("notification-bell")).toHaveAttribute("aria-label", /Notifications: \d+ unread/);

  await szod.getByTestId("notification-bell").click();
  await expect(szod.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = szod.getByTestId("notification").filter({ hasText: `${name} was nominated to Notified exchange ${suffix}.` });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Unread");
  // The host side never reads the staff number.
  await expect(szod.locator("main")).not.toContainText(officer.staffNumber);
  await expectNoSeriousAccessibilityViolations(szod);

  await item.getByRole("link", { name: "Open" }).click();
  await expect(szod).toHaveURL(new RegExp(`/placements/${placement.id}$`));
  await expect(szod.locator("main h1")).toBeVisible();
  const opened = await db.notification.findFirstOrThrow({ where: { link: `/placements/${placement.id}`, kind: "placement.nominated", recipientId: (await db.user.findUniqueOrThrow({ where: { email: SZOD } })).id } });
  expect(opened.readAt).not.toBeNull();

  // Nobody else can open it.
  const response = await csb.request.get(`/api/notifications/${opened.id}/open`, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});

test("marking all read empties the count; preferences are saved per category", async ({ browser }) => {
  const szod = await signedInPage(browser, SZOD);
  await szod.goto("/notifications");
  const markAll = szod.getByRole("button", { name: "Mark all as read" });
  if ((await markAll.count()) > 0) {
    await markAll.click();
    await expect(noticeText(szod).filter({ hasText: "All notifications marked as read." })).toBeVisible();
    await expect(szod.getByTestId("notification-count")).toHaveCount(0);
  }
  await szod.goto("/notifications/preferences");
  await expect(szod.getByRole("heading", { level: 1, name: "Notification preferences" })).toBeVisible();
  await szod.getByLabel("Schedule changes").selectOption("DAILY_DIGEST");
  await szod.getByRole("button", { name: "Save preferences" }).click();
  await expect(noticeText(szod).filter({ hasText: "Preferences saved." })).toBeVisible();
  await szod.reload();
  await expect(szod.getByLabel("Schedule changes")).toHaveValue("DAILY_DIGEST");
  await expectNoSeriousAccessibilityViolations(szod);
  await szod.getByLabel("Schedule changes").selectOption("IMMEDIATELY");
  await szod.getByRole("button", { name: "Save preferences" }).click();
  await expect(noticeText(szod).filter({ hasText: "Preferences saved." })).toBeVisible();
});

test("admins read the email outbox (email is off without SMTP_URL) and the dead letters; others may not", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN);
  await admin.goto("/admin/outbox");
  await expect(admin.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
  await expect(admin.getByTestId("email-state")).toContainText("Email is off");
  await expectNoSeriousAccessibilityViolations(admin);
  await admin.getByRole("link", { name: "Emails that could not be sent" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Emails that could not be sent" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(admin);

  const csb = await signedInPage(browser, CSB);
  const refused = await csb.goto("/admin/outbox");
  expect(refused?.status()).toBe(403);
});
