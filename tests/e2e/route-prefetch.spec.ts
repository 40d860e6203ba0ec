import { expect, test, type Page } from "./fixtures";
import { openE2eDatabase } from "./database";
import { signInAndWait } from "./helpers";

// Issue 12 §1 (decision 116): the shell's, the dashboard's and the board's links do not prefetch their routes. Every
// signed-in page is dynamic, so a prefetch brought about 1 kB of layout per link and nothing of the page, yet each
// cost the phone a request, a hash and a parse while it was still starting up (24 of them on the dashboard). This
// checks the requests, not a timing: after the page has hydrated and the browser has gone idle, no route prefetch
// was sent; and a link still navigates inside the app.

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/** Route prefetches the page sends from now on (Next marks them with the `next-router-prefetch` header). */
function watchPrefetches(page: Page): string[] {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
  });
  return prefetches;
}

/** Waits until React has hydrated the main navigation and the browser has had two idle periods to act on it. */
async function waitForHydratedAndIdle(page: Page) {
  const cohortsLink = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Cohorts", exact: true });
  await expect.poll(() => cohortsLink.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$")))).toBe(true);
  for (let round = 0; round < 2; round++) {
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve()))));
    await page.waitForLoadState("networkidle");
  }
}

for (const width of [390, 1366]) {
  test(`the coordinator's dashboard and board send no route prefetches at ${width} px`, async ({ page }) => {
    const { officerId } = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" }, select: { officerId: true } });
    const board = await db.placement.findFirstOrThrow({ where: { officerId: officerId! }, orderBy: { startDate: "desc" }, select: { cohortId: true } });
    await page.setViewportSize({ width, height: 900 });
    await signInAndWait(page, "csb.coordinator@exchange.demo");

    for (const path of ["/", `/cohorts/${board.cohortId}`]) {
      const prefetches = watchPrefetches(page);
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await waitForHydratedAndIdle(page);
      expect(prefetches, `route prefetches sent by ${path}`).toEqual([]);
    }

    // Without prefetching, a link still opens its page inside the app (a client-side navigation, not a full load).
    await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Cohorts", exact: true }).click();
    await expect(page).toHaveURL(/\/cohorts$/);
    await expect(page.locator("main h1")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
}
