import { expect, test, type Locator, type Page } from "./fixtures";
import { uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { formAlert, signInAndWait } from "./helpers";

// Issue 10 §3: bad input gets a translated error beside the field (or a clean answer), never a 500 or the error
// page, and nothing is stored.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/** Sets a field's value as a script or a paste would, bypassing the keyboard (NUL and U+202E cannot be typed). */
async function setValue(field: Locator, value: string) {
  await field.evaluate((element, text) => {
    (element as HTMLInputElement).value = text;
  }, value);
}

async function openNewOfficerForm(page: Page) {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers/new");
  await expect(page.getByRole("heading", { level: 1, name: "New officer" })).toBeVisible();
  const staffNumber = `BAD${uniqueSuffix()}`.toUpperCase();
  await page.getByLabel("Staff number").fill(staffNumber);
  await page.getByLabel("Surname").fill("Chan");
  await page.getByLabel("Given name").fill("Tai-man");
  await page.getByLabel("Work email").fill(`${staffNumber.toLowerCase()}@example.gov.hk`);
  await page.getByLabel("Rank").selectOption({ index: 1 });
  await page.getByLabel("Home department").selectOption({ index: 1 });
  return staffNumber;
}

test("a NUL, an invisible direction character or an over-long name is refused beside its field; nothing is stored", async ({ page }) => {
  const staffNumber = await openNewOfficerForm(page);
  await setValue(page.getByLabel("Surname"), "Chan\u0000");
  await setValue(page.getByLabel("Given name"), "Tai\u202Eman");
  await page.getByLabel("English or other name").fill("P".repeat(81));
  await page.getByRole("button", { name: "Create officer" }).click();

  await expect(formAlert(page)).toContainText("Please correct the fields marked below.");
  await expect(page.getByLabel("Surname")).toHaveAccessibleDescription(/control characters \(such as NUL\)/);
  await expect(page.getByLabel("Given name")).toHaveAccessibleDescription(/invisible or text-direction characters/);
  await expect(page.getByLabel("English or other name")).toHaveAccessibleDescription(/Must be at most 80 characters\./);
  expect(await db.officer.count({ where: { staffNumber } })).toBe(0);
});

test("a form over the server action body limit says the limit instead of showing the error page", async ({ page }) => {
  const staffNumber = await openNewOfficerForm(page);
  await setValue(page.getByLabel("English or other name"), "x".repeat(1_100_000));
  await page.getByRole("button", { name: "Create officer" }).click();
  await expect(formAlert(page)).toContainText("This form is too large to send: the limit is 1 MB.");
  await expect(page.getByRole("heading", { level: 1, name: "New officer" })).toBeVisible();
  expect(await db.officer.count({ where: { staffNumber } })).toBe(0);
});

test("search parameters with a NUL open the list without that filter, not a server error", async ({ page }) => {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  const cohort = await db.cohort.findUniqueOrThrow({ where: { code: "HKSZ-2023" } });
  for (const url of ["/officers?q=chan%00&rank=%00", "/cohorts?q=%00", "/host-units?q=%00&district=%00", `/cohorts/${cohort.id}?q=%00&officerQuery=%00`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.locator("main h1"), url).toBeVisible();
  }
});

test("setLocaleAction called by a signed-out client with a malformed argument answers cleanly and changes nothing", async ({ page }) => {
  await page.goto("/login");
  const hidden = page.locator('form[aria-label="Language"] input[name^="$ACTION_ID_"]');
  const actionId = (await hidden.getAttribute("name"))!.slice("$ACTION_ID_".length);
  for (const body of [JSON.stringify(["not form data"]), JSON.stringify([{ locale: "en" }]), JSON.stringify([])]) {
    const response = await page.request.post("/login", { headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" }, data: body });
    expect(response.status(), body).toBeLessThan(400);
    expect(response.headers()["set-cookie"] ?? "", body).not.toContain("exchange-desk-locale");
  }
});
