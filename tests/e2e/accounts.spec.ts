import { expect, test, type Browser, type Page } from "./fixtures";
import { createCohort, createOfficer, createPlacement, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const newPassword = "Harbour-Lantern-Seventy-3";

/** Opens the link in a browser of its own (nobody signed in), sets the password and waits for the landing page. */
async function acceptInvitation(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  // A mismatch is refused next to the field, and nothing is set.
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Type it again").fill(`${newPassword}x`);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByLabel("Type it again")).toHaveAccessibleDescription(/not the same/);
  await page.getByLabel("Type it again").fill(newPassword);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL((address) => address.pathname === "/");
  return page;
}

test("an admin invites a coordinator, whose link sets a password and lands them on their dashboard", async ({ page, browser }) => {
  const s = uniqueSuffix();
  const email = `new.coordinator.${s}@example.test`;
  const hongKong = await db.jurisdiction.findFirstOrThrow({ where: { code: "HK" } });
  await signInAndWait(page, "admin@exchange.demo");
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("link", { name: "Invite a user" }).click();

  const form = page.getByTestId("invite-user-form");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill(`CHAN Tai-man ${s}`);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Coordinator" });
  // The side is asked for a coordinator, and required.
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByLabel("Side", { exact: true })).toHaveAccessibleDescription(/required/);
  await form.getByLabel("Side", { exact: true }).selectOption({ label: hongKong.nameEn });
  await form.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByTestId("issued-link").getByLabel("Set-password link");
  await expect(link).toHaveValue(/\/invitation\//);
  const url = await link.inputValue();
  await expectNoSeriousAccessibilityViolations(page);

  // The email is in the admin outbox with the same link.
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.passwordHash).toBeNull();
  expect((await db.emailMessage.findFirstOrThrow({ where: { recipientId: user.id } })).text).toContain(url);

  const invitee = await acceptInvitation(browser, url);
  await expect(invitee.getByRole("heading", { name: "Cohorts you take part in" })).toBeVisible();
  // The link is used up.
  await invitee.goto(url);
  await expect(invitee.getByRole("heading", { level: 1, name: "This link has been used" })).toBeVisible();
  await invitee.context().close();

  // The admin finds the new user, Chinese search folded, and opens the record.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await page.getByTestId("user-row").getByRole("link").click();
  await expect(page.getByTestId("user-details")).toContainText("Password set at");
  await expectNoSeriousAccessibilityViolations(page);
});

test("a coordinator invites a cohort's officers; one signs in and sees their placement", async ({ page, browser }) => {
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "csb.coordinator@exchange.demo" } });
  const shenzhen = await db.jurisdiction.findFirstOrThrow({ where: { code: "SZ" } });
  const unit = await db.hostUnit.findFirstOrThrow({ where: { jurisdictionId: shenzhen.id, active: true } });
  const template = await db.officer.findFirstOrThrow({ where: { jurisdictionId: coordinator.jurisdictionId! } });
  const cohort = await createCohort(db, { sendingJurisdictionId: coordinator.jurisdictionId!, hostJurisdictionId: shenzhen.id, startDate: new Date("2093-01-05"), endDate: new Date("2093-03-27") });
  const invitee = await createOfficer(db, { jurisdictionId: coordinator.jurisdictionId!, rankId: template.rankId, departmentId: template.departmentId, surname: "INVITEE" });
  const withoutEmail = await createOfficer(db, { jurisdictionId: coordinator.jurisdictionId!, rankId: template.rankId, departmentId: template.departmentId, workEmail: "" });
  await createPlacement(db, { cohortId: cohort.id, officerId: invitee.id, hostUnitId: unit.id, status: "CONFIRMED" });
  await createPlacement(db, { cohortId: cohort.id, officerId: withoutEmail.id });

  await signInAndWait(page, coordinator.email);
  await page.goto(`/cohorts/${cohort.id}`);
  await page.getByRole("link", { name: "Officers' accounts" }).click();
  await page.getByRole("button", { name: "Invite the officers to sign in" }).click();
  const rows = page.getByTestId("invite-result");
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-outcome="noEmail"]')).toContainText("No email address");
  const invited = page.locator('[data-outcome="invited"]');
  await expect(invited).toContainText("INVITEE");
  const url = (await invited.locator("td").last().textContent())!.trim();
  await expectNoSeriousAccessibilityViolations(page);

  // A second press invites nobody twice.
  await page.getByRole("button", { name: "Invite the officers to sign in" }).click();
  await expect(page.locator('[data-outcome="hasAccount"]')).toHaveCount(1);

  const officerPage = await acceptInvitation(browser, url);
  await expect(officerPage.getByRole("heading", { name: "My placement" })).toBeVisible();
  await expect(officerPage.getByTestId("placement-card")).toContainText(unit.nameEn);
  await officerPage.context().close();
});

