import { expect, test, type Cookie, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { totpCodeAt, totpStepSeconds } from "../../features/two-factor/totp";

// ---- totp: the second sign-in step (decision 102) ----
// Authenticator secrets this worker knows: the demo admin's, and those of users it enrolled (a factory-made admin is
// sent to set one up at first sign-in, REQUIRE_2FA_ROLES, and this helper does that as the user would).
const totpSecrets = new Map<string, string>([[DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET]]);

export function rememberTotpSecret(email: string, secret: string) {
  totpSecrets.set(email.toLowerCase(), secret.replace(/\s+/g, ""));
}

export function knownTotpSecret(email: string): string | undefined {
  return totpSecrets.get(email.toLowerCase());
}

// An authenticator accepts each 30-second step once per account (replay protection), so one account can pass the code
// step about twice a minute. The demo admin signs in in many specs on two workers; after its first code step a worker
// keeps the session cookie and, for later sign-ins as the same account, puts it in the new browser context instead of
// spending another code. A session that has ended since (signed out, revoked) sends the page to /login, and the sign-in
// then goes through the form again.
const reusableSessions = new Map<string, Cookie[]>();
const isSessionCookie = (cookie: Cookie) => cookie.name.includes("session-token");

async function reuseSession(page: Page, email: string): Promise<boolean> {
  const cookies = reusableSessions.get(email.toLowerCase());
  if (!cookies) return false;
  const here = new URL(page.url());
  const onSite = here.protocol === "http:" || here.protocol === "https:";
  // A page opened on another host name (sign-out-host.spec) is not where the kept cookie belongs: sign in there.
  if (onSite && !cookies.some((cookie) => cookie.domain.replace(/^\./, "") === here.hostname)) return false;
  const callback = here.pathname.startsWith("/login") ? here.searchParams.get("callbackUrl") : null;
  const path = callback ? new URL(callback, here.origin === "null" ? "http://x" : here.origin).pathname + new URL(callback, "http://x").search : "/";
  await page.context().addCookies(cookies);
  await page.goto(onSite ? new URL(path, here.origin).toString() : path);
  if (!new URL(page.url()).pathname.startsWith("/login")) {
    await page.locator("main h1").first().waitFor();
    return true;
  }
  reusableSessions.delete(email.toLowerCase());
  await page.context().clearCookies({ name: cookies[0]!.name });
  return false;
}

const codeStepField = (page: Page) => page.getByLabel(/^authentication code$|^驗證碼$|^验证码$/i);

/** What the page shows next after a sign-in step: the code step, another page, or the form's refusal. */
async function nextSignInState(page: Page): Promise<"code" | "left" | "refused"> {
  const quiet = <T,>(promise: Promise<T>) => promise.catch(() => new Promise<never>(() => {}));
  return Promise.race([
    quiet(codeStepField(page).waitFor({ state: "visible" }).then(() => "code" as const)),
    quiet(page.waitForURL((url) => !url.pathname.startsWith("/login")).then(() => "left" as const)),
    quiet(page.locator("main form [role=alert]").first().waitFor({ state: "visible" }).then(() => "refused" as const)),
  ]);
}

/**
 * The code step with a code computed from the known secret. A code already used in this step (by another test of the
 * same account) is refused as a replay: the next step's code, which the ±1 window accepts, then a later one.
 */
async function passCodeStep(page: Page, email: string) {
  const secret = knownTotpSecret(email);
  if (!secret) throw new Error(`No authenticator secret known for ${email}`);
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const stepAhead = attempt === 0 ? 0 : 1;
    if (attempt >= 2) await page.waitForTimeout(totpStepSeconds * 1000 - (Date.now() % (totpStepSeconds * 1000)) + 200);
    await codeStepField(page).fill(totpCodeAt(secret, new Date(Date.now() + stepAhead * totpStepSeconds * 1000)));
    // next-auth's answer says whether the code was taken (no `error` in its url).
    const answer = page.waitForResponse((response) => response.url().includes("/api/auth/callback/totp"));
    await page.getByRole("button", { name: /^verify$|^驗證$|^验证$/i }).click();
    const { url } = (await (await answer).json()) as { url?: string };
    if (url && !new URL(url).searchParams.get("error")) {
      await page.waitForURL((address) => !address.pathname.startsWith("/login"));
      return;
    }
    await expect(page.getByRole("button", { name: /^verify$|^驗證$|^验证$/i })).toBeEnabled();
  }
  throw new Error(`The code step kept refusing ${email}`);
}

/** The set-up a user whose role requires a second factor is sent to: done with the key the page shows. */
export async function enrolSecondFactor(page: Page, email: string): Promise<string> {
  await page.getByRole("button", { name: /set up an authenticator app|設定驗證器應用程式|设置验证器应用/i }).click();
  const secret = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(/\s+/g, "");
  rememberTotpSecret(email, secret);
  await page.getByLabel(/^code from the app|^應用程式顯示的驗證碼|^应用显示的验证码/i).fill(totpCodeAt(secret, new Date()));
  await page.getByRole("button", { name: /turn on two-step sign-in|啟用兩步登入|启用两步登录/i }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  return secret;
}

/**
 * Fills the sign-in form; opens /login first unless the page is already there (keeping its callbackUrl). An account
 * with an authenticator passes the code step; an admin without one sets it up first (and lands on the home page).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (password === DEMO_PASSWORD && (await reuseSession(page, email))) return;
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel(/work email|工作電郵|工作邮箱/i).fill(email);
  await page.getByLabel(/^password$|^密碼$|^密码$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$|^登入$|^登录$/i }).click();
  const state = await nextSignInState(page);
  if (state === "code") {
    await passCodeStep(page, email);
    const cookies = (await page.context().cookies()).filter(isSessionCookie);
    if (cookies.length > 0) reusableSessions.set(email.toLowerCase(), cookies);
  }
  if (state === "refused") return;
  // Both the home page and the set-up page have a heading: once it shows, the address is where sign-in ended.
  await page.locator("main h1").first().waitFor();
  if (new URL(page.url()).pathname === "/two-factor/enrol") {
    await enrolSecondFactor(page, email);
    await page.getByRole("button", { name: /^continue$|^繼續$|^继续$/i }).click();
    await page.waitForURL((url) => url.pathname !== "/two-factor/enrol");
  }
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

/**
 * The coordinator dashboard's sections below the first screen load when they come near the viewport (decision 113):
 * scroll to their placeholder, as a user would, and wait until they have replaced it.
 */
export async function showDashboardPanels(page: Page) {
  await page.evaluate(() => document.querySelector('[data-testid="dashboard-panels-placeholder"]')?.scrollIntoView());
  await expect(page.getByTestId("dashboard-panels")).toBeAttached();
}
