import { expect, test } from "./fixtures";
import { signInAndWait } from "./helpers";

// NEXTAUTH_URL names localhost (playwright.config.ts); the same server answers on 127.0.0.1. Signing out must keep the
// host the person is using, or the browser lands on another origin without their cookies and preferences.
test("sign-out lands on the host in use, not NEXTAUTH_URL's", async ({ page, baseURL }) => {
  const other = new URL(baseURL!);
  expect(other.hostname).toBe("localhost");
  other.hostname = "127.0.0.1";
  await page.goto(new URL("/login", other).toString());
  await signInAndWait(page, "admin@exchange.demo");
  expect(new URL(page.url()).host).toBe(other.host);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  expect(new URL(page.url()).host).toBe(other.host);
  // Signed out for real: the app sends a visitor back to the sign-in page.
  await page.goto(new URL("/", other).toString());
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.host === other.host);
});
