// Single sign-on in the browser against the test OpenID provider that playwright.config.ts starts beside the app
// (tests/support/oidc-provider-server.ts): its development login page accepts any login name as the email.
import { expect, test, type Page } from "./fixtures";
import { createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

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

test("signing out of an SSO session signs out at the provider too: back on sign-in, and the provider asks again", async ({ page }) => {
  const user = await createUser(db, { role: "COORDINATOR", name: `SSO Sign-out ${uniqueSuffix()}` });
  await page.goto("/login");
  await signInWithProvider(page, user.email);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  // The provider's own page asks to confirm (RP-initiated logout), then sends the browser back to sign-in.
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  // The provider's session ended with ours: signing in again shows its login page instead of letting us straight in.
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
});

test("an admin invites an SSO-only user: the link offers only the provider, whose first sign-in accepts it", async ({ page, browser }) => {
  const s = uniqueSuffix();
  const email = `sso.only.${s}@example.test`;
  const hongKong = await db.jurisdiction.findFirstOrThrow({ where: { code: "HK" } });
  await signInAndWait(page, "admin@exchange.demo");
  await page.goto("/admin/users/new");
  const form = page.getByTestId("invite-user-form");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill(`SSO Only ${s}`);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Coordinator" });
  await form.getByLabel("Side", { exact: true }).selectOption({ label: hongKong.nameEn });
  await form.getByLabel("Signs in only through single sign-on (no password)").check();
  await form.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByTestId("issued-link").getByLabel("Invitation link", { exact: true });
  await expect(link).toHaveValue(/\/invitation\//);
  const url = await link.inputValue();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user).toMatchObject({ ssoOnly: true, passwordHash: null });
  expect((await db.emailMessage.findFirstOrThrow({ where: { recipientId: user.id } })).text).toContain("Sign in with Test IdP");

  // The link's page, nobody signed in: the provider's button and no password form, in every language.
  const looking = await browser.newContext();
  const visitor = await looking.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { level: 1, name: "Welcome to Exchange Desk" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in with Test IdP" })).toBeVisible();
  await expect(visitor.getByLabel("New password")).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(visitor);
  await visitor.getByRole("button", { name: "繁體中文" }).click();
  await expect(visitor.getByRole("link", { name: "以 Test IdP 登入" })).toBeVisible();
  await visitor.getByRole("button", { name: "简体中文" }).click();
  await expect(visitor.getByRole("link", { name: "以 Test IdP 登录" })).toBeVisible();
  await looking.close();

  // The invitee follows the button; their first sign-in at the provider accepts the link.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(url);
  await signInWithProvider(invitee, email);
  await expect(invitee).toHaveURL((address) => address.pathname === "/");
  await expect(invitee.getByRole("heading", { name: `Welcome, SSO Only ${s}` })).toBeVisible();
  await invitee.goto(url);
  await expect(invitee.getByRole("heading", { level: 1, name: "This link has been used" })).toBeVisible();
  await inviteeContext.close();
});
