import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";

/** Fills the sign-in form; opens /login first unless the page is already there (keeping its callbackUrl). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel(/work email|工作電郵|工作邮箱/i).fill(email);
  await page.getByLabel(/^password$|^密碼$|^密码$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$|^登入$|^登录$/i }).click();
}

export async function signInAndWait(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page).toHaveURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.locator("main h1")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /sign out|登出|退出登录/i }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** WCAG 2.1 AA rules; the journeys fail on any serious or critical violation. */
export async function expectNoSeriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A page's main alert, not Next's hidden route announcer (which also has role="alert"). */
export function formAlert(page: Page) {
  return page.locator('main [role="alert"]');
}