test("the users page in Traditional Chinese, with cards on a phone", async ({ page }) => {
  const admin = await createUser(db, { role: "ADMIN", name: `用戶測試 ${uniqueSuffix()}` });
  await signInAndWait(page, admin.email, admin.password);
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-HK");
  await page.goto("/admin/users?q=用户测试");
  await expect(page.getByRole("heading", { level: 1, name: "用戶" })).toBeVisible();
  // The Simplified search finds the Traditional name.
  await expect(page.getByTestId("user-row")).toContainText(admin.name);
  await expect(page.getByRole("columnheader", { name: /最近登入/ })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.goto("/admin/users/new");
  await expect(page.getByRole("heading", { level: 1, name: "邀請用戶" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test("a coordinator invites an officer of their side from the officer record", async ({ page }) => {
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "csb.coordinator@exchange.demo" } });
  const template = await db.officer.findFirstOrThrow({ where: { jurisdictionId: coordinator.jurisdictionId! } });
  const officer = await createOfficer(db, { jurisdictionId: coordinator.jurisdictionId!, rankId: template.rankId, departmentId: template.departmentId });
  await signInAndWait(page, coordinator.email);
  await page.goto(`/officers/${officer.id}`);
  await page.getByRole("button", { name: "Invite to sign in" }).click();
  // The refresh that shows the new account must keep the link on screen: it is shown only once.
  await expect(page.getByTestId("officer-has-account")).toBeVisible();
  await expect(page.getByTestId("issued-link").getByLabel("Set-password link")).toHaveValue(/\/invitation\//);
  expect(await db.user.findUniqueOrThrow({ where: { officerId: officer.id } })).toMatchObject({ role: "OFFICER", passwordHash: null });
  await expectNoSeriousAccessibilityViolations(page);
});

test("an admin sends a new link (shown once; the old one stops working) and then revokes it", async ({ page, browser }) => {
  const s = uniqueSuffix();
  const email = `resend.${s}@example.test`;
  await signInAndWait(page, "admin@exchange.demo");
  await page.goto("/admin/users/new");
  const form = page.getByTestId("invite-user-form");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill(`Resend ${s}`);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Administrator" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  const first = await page.getByTestId("issued-link").getByLabel("Set-password link").inputValue();
  expect(first).toMatch(/\/invitation\//);

  await page.goto(`/admin/users?q=${encodeURIComponent(email)}&invited=yes`);
  await page.getByTestId("user-row").getByRole("link").click();
  await page.getByRole("button", { name: "Send a new link" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  const second = page.getByTestId("issued-link").getByLabel("Set-password link");
  await expect(second).toHaveValue(/\/invitation\//);
  expect(await second.inputValue()).not.toBe(first);
  await expect(page.getByTestId("user-details")).toContainText("Link open until");
  await expectNoSeriousAccessibilityViolations(page);

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(first);
  await expect(visitorPage.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();

  await page.getByRole("button", { name: "Revoke the link" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("user-details")).toContainText("Link revoked at");
  await visitorPage.goto(await second.inputValue());
  await expect(visitorPage.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await visitor.close();
});
