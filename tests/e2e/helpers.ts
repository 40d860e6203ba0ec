import { expect, test, type Page } from "@playwright/test";
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

/** A phone and a laptop: a violation that only one layout shows (a table that overflows) cannot hide behind the other. */
export const ACCESSIBILITY_CHECK_WIDTHS = [390, 1366] as const;

async function resizeAndWaitForLayout(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.waitForFunction((width) => window.innerWidth === width, size.width);
  // Two animation frames: style and layout for the new width have run (and ResizeObservers have fired).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** How far the page scrolls sideways, and the outermost elements that stick out (not those clipped by a scroller). */
async function pageOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const pixels = root.scrollWidth - root.clientWidth;
    if (pixels <= 0) return null;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const past = new Set([...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(element)));
    const elements = [...past]
      .filter((element) => !past.has(element.parentElement!))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ${(element.textContent ?? "").trim().slice(0, 40)}`);
    return { pixels, elements };
  });
}

/**
 * WCAG 2.1 AA rules at every width of ACCESSIBILITY_CHECK_WIDTHS; the journeys fail on any serious or critical
 * violation, and on a page that scrolls sideways as a whole. Moderate and minor violations are attached to the test's
 * report for review, not failures. The viewport is restored afterwards.
 */
export async function expectNoSeriousAccessibilityViolations(page: Page) {
  // Each width is a full axe run: give the journey the time for them instead of one fixed budget for every journey.
  test.info().setTimeout(test.info().timeout + 15_000);
  const original = page.viewportSize() ?? { width: 1280, height: 720 };
  const failures: string[] = [];
  try {
    for (const width of ACCESSIBILITY_CHECK_WIDTHS) {
      await resizeAndWaitForLayout(page, { width, height: original.height });
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of results.violations) {
        const nodes = violation.nodes.map((node) => node.target.join(" ")).join(", ");
        if (violation.impact === "serious" || violation.impact === "critical") failures.push(`${width}px ${violation.id}: ${nodes}`);
      }
      const lesser = results.violations.filter((violation) => violation.impact !== "serious" && violation.impact !== "critical");
      if (lesser.length > 0) {
        await test.info().attach(`axe ${width}px moderate-minor ${new URL(page.url()).pathname}`, {
          contentType: "application/json",
          body: JSON.stringify(
            lesser.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) })),
            null,
            2,
          ),
        });
      }
      const overflow = await pageOverflow(page);
      if (overflow) failures.push(`${width}px the page scrolls sideways by ${overflow.pixels}px, past the edge: ${overflow.elements.join(" | ")}`);
    }
  } finally {
    await resizeAndWaitForLayout(page, original);
  }
  expect(failures).toEqual([]);
}

/** A page's main alert, not Next's hidden route announcer (which also has role="alert"). */
export function formAlert(page: Page) {
  return page.locator('main [role="alert"]');
}

/** The text of the app shell's one notice region (components/notice.tsx), where every action says what it did. */
export function noticeText(page: Page) {
  return page.getByRole("status").locator("[data-notice-text]");
}
