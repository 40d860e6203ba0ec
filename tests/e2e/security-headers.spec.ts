import { expect, test } from "./fixtures";

test("pages carry a nonce-based CSP without unsafe-eval, a Permissions-Policy and no HSTS over http", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Next put the nonce on its scripts: the page is interactive (the form is a client component).
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].filter((script) => !script.nonce).length)).toBe(0);
  expect(nonce).not.toBe(/'nonce-([^']+)'/.exec((await page.request.get("/login")).headers()["content-security-policy"])![1]);
});

test("the CSP check of every test notices a blocked script", async ({ page, cspViolations }) => {
  // A page under the app's own policy (taken from a real answer) with an inline script that has no nonce.
  const policy = (await page.request.get("/login")).headers()["content-security-policy"];
  await page.route("**/csp-probe", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", headers: { "content-security-policy": policy }, body: "<!doctype html><title>probe</title><script>window.__injected = true</script>" }),
  );
  await page.goto("/csp-probe");
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  // Seen and proven blocked: cleared so that this one test passes; in any other test it would fail it.
  cspViolations.length = 0;
});
