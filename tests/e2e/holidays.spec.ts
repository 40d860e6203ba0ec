import { expect, test } from "./fixtures";
import { createCohort, createUser } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

// A year no package knows and no other journey touches, so the journey does not depend on today's date.
const year = 2091;

test("the admin fills in a year the package does not know; the schedule's warning goes and the holidays appear", async ({ page }) => {
  await db.holiday.deleteMany({ where: { date: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) } } });
  const template = await db.cohort.findUniqueOrThrow({ where: { code: "HKSZ-2023" } });
  const cohort = await createCohort(db, {
    sendingJurisdictionId: template.sendingJurisdictionId,
    hostJurisdictionId: template.hostJurisdictionId,
    startDate: new Date(`${year}-01-08`),
    endDate: new Date(`${year}-03-30`),
  });
  await signInAndWait(page, "admin@exchange.demo");

  // The cohort calendar says that the mainland's year is missing.
  await page.goto(`/schedule/cohorts/${cohort.id}?month=${year}-02`);
  await expect(page.getByText(`Mainland holidays and make-up working days for ${year} are not in the data yet`)).toBeVisible();

  await page.getByRole("link", { name: "Holidays" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Holidays" })).toBeVisible();
  await page.getByLabel("Side", { exact: true }).selectOption("MAINLAND");
  await page.getByLabel("Year", { exact: true }).fill(String(year));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("holiday-coverage")).toContainText(`Neither the package nor an entry made here gives Mainland holidays for ${year}`);
  await expectNoSeriousAccessibilityViolations(page);

  // A paste with a bad line saves nothing and says which line and what was entered.
  const paste = page.getByLabel(`Entries for Mainland, ${year}`);
  await paste.fill(`${year}-01-01, 元旦, holiday\n${year}-02-30, 春节, holiday\n${year}-02-10, 春节, sometimes`);
  await page.getByRole("button", { name: `Replace the entries for ${year}` }).click();
  await expect(page.getByTestId("holiday-paste-errors")).toContainText(`Line 2: The date must be a real date written YYYY-MM-DD. You entered “${year}-02-30”.`);
  await expect(page.getByTestId("holiday-paste-errors")).toContainText(`Line 3: The kind must be holiday, make-up workday or working day. You entered “sometimes”.`);
  await expect(paste).toHaveAccessibleDescription(/Nothing was saved: 2 lines have problems/);
  expect(await db.holiday.count({ where: { date: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) } } })).toBe(0);
  await expectNoSeriousAccessibilityViolations(page);

  await paste.fill(`date, name, kind\n${year}-01-01, 元旦, holiday\n${year}-02-05, 春节, holiday\n${year}-02-10, 春节, 班`);
  await page.getByRole("button", { name: `Replace the entries for ${year}` }).click();
  await expect(page.getByText(`Saved 3 entries for ${year}; earlier entries replaced: 0.`)).toBeVisible();
  await expect(page.getByTestId("holiday-admin-table").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("holiday-coverage")).toContainText(`The package has no Mainland data for ${year}; the entries made here are used.`);

  // One more entry by hand; a second entry on the same date is refused next to the date.
  const form = page.getByTestId("holiday-form");
  await form.getByLabel("Date").fill(`${year}-02-06`);
  await form.getByLabel("Kind").selectOption({ label: "Holiday" });
  await form.getByLabel("Name (English)").fill("Spring Festival");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(form.getByText(`Saved the entry for ${year}-02-06.`)).toBeVisible();
  await expect(page.getByTestId("holiday-admin-table").locator("tbody tr")).toHaveCount(4);
  await form.getByLabel("Date").fill(`${year}-02-06`);
  await form.getByLabel("Kind").selectOption({ label: "Holiday" });
  await form.getByLabel("Name (English)").fill("Again");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(formAlert(page).first()).toBeVisible();
  await expect(form.getByLabel("Date")).toHaveAccessibleDescription(/already has an entry for this date/);
  await expectNoSeriousAccessibilityViolations(page);

  // Remove the hand-made entry again, after confirming.
  const row = page.getByTestId("holiday-admin-table").locator("tbody tr").filter({ hasText: "6 Feb" });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove entry" }).click();
  await expect(page.getByTestId("holiday-admin-table").locator("tbody tr")).toHaveCount(3);
  const actions = (await db.auditLog.findMany({ where: { entityType: "Holiday" }, orderBy: { id: "asc" } })).map((entry) => entry.action);
  expect(actions.slice(-3)).toEqual(["holiday.import", "holiday.create", "holiday.delete"]);

  // The schedule now uses the admin's data: no warning, and the holiday is on the calendar.
  await page.goto(`/schedule/cohorts/${cohort.id}?month=${year}-02`);
  await expect(page.getByTestId("calendar-month")).toBeVisible();
  await expect(page.getByText(`Mainland holidays and make-up working days for ${year} are not in the data yet`)).toHaveCount(0);
  await expect(page.getByTestId("month-calendar")).toContainText("Spring Festival");
  await expectNoSeriousAccessibilityViolations(page);
});

test("only the admin has the holidays page", async ({ page }) => {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await expect(page.getByRole("link", { name: "Holidays" })).toHaveCount(0);
  const response = await page.goto("/admin/holidays");
  expect(response?.status()).toBe(403);
});

for (const [locale, title, paste] of [
  ["zh_Hant", "假期", "貼上 2027 年的清單"],
  ["zh_Hans", "假期", "粘贴 2027 年的清单"],
] as const) {
  test(`the holidays page reads in ${locale} at phone and laptop widths`, async ({ page }) => {
    const admin = await createUser(db, { role: "ADMIN", locale, name: `Holiday admin ${locale}` });
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/admin/holidays?side=MAINLAND&year=2027");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: paste })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
  });
}
