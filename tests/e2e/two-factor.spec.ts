import { expect, test, type Page } from "./fixtures";
import { createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { enrolSecondFactor, expectNoSeriousAccessibilityViolations, knownTotpSecret, signIn, signInAndWait, signOut } from "./helpers";
import { totpCodeAt } from "../../features/two-factor/totp";
import { localeCookie } from "../../lib/i18n/locales";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

// Issue 14, second factor (decision 102). The admin role requires it (REQUIRE_2FA_ROLES defaults to ADMIN).

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(/work email|工作電郵|工作邮箱/i).fill(email);
  await page.getByLabel(/^password$|^密碼$|^密码$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$|^登入$|^登录$/i }).click();
}

test("an admin is sent to set up an authenticator, then signs in with password and code, and with a recovery code once", async ({ page }) => {
  const admin = await createUser(db, { role: "ADMIN", name: `TOTP admin ${uniqueSuffix()}` });
  await passwordStep(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/two-factor\/enrol$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  // Nothing else works until then: another page sends the session back here.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/two-factor\/enrol$/);
  await expectNoSeriousAccessibilityViolations(page);

  // A wrong code is refused next to the field; then the key read from the page gives the right one.
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for the authenticator app" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  const key = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s+/g, "");
  const wrong = totpCodeAt(key, new Date()) === "000000" ? "111111" : "000000";
  await page.getByLabel("Code from the app").fill(wrong);
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText("The code is not correct.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCodeAt(key, new Date()));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.locator("main h1")).toBeVisible();

  // The factor is on; its page in the account.
  await page.goto("/account/two-factor");
  await expect(page.getByTestId("two-factor-status")).toContainText("On since");
  await expect(page.getByTestId("two-factor-status")).toContainText("10 unused recovery codes left.");
  await expect(page.getByRole("heading", { name: "Turn off two-step sign-in" })).toHaveCount(0); // the role requires it
  await expectNoSeriousAccessibilityViolations(page);
  await signOut(page);

  // Password, then the code step (the helper computes the code from the key).
  await passwordStep(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Enter your authentication code" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("textbox", { name: "Authentication code" }).fill("999999" === totpCodeAt(key, new Date()) ? "888888" : "999999");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("The code is not correct, has already been used")).toBeVisible();
  await page.goto("/login");
  await page.context().clearCookies();
  // The helper knows no secret for this user yet: it was enrolled by hand above.
  expect(knownTotpSecret(admin.email)).toBeUndefined();
  await passwordStep(page, admin.email, admin.password);
  await page.getByRole("textbox", { name: "Authentication code" }).fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await signOut(page);

  // The same recovery code does not work twice.
  await passwordStep(page, admin.email, admin.password);
  await page.getByRole("textbox", { name: "Authentication code" }).fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("The code is not correct, has already been used")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  const failure = await db.auditLog.findFirstOrThrow({ where: { entityId: admin.id, action: "auth.twoFactor.fail" }, orderBy: { id: "desc" } });
  expect(failure.after).toMatchObject({ reason: "wrongRecoveryCode" });
});

for (const { locale, dbLocale, title, accountTitle, codeTitle } of [
  { locale: "zh-Hant", dbLocale: "zh_Hant" as const, title: "設定兩步登入", accountTitle: "兩步登入", codeTitle: "輸入驗證碼" },
  { locale: "zh-Hans", dbLocale: "zh_Hans" as const, title: "设置两步登录", accountTitle: "两步登录", codeTitle: "输入验证码" },
]) {
  test(`the set-up page, the account page and the code step in ${locale}`, async ({ page, baseURL }) => {
    const admin = await createUser(db, { role: "ADMIN", locale: dbLocale, name: `TOTP ${locale} ${uniqueSuffix()}` });
    await passwordStep(page, admin.email, admin.password);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await enrolSecondFactor(page, admin.email);
    await expectNoSeriousAccessibilityViolations(page);
    await page.getByRole("button", { name: /^繼續$|^继续$/ }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await page.goto("/account/two-factor");
    await expect(page.getByRole("heading", { level: 1, name: accountTitle })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await signOut(page);
    // Signed out, the sign-in page speaks the language cookie's language.
    await page.context().addCookies([{ name: localeCookie, value: locale, url: baseURL! }]);
    await passwordStep(page, admin.email, admin.password);
    await expect(page.getByRole("heading", { name: codeTitle })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
  });
}

test("an admin resets another admin's second factor: audited, and the other must set it up again", async ({ page, browser }) => {
  const other = await createUser(db, { role: "ADMIN", name: `TOTP reset ${uniqueSuffix()}` });
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAndWait(otherPage, other.email, other.password); // sets up the factor through the page
  await otherContext.close();
  expect(knownTotpSecret(other.email)).toBeDefined();

  await signInAndWait(page, "admin@exchange.demo");
  await page.goto(`/admin/users/${other.id}`);
  const section = page.getByTestId("second-factor-admin");
  await expect(section).toContainText("On since");
  await section.getByRole("button", { name: "Reset two-step sign-in" }).click();
  await expect(page.getByRole("dialog", { name: "Reset this user's two-step sign-in?" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("dialog").getByRole("button", { name: "Reset" }).click();
  await expect(section).toContainText("Not set up.");
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@exchange.demo" } });
  expect(await db.auditLog.findFirst({ where: { entityId: other.id, action: "twoFactor.reset" } })).toMatchObject({ actorId: admin.id });
  await signOut(page);

  await signIn(page, other.email, other.password);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  expect(await db.twoFactorCredential.findUnique({ where: { userId: other.id } })).toMatchObject({ confirmedAt: expect.any(Date) });
});

test("a coordinator turns two-step sign-in on from the account page, replaces the recovery codes and turns it off", async ({ page }) => {
  test.setTimeout(120_000); // turning off waits for the authenticator's next 30-second step (at most one)
  const coordinator = await createUser(db, { role: "COORDINATOR", name: `TOTP coordinator ${uniqueSuffix()}` });
  await signInAndWait(page, coordinator.email, coordinator.password); // not required for the role: no set-up asked
  await page.goto("/account");
  await page.getByRole("link", { name: "Two-step sign-in (authenticator app)" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off.");
  const secret = await enrolSecondFactor(page, coordinator.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("On since");

  // New recovery codes need a current code: the one of the next step (this step's was used to confirm).
  const regenerateCode = totpCodeAt(secret, new Date(Date.now() + 30_000));
  const regenerateStep = Math.floor((Date.now() + 30_000) / 30_000);
  await page.getByRole("textbox", { name: "Code from the app" }).first().fill(regenerateCode);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  // Turning it off: the current password and a code; the code just used is refused as a replay, next to the field.
  await page.getByLabel("Current password").fill(coordinator.password);
  await page.locator("#disable-code").fill(regenerateCode);
  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("This code has already been used.")).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page); // the new codes and the refusal on screen
  // A later step's code: once the clock has reached the step used, the one after it is inside the ±1 window.
  await page.waitForFunction((step) => Math.floor(Date.now() / 30_000) >= step, regenerateStep, { timeout: 45_000 });
  await page.locator("#disable-code").fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off.");
  expect(await db.auditLog.count({ where: { entityId: coordinator.id, action: { in: ["twoFactor.enrol", "twoFactor.regenerateRecoveryCodes", "twoFactor.disable"] } } })).toBe(3);
});
