import { expect, test, type Browser, type BrowserContext } from "./fixtures";
import { openE2eDatabase } from "./database";
import { signInAndWait } from "./helpers";

// Issue 12 §1: officers open these pages on phones across the border, so script weight is budgeted. This is a size budget, not a timing: each page is opened in a fresh browser context (an empty
// HTTP cache, as on a first visit) and the encoded bytes of every script response are added up until the network is
// idle (so scripts a page loads after its first paint, and link prefetches, count too).
// The issue asks for 130 kB. The framework alone (React DOM and the Next router) is 111 kB with Brotli; with client
// components translating through lib/i18n/client.tsx instead of use-intl (decision 046), these pages measure 119.1
// (sign-in), 120.8 (dashboard), 125.0 (board) and 125.1 kB (schedule) (decision 053).
const SCRIPT_BUDGET_BYTES = 130 * 1024;

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function signedInState(browser: Browser, email: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The compressed bytes of script a first visit to `path` downloads, and the scripts themselves (for the message). */
async function scriptWeight(browser: Browser, path: string, storageState?: StorageState) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const scripts: { url: string; encodedBytes: number; encoding: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        scripts.push({ url: new URL(request.url()).pathname, encodedBytes: sizes.responseBodySize, encoding: (await response?.headerValue("content-encoding")) ?? "none" });
      })(),
    );
  });
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBe(200);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await context.close();
  const total = scripts.reduce((sum, script) => sum + script.encodedBytes, 0);
  return { total, scripts };
}

function describe(scripts: { url: string; encodedBytes: number; encoding: string }[]) {
  return scripts
    .toSorted((a, b) => b.encodedBytes - a.encodedBytes)
    .map((script) => `${(script.encodedBytes / 1024).toFixed(1)} kB ${script.encoding} ${script.url}`)
    .join("\n");
}

test("every page of the main journeys loads at most 130 kB of compressed script", async ({ browser }) => {
  test.setTimeout(120_000);
  // The board of the running HK → Shenzhen cohort, where the demo officer is placed (placements in every state).
  const { officerId } = await db.user.findUniqueOrThrow({ where: { email: "officer@exchange.demo" }, select: { officerId: true } });
  const board = await db.placement.findFirstOrThrow({ where: { officerId: officerId! }, orderBy: { startDate: "desc" }, select: { cohortId: true } });
  const [coordinator, officer] = [await signedInState(browser, "csb.coordinator@exchange.demo"), await signedInState(browser, "officer@exchange.demo")];
  const pages: { name: string; path: string; state?: StorageState }[] = [
    { name: "sign-in page", path: "/login" },
    { name: "coordinator's dashboard", path: "/", state: coordinator },
    { name: "placement board", path: `/cohorts/${board.cohortId}`, state: coordinator },
    { name: "officer's schedule", path: "/schedule", state: officer },
  ];
  const over: string[] = [];
  for (const { name, path, state } of pages) {
    const { total, scripts } = await scriptWeight(browser, path, state);
    // Compression is part of the budget: a script sent uncompressed would pass only by accident of counting.
    expect(scripts.length, `${name} loads scripts`).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.encoding === "none" && script.encodedBytes > 1024), `${name}: scripts sent uncompressed`).toEqual([]);
    await test.info().attach(`scripts ${name}`, { contentType: "text/plain", body: `${total} bytes\n${describe(scripts)}` });
    if (total > SCRIPT_BUDGET_BYTES) over.push(`${name} (${path}): ${(total / 1024).toFixed(1)} kB of compressed script\n${describe(scripts)}`);
  }
  expect(over, "pages over the 130 kB script budget").toEqual([]);
});
