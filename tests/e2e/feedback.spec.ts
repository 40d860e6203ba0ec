import { expect, test, type Browser, type Page } from "./fixtures";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createOfficer, createPlacement, createUser, DEFAULT_TEST_PASSWORD, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { ACCESSIBILITY_CHECK_WIDTHS, expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Issue 12 §2 and §6: every action says what happened (one announced notice that does not linger), undo of one's
// own approval, stale edits list the changed fields, one status vocabulary — at a phone's and a laptop's width.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CSB = "csb.coordinator@exchange.demo";
const SZOD = "szod.coordinator@exchange.demo";


async function setUp() {
  const suffix = uniqueSuffix();
  const [hk, sz] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
  const [rank, department, field, hostUnit] = await Promise.all([
    db.rank.findFirstOrThrow({ where: { jurisdictionId: hk.id } }),
    db.department.findFirstOrThrow({ where: { jurisdictionId: hk.id, code: "PLAND" } }),
    db.field.findUniqueOrThrow({ where: { code: "URBAN_PLANNING" } }),
    db.hostUnit.findFirstOrThrow({ where: { jurisdictionId: sz.id, code: "QHA-PLAN" } }),
  ]);
  const cohort = await createCohort(db, {
    sendingJurisdictionId: hk.id,
    hostJurisdictionId: sz.id,
    code: `FB-${suffix}`.toUpperCase(),
    nameEn: `Feedback exchange ${suffix}`,
    status: "MATCHING",
    startDate: startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), 70)),
  });
  const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Wong", givenName: "Siu-ming", otherName: `FB ${suffix}`, fieldIds: [field.id] });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, hostUnitId: hostUnit.id, fieldId: field.id, postTitle: "Planning Officer" });
  return { suffix, cohort, officer, placement, field, hostUnit, name: `WONG Siu-ming, FB ${suffix}` };
}

async function signedInPage(browser: Browser, email: string, width: number, password?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInAndWait(page, email, password);
  return page;
}

