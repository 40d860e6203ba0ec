// Single sign-on in the browser against the test OpenID provider that playwright.config.ts starts beside the app
// (tests/support/oidc-provider-server.ts): its development login page accepts any login name as the email.
import { expect, test, type Page } from "./fixtures";
import { createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/** From the app's sign-in page through the provider's login page, as `login`; ends back on the app. */
async function signInWithProvider(page: Page, login: string) {
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("the sign-in page offers the identity provider in every language, accessible at both widths", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Sign in with Test IdP" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.getByRole("link", { name: "使用 Test IdP 登入" })).toBeVisible();
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("link", { name: "使用 Test IdP 登录" })).toBeVisible();
});

test("an active user signs in through the provider and lands on their home, then the session works as any other", async ({ page }) => {
  const user = await createUser(db, { role: "COORDINATOR", name: `SSO Coordinator ${uniqueSuffix()}` });
  await page.goto("/login");
  await signInWithProvider(page, user.email);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.succeed" } });
  expect(audit.after).toMatchObject({ method: "sso" });
  // Deactivation ends the session on the next request, as for password sessions.
  await db.user.update({ where: { id: user.id }, data: { active: false } });
  await page.goto("/schedule");
  await expect(page).toHaveURL(/\/login/);
});

test("an identity with no account is refused with the reason on the sign-in page, and audited", async ({ page }) => {
  const email = `nobody.${uniqueSuffix()}@example.test`;
  await page.goto("/login");
  await signInWithProvider(page, email);
  await expect(page).toHaveURL(/\/login\?sso=unknownAccount/);
  await expect(page.getByText("There is no Exchange Desk account for this identity.")).toBeVisible();
  await expect.poll(async () => db.auditLog.count({ where: { action: "auth.sso.refuse", after: { path: ["email"], equals: email } } })).toBe(1);
  await expectNoSeriousAccessibilityViolations(page);
});

test("a deactivated user is refused", async ({ page }) => {
  const user = await createUser(db, { role: "OFFICER", active: false });
  await page.goto("/login");
  await signInWithProvider(page, user.email);
  await expect(page.getByText("Your Exchange Desk account is deactivated.")).toBeVisible();
});
