import { expect, test, type Browser, type Page } from "./fixtures";
import { createUser, type CreatedUser } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, noticeText, signInAndWait, signOut } from "./helpers";

// Self-service in the browser (#14): change password on /account with the other session signed out and this one
// kept, "sign out everywhere else", and the forgotten-password journey in Simplified Chinese, reading the link from
// the email the app wrote (email is off in the test server, so it is kept in the outbox table).

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const newPassword = "violet-harbour-kettle-97";

async function signedInElsewhere(browser: Browser, user: CreatedUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user.email, user.password);
  return page;
}

/** Reloading a page of a session that has ended lands on the sign-in page. */
async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
}

test("changing the password keeps this session, signs out the other, and says why a password is refused", async ({ page, browser }) => {
  const user = await createUser(db, { role: "COORDINATOR" });
  const other = await signedInElsewhere(browser, user);
  await signInAndWait(page, user.email, user.password);

  await page.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await expect(page.locator("main h1")).toHaveText("My account");
  const sessions = page.getByTestId("sessions-table").locator("tbody tr");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This session" })).toHaveCount(1);
  await expectNoSeriousAccessibilityViolations(page);

  const form = page.getByTestId("change-password-form");
  await form.getByLabel("Current password").fill("not-my-password-1");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription(/The current password is not correct\./);

  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password", { exact: true }).fill("abcdefghijklmn");
  await form.getByLabel("New password again").fill("abcdefghijklmn");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/Sequences such as "abc" or "1234" are easy to guess\./);
  await expectNoSeriousAccessibilityViolations(page);

  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(noticeText(page)).toHaveText("Your password has been changed. 1 other session has been signed out.");
  await expect(sessions).toHaveCount(1);
  await expectSignedOut(other);

  // This session still works; the new password signs in.
  await page.reload();
  await expect(page.locator("main h1")).toHaveText("My account");
  await signOut(page);
  await signInAndWait(page, user.email, newPassword);
});

test("sign out everywhere else ends the other sessions, after asking", async ({ page, browser }) => {
  const user = await createUser(db, { role: "OFFICER" });
  const others = [await signedInElsewhere(browser, user), await signedInElsewhere(browser, user)];
  await signInAndWait(page, user.email, user.password);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere else?" });
  await expect(dialog).toContainText("2 other sessions end at once.");
  await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(noticeText(page)).toHaveText("2 other sessions have been signed out.");
  await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();
  for (const other of others) await expectSignedOut(other);
});

test("forgotten password in Simplified Chinese: the same answer for any address, a link by email, a new password", async ({ page, context }) => {
  const user = await createUser(db, { role: "COORDINATOR", locale: "zh_Hans" });
  await context.addCookies([{ name: "exchange-desk-locale", value: "zh-Hans", url: test.info().project.use.baseURL! }]);
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.locator("main h1")).toHaveText("忘记密码");
  await expectNoSeriousAccessibilityViolations(page);

  const form = page.getByTestId("request-reset-form");
  await form.getByLabel("工作电子邮件").fill("not an address");
  await form.getByRole("button", { name: "发送链接" }).click();
  await expect(formAlert(page)).toBeVisible();

  const unknownAddress = `nobody.${Date.now()}@example.test`;
  await form.getByLabel("工作电子邮件").fill(unknownAddress);
  await form.getByRole("button", { name: "发送链接" }).click();
  await expect(page.getByTestId("reset-sent")).toHaveText(`如 ${unknownAddress} 有账户，设置新密码的链接已发出。请查看收件箱（及垃圾邮件箱）；链接有效 30 分钟。`);

  await form.getByLabel("工作电子邮件").fill(user.email);
  await form.getByRole("button", { name: "发送链接" }).click();
  await expect(page.getByTestId("reset-sent")).toHaveText(`如 ${user.email} 有账户，设置新密码的链接已发出。请查看收件箱（及垃圾邮件箱）；链接有效 30 分钟。`);

  const email = await db.emailMessage.findFirstOrThrow({ where: { recipientId: user.id }, orderBy: { createdAt: "desc" } });
  expect(email.subject).toBe("交流通：设置新密码");
  const link = new URL(email.text.match(/https?:\/\/\S+\/password-reset\/[A-Za-z0-9_-]+/)![0]);
  await page.goto(link.pathname);
  await expect(page.locator("main h1")).toHaveText("设置新密码");
  await expectNoSeriousAccessibilityViolations(page);

  const setForm = page.getByTestId("set-password-form");
  await setForm.getByLabel("新密码", { exact: true }).fill(newPassword);
  await setForm.getByLabel("再次输入新密码").fill(newPassword);
  await setForm.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByText("新密码已设置。请用新密码登录。")).toBeVisible();

  // The link works once.
  await page.goto(link.pathname);
  await expect(page.locator("main h1")).toHaveText("此链接无法使用");

  await page.getByRole("link", { name: "重新申请链接" }).click();
  await page.goto("/login");
  await signInAndWait(page, user.email, newPassword);
});