/** No sideways page scroll at this width. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

for (const width of ACCESSIBILITY_CHECK_WIDTHS) {
  test(`at ${width} px: approving names the officer and the new state, and the earlier "saved" notice does not linger`, async ({ browser }) => {
    const { placement, name } = await setUp();
    const szod = await signedInPage(browser, SZOD, width);
    await szod.goto(`/placements/${placement.id}`);
    await szod.getByLabel("Post", { exact: true }).fill("Senior Planning Officer");
    await szod.getByRole("button", { name: "Save assignment" }).click();
    await expect(noticeText(szod)).toHaveText(`Assignment of ${name} saved — now Assigned.`);
    // The page shows the saved post once it has refreshed (with the placement's new version in its forms).
    await expect(szod.locator("main")).toContainText("Senior Planning Officer");

    await szod.getByRole("button", { name: "Approve for the host side" }).click();
    await expect(noticeText(szod)).toHaveText(`${name} approved by the host side — now Assigned, waiting for the sending side.`);
    await expect(szod.getByText(/Assignment of .* saved/)).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(szod);
  });
}

for (const width of ACCESSIBILITY_CHECK_WIDTHS) {
  test(`at ${width} px: a coordinator undoes their own approval from the notice, and again from the placement page`, async ({ browser }) => {
    const { placement, name } = await setUp();
    const szod = await signedInPage(browser, SZOD, width);
    await szod.goto(`/placements/${placement.id}`);
    await szod.getByRole("button", { name: "Approve for the host side" }).click();
    await expect(noticeText(szod)).toHaveText(`${name} approved by the host side — now Assigned, waiting for the sending side.`);
    await expectNoSidewaysScroll(szod);
    await szod.getByRole("button", { name: `Undo my approval of ${name}` }).click();
    await expect(noticeText(szod)).toHaveText(`Your host-side approval of ${name} was revoked — now Assigned.`);
    await expect(szod.getByRole("button", { name: "Approve for the host side" })).toBeVisible();
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ hostApprovedAt: null, status: "ASSIGNED" });

    // Approved again, and undone with the page's own button after a reload.
    await szod.getByRole("button", { name: "Approve for the host side" }).click();
    await expect(noticeText(szod)).toContainText("approved by the host side");
    await szod.reload();
    await szod.getByRole("button", { name: "Undo my approval" }).click();
    await expect(noticeText(szod)).toHaveText(`Your host-side approval of ${name} was revoked — now Assigned.`);
    expect(await db.auditLog.count({ where: { entityId: placement.id, action: "placement.revokeApproval.host" } })).toBe(2);

    // Once the other side has approved too, nothing is offered to undo.
    const csb = await signedInPage(browser, CSB, width);
    await szod.getByRole("button", { name: "Approve for the host side" }).click();
    await expect(noticeText(szod)).toContainText("waiting for the sending side");
    await csb.goto(`/placements/${placement.id}`);
    await csb.getByRole("button", { name: "Approve for the sending side" }).click();
    await expect(noticeText(csb)).toHaveText(`${name} approved by the sending side — now Confirmed.`);
    await expect(csb.getByRole("button", { name: /Undo my approval/ })).toHaveCount(0);
    await szod.reload();
    await expect(szod.getByRole("button", { name: /Undo my approval/ })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(szod);
  });

  test(`at ${width} px: a stale edit lists the fields changed since it was opened, with their values now`, async ({ browser }) => {
    const { placement } = await setUp();
    const first = await signedInPage(browser, SZOD, width);
    const second = await signedInPage(browser, SZOD, width);
    await Promise.all([first.goto(`/placements/${placement.id}`), second.goto(`/placements/${placement.id}`)]);
    await first.getByLabel("Post", { exact: true }).fill("Senior Planning Officer");
    await first.getByRole("button", { name: "Save assignment" }).click();
    await expect(noticeText(first)).toContainText("saved — now Assigned.");

    await second.getByLabel("Post", { exact: true }).fill("Planning Officer (mine)");
    await second.getByRole("button", { name: "Save assignment" }).click();
    const refusal = second.locator('main [role="alert"]');
    // The time reads like every other time in English: "3 Dec 2026, 4:19 pm" (Hong Kong time).
    await expect(refusal).toContainText(/changed by SZOD Coordinator \(demo\) at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2} [ap]m — reload/);
    await expect(refusal).toContainText("Changed since you opened it: Post is now “Senior Planning Officer”.");
    await expect(second.getByLabel("Post", { exact: true })).toHaveValue("Planning Officer (mine)");
    await expectNoSidewaysScroll(second);
    await expectNoSeriousAccessibilityViolations(second);
  });

  test(`at ${width} px: one status name per state — the officer's home and the board both say Active — and filters show names, not codes`, async ({ browser }) => {
    const suffix = uniqueSuffix();
    const [hk, sz] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
    const [rank, department, field, hostUnit] = await Promise.all([
      db.rank.findFirstOrThrow({ where: { jurisdictionId: hk.id } }),
      db.department.findFirstOrThrow({ where: { jurisdictionId: hk.id, code: "PLAND" } }),
      db.field.findUniqueOrThrow({ where: { code: "URBAN_PLANNING" } }),
      db.hostUnit.findFirstOrThrow({ where: { jurisdictionId: sz.id, code: "QHA-PLAN" } }),
    ]);
    // A cohort that started two weeks ago: its confirmed placement is under way today.
    const cohort = await createCohort(db, {
      sendingJurisdictionId: hk.id,
      hostJurisdictionId: sz.id,
      code: `FBV-${suffix}`.toUpperCase(),
      nameEn: `Vocabulary exchange ${suffix}`,
      status: "IN_PROGRESS",
      startDate: startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), -14)),
    });
    const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Ho", givenName: "Ka-yan", otherName: `FBV ${suffix}`, fieldIds: [field.id] });
    await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, hostUnitId: hostUnit.id, fieldId: field.id, postTitle: "Planner", status: "CONFIRMED" });
    const account = await createUser(db, { role: "OFFICER", jurisdictionId: hk.id, officerId: officer.id, email: `vocab.${suffix}@e2e.test`, name: `HO Ka-yan ${suffix}` });

    const home = await signedInPage(browser, account.email, width, DEFAULT_TEST_PASSWORD);
    await expect(home.getByTestId("placement-card")).toContainText("Active");
    await expect(home.getByTestId("placement-card")).not.toContainText("Confirmed");
    await expectNoSidewaysScroll(home);

    const csb = await signedInPage(browser, CSB, width);
    await csb.goto(`/cohorts/${cohort.id}`);
    await expect(csb.getByTestId("board-row").locator("[data-status]")).toHaveText("Active");

    await csb.goto("/officers");
    const fieldFilter = csb.getByLabel("Field", { exact: true });
    await expect(fieldFilter.locator("option").filter({ hasText: /^Urban planning$/ })).toHaveText("Urban planning");
    const optionTexts = await fieldFilter.locator("option").allTextContents();
    expect(optionTexts.filter((text) => /[A-Z]{2,}_[A-Z_]+|\([A-Z_]+\)/.test(text))).toEqual([]);
    await expectNoSeriousAccessibilityViolations(csb);
  });
}

for (const width of ACCESSIBILITY_CHECK_WIDTHS) {
  test(`at ${width} px: changing the language says so in the new language`, async ({ browser }) => {
    const csb = await signedInPage(browser, CSB, width);
    await csb.getByRole("button", { name: "繁體中文" }).click();
    await expect(noticeText(csb)).toHaveText("語言已改為繁體中文。");
    await csb.getByRole("button", { name: "English" }).click();
    await expect(noticeText(csb)).toHaveText("Language changed to English.");
    await expectNoSidewaysScroll(csb);
  });
}
