import { expect, test } from "./fixtures";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signIn, signInAndWait, signOut } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test.describe("each demo account lands on its own page", () => {
  const landings = [
    { email: "admin@exchange.demo", heading: "Programme totals" },
    { email: "csb.coordinator@exchange.demo", heading: "Cohorts you take part in" },
    { email: "szod.coordinator@exchange.demo", heading: "Cohorts you take part in" },
    { email: "officer@exchange.demo", heading: "My placement" },
    { email: "mainland.officer@exchange.demo", heading: "My placement" },
    { email: "supervisor@exchange.demo", heading: "Officers in your host unit" },
  ];
  for (const { email, heading } of landings) {
    test(email, async ({ page }) => {
      await signInAndWait(page, email);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      await expectNoSeriousAccessibilityViolations(page);
    });
  }
});

test("the coordinator's landing page shows the numbers the database holds", async ({ page }) => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "csb.coordinator@exchange.demo" } });
  const inDatabase = async () => {
    const cohorts = await db.cohort.findMany({ where: { OR: [{ sendingJurisdictionId: user.jurisdictionId! }, { hostJurisdictionId: user.jurisdictionId! }] }, select: { id: true } });
    const confirmed = await db.placement.count({ where: { cohortId: { in: cohorts.map((c) => c.id) }, status: "CONFIRMED" } });
    return { cohorts: cohorts.length, confirmed };
  };
  await signInAndWait(page, user.email);
  // Other test files add cohorts on this side while this one runs (a CI run once saw 15 rows against 14 read just
  // before): the page must match the database as it was both just before and just after the page was read.
  await expect(async () => {
    const before = await inDatabase();
    await page.reload();
    const rows = await page.getByTestId("cohort-row").count();
    const shown = await page.getByTestId("count-CONFIRMED").allTextContents();
    expect(await inDatabase()).toEqual(before);
    expect({ cohorts: rows, confirmed: shown.reduce((sum, text) => sum + Number(text.replaceAll(",", "")), 0) }).toEqual(before);
  }).toPass({ timeout: 30_000 });
});

test("the officer sees only their own placement", async ({ page }) => {
  const officerUser = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" } });
  const own = await db.placement.count({ where: { officerId: officerUser.officerId!, status: { not: "WITHDRAWN" } } });
  await signInAndWait(page, officerUser.email);
  await expect(page.getByTestId("placement-card")).toHaveCount(own);
});

test("a wrong password shows one generic error and keeps the user on the sign-in page", async ({ page }) => {
  await signIn(page, "csb.coordinator@exchange.demo", "not-the-password-at-all");
  await expect(formAlert(page)).toContainText("The email or password is incorrect");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, `nobody-${uniqueSuffix()}@exchange.demo`, "not-the-password-at-all");
  await expect(formAlert(page)).toContainText("The email or password is incorrect");
  await expectNoSeriousAccessibilityViolations(page);
});

test("ten failures lock the account, even against the right password", async ({ page }) => {
  const user = await createUser(db, { role: "ADMIN", name: "Lockout Test" });
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await signIn(page, user.email, `wrong-password-${attempt}`);
    await expect(formAlert(page)).toBeVisible();
  }
  await signIn(page, user.email, user.password);
  await expect(formAlert(page)).toContainText("locked");
  await expect(page).toHaveURL(/\/login/);
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.signIn.fail" } })).toBe(11);
});

test("the chosen language is remembered for the user across sign-out and sign-in", async ({ page, context }) => {
  const user = await createUser(db, { role: "ADMIN", name: "Language Test" });
  await signInAndWait(page, user.email, user.password);
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-HK");
  await expect(page.getByRole("heading", { name: "計劃總覽" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await signOut(page);
  await context.clearCookies();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-HK");
  await signInAndWait(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: "計劃總覽" })).toBeVisible();
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "项目总览" })).toBeVisible();
});

test("an officer cannot open a coordinator page", async ({ page }) => {
  await signInAndWait(page, "officer@exchange.demo");
  const response = await page.goto("/cohorts");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cohorts" })).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in, and an unknown page answers a translated 404", async ({ page }) => {
  await page.goto("/cohorts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcohorts/);
  await signIn(page, "szod.coordinator@exchange.demo", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/cohorts$/);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the health endpoint reports the app and the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", app: "up", database: "up" });
});
