import { expect, test, type Page } from "./fixtures";
import { signInAndWait } from "./helpers";

// Issue 12 §8: the browser asked for /favicon.ico on every page and got a 404. The app has an icon (app/icon.svg),
// linked from every page, public (the sign-in page shows it too) and allowed by the Content-Security-Policy (the
// fixture fails the test on any violation).

async function expectIcon(page: Page) {
  const icons = page.locator('head link[rel="icon"]');
  await expect(icons).toHaveCount(1);
  const href = await icons.getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  // Signed out as well as in: the request carries the page's cookies, and the sign-in page is where it is first seen.
  const response = await page.request.get(href!, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(await response.text()).toContain("<svg");
}

test("every page links an icon that the server answers, signed out and signed in", async ({ page }) => {
  const notFound: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  await page.goto("/login");
  await expectIcon(page);
  await signInAndWait(page, "officer@exchange.demo");
  await expectIcon(page);
  expect(notFound).toEqual([]);
});

test("scripts are sent Brotli-compressed to a browser that accepts it, and gzip to one that does not", async ({ page, playwright, baseURL }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  const withoutBrotli = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Encoding": "gzip" } });
  const withBrotli = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Encoding": "gzip, deflate, br" } });
  try {
    for (const url of scripts) {
      const [brotli, gzip] = await Promise.all([withBrotli.get(url), withoutBrotli.get(url)]);
      expect(brotli.status(), url).toBe(200);
      expect(brotli.headers()["content-encoding"], url).toBe("br");
      expect(brotli.headers()["cache-control"], url).toContain("immutable");
      expect(gzip.headers()["content-encoding"], url).toBe("gzip");
      // Same script either way (the request contexts decode the bodies).
      expect((await brotli.body()).equals(await gzip.body()), url).toBe(true);
    }
  } finally {
    await Promise.all([withoutBrotli.dispose(), withBrotli.dispose()]);
  }
});

test("the not-found page's way back opens the home page", async ({ page }) => {
  await signInAndWait(page, "officer@exchange.demo");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.locator("main h1")).toBeVisible();
});
