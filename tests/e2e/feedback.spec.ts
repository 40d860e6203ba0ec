import { expect, test, type Browser, type Page } from "./fixtures";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createOfficer, createPlacement, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { ACCESSIBILITY_CHECK_WIDTHS, expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

// Issue 12 §2 and §6: every action says what happened (one announced notice that does not linger), undo of one's
// own approval, stale edits list the changed fields, one status vocabulary — at a phone's and a laptop's width.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CSB = "csb.coordinator@exchange.demo";
const SZOD = "szod.coordinator@exchange.demo";

/** The one notice region of the app shell. */
function notice(page: Page) {
  return page.getByRole("status").filter({ has: page.locator("[data-notice]") });
}

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

async function signedInPage(browser: Browser, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

for (const width of ACCESSIBILITY_CHECK_WIDTHS) {
  test(`at ${width} px: approving names the officer and the new state, and the earlier "saved" notice does not linger`, async ({ browser }) => {
    const { placement, name } = await setUp();
    const szod = await signedInPage(browser, SZOD, width);
    await szod.goto(`/placements/${placement.id}`);
    await szod.getByLabel("Post", { exact: true }).fill("Senior Planning Officer");
    await szod.getByRole("button", { name: "Save assignment" }).click();
    await expect(notice(szod)).toHaveText(`Assignment of ${name} saved — now Assigned.`);

    await szod.getByRole("button", { name: "Approve for the host side" }).click();
    await expect(notice(szod)).toHaveText(`${name} approved by the host side — now Assigned, waiting for the sending side.`);
    await expect(szod.getByText(/Assignment of .* saved/)).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(szod);
  });
}
