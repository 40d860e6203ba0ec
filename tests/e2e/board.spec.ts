import { expect, test, type Browser, type Page } from "./fixtures";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createOfficer, createPlacement, createUser, DEFAULT_TEST_PASSWORD, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signInAndWait } from "./helpers";

// The placement board as the main work screen (#12 §1): it fits at 1366 px, turns into cards on a phone, stays small,
// nominates from a dialog, and the approvals queue approves several placements at once — all or nothing.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CSB = "csb.coordinator@exchange.demo";
const SZOD = "szod.coordinator@exchange.demo";
/** One unbroken word longer than any column: it must wrap inside its cell, not widen the table. */
const LONG_NAME = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschaftswarenwohlgepflegeundsorgfaltigkeit";
/** The first row's post is long too; the others read like the demo data's. */
const LONG_POST = "Special Assistant to the Deputy Director of the Planning and Natural Resources Bureau (Qianhai Cooperation Zone)";
const POST = "Planning Officer, Planning Management Division";

function futureMonday(weeks: number): Date {
  return startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), weeks * 7));
}

async function sides() {
  const [hk, sz] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
  const [rank, department, field, hostUnits] = await Promise.all([
    db.rank.findFirstOrThrow({ where: { jurisdictionId: hk.id } }),
    db.department.findFirstOrThrow({ where: { jurisdictionId: hk.id } }),
    db.field.findFirstOrThrow({ where: { active: true } }),
    db.hostUnit.findMany({ where: { jurisdictionId: sz.id, active: true }, orderBy: { code: "asc" }, take: 4 }),
  ]);
  return { hk, sz, rank, department, field, hostUnits };
}

/** An HK→SZ cohort with `count` placements (every other one assigned, the first nominated with a very long name). */
async function boardWith(count: number, weeksAhead: number) {
  const suffix = uniqueSuffix();
  const { hk, sz, rank, department, field, hostUnits } = await sides();
  const cohort = await createCohort(db, {
    sendingJurisdictionId: hk.id,
    hostJurisdictionId: sz.id,
    code: `E2E-BOARD-${suffix}`.toUpperCase(),
    nameEn: `E2E board ${suffix}`,
    status: "MATCHING",
    startDate: futureMonday(weeksAhead),
  });
  for (const unit of hostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: cohort.id, capacity: 20 } });
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // The first officer sorts first on the board (nominated, surname "Au") and has the very long name.
    const first = index === 0 ? { surname: "Au", otherName: LONG_NAME } : { otherName: `Board ${suffix} ${index}` };
    const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, ...first });
    names.push(`${officer.surname.toUpperCase()} ${officer.givenName}, ${officer.otherName}`);
    const assigned = index % 2 === 1;
    await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, ...(assigned ? { hostUnitId: hostUnits[index % hostUnits.length].id, fieldId: field.id, postTitle: index === 1 ? LONG_POST : POST } : {}) });
  }
  return { cohort, names, suffix };
}

async function signedInPage(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, email, password);
  return page;
}

/** The page does not scroll sideways, and neither does the board's own scroll region: every column is in view. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => {
    const region = document.querySelector("main [role=region]");
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, region: region ? region.scrollWidth - region.clientWidth : 0 };
  });
  expect(widths).toEqual({ page: 0, region: 0 });
}

async function expectInViewport(page: Page, locator: ReturnType<Page["getByRole"]>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "the element is rendered").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test("at 1366 px the board shows every column and the row's action without sideways scrolling, even with a very long name", async ({ browser }) => {
  const { cohort, names } = await boardWith(26, 20);
  const szod = await signedInPage(browser, SZOD);
  await szod.setViewportSize({ width: 1366, height: 900 });
  await szod.goto(`/cohorts/${cohort.id}`);
  await expect(szod.getByTestId("board-row")).toHaveCount(25);
  await expect(szod.getByRole("link", { name: names[0], exact: true })).toBeVisible();
  await expectNoSidewaysScroll(szod);
  // The last column's action of the first row and the last column's heading are inside the window.
  await expectInViewport(szod, szod.getByRole("link", { name: `Assign ${names[0]}` }));
  await expectInViewport(szod, szod.getByRole("columnheader", { name: "Host side" }));
  // Short headings and badges stay on one line.
  const badge = szod.getByTestId("board-row").locator("[data-status]").first();
  expect((await badge.boundingBox())!.height).toBeLessThan(30);
  await expectNoSeriousAccessibilityViolations(szod);

  // On a phone the rows are cards, with the action in view and no sideways scroll.
  await szod.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(szod);
  await expectInViewport(szod, szod.getByRole("link", { name: `Assign ${names[0]}` }));
  await expectInViewport(szod, szod.getByTestId("board-row").first().locator("[data-status]"));

  // The places per host unit are a page of their own, linked from the board's one-line total.
  await szod.getByRole("link", { name: /^Places per host unit: \d+ left in \d+ units$/ }).click();
  await expect(szod.getByRole("heading", { level: 1, name: "Places per host unit" })).toBeVisible();
  await expect(szod.getByRole("table", { name: "Places per host unit in this cohort" }).getByRole("row")).not.toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(szod);
  await szod.context().close();
});

test("the board's HTML document is at most 64 kB with 25 rows, and carries no officer picker", async ({ browser }) => {
  const { cohort } = await boardWith(26, 36);
  const spare = await createOfficer(db, { jurisdictionId: cohort.sendingJurisdictionId, otherName: `Not yet nominated ${cohort.code}` });
  for (const email of [CSB, SZOD]) {
    const page = await signedInPage(browser, email);
    const response = await page.request.get(`/cohorts/${cohort.id}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect((html.match(/data-testid="board-row"/g) ?? []).length).toBe(25);
    const bytes = Buffer.byteLength(html, "utf8");
    test.info().annotations.push({ type: "board HTML bytes", description: `${email}: ${bytes}` });
    expect(bytes, `${email} board HTML bytes`).toBeLessThanOrEqual(64 * 1024);
    // Nominating opens a dialog that loads its officers then: none of them is in the board's HTML.
    expect(html).not.toContain(spare.otherName!);
    await page.context().close();
  }
});

test("nominating opens a dialog that loads the officers, searches, and nominates several at once — all or nothing", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const { hk, sz, rank, department } = await sides();
  const cohort = await createCohort(db, { sendingJurisdictionId: hk.id, hostJurisdictionId: sz.id, code: `E2E-NOM-${suffix}`.toUpperCase(), nameEn: `E2E nominate ${suffix}`, status: "MATCHING", startDate: futureMonday(52) });
  const officers = [
    await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, otherName: `Nominee ${suffix} A` }),
    await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, otherName: `Nominee ${suffix} B` }),
  ];
  const names = officers.map((officer) => `${officer.surname.toUpperCase()} ${officer.givenName}, ${officer.otherName}`);
  const csb = await signedInPage(browser, CSB);
  await csb.goto(`/cohorts/${cohort.id}`);
  await expect(csb.getByText(names[0])).toHaveCount(0);

  // The first (unfiltered) list answers late, after the search below: the search's answer must stay on screen
  // (a busy CI machine once showed the first list over the search results).
  let delayFirstList = true;
  await csb.route(/\/nomination-candidates\?q=$/, async (route) => {
    if (delayFirstList) {
      delayFirstList = false;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    await route.continue();
  });
  await csb.getByRole("button", { name: "Nominate officers…" }).click();
  const dialog = csb.getByRole("dialog", { name: "Nominate officers" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("searchbox", { name: "Search officers" }).fill(suffix);
  await dialog.getByRole("button", { name: "Search", exact: true }).click();
  await expect(dialog.getByTestId("nominate-candidate")).toHaveCount(2);
  await expectNoSeriousAccessibilityViolations(csb);
  // Keyboard: tick both officers with the space bar.
  for (const name of names) {
    await dialog.getByRole("checkbox", { name: new RegExp(name) }).focus();
    await csb.keyboard.press("Space");
  }

  // Meanwhile the second officer is deactivated: nothing is nominated, and that officer says why.
  await db.officer.update({ where: { id: officers[1].id }, data: { active: false } });
  await dialog.getByRole("button", { name: "Nominate selected officers" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Nothing was saved: 1 chosen row cannot be done." })).toBeVisible();
  await expect(dialog.getByTestId("nominate-candidate").filter({ hasText: names[1] }).getByTestId("row-reason")).toHaveText("An inactive officer cannot be nominated.");
  expect(await db.placement.count({ where: { cohortId: cohort.id } })).toBe(0);

  await db.officer.update({ where: { id: officers[1].id }, data: { active: true } });
  await dialog.getByRole("button", { name: "Nominate selected officers" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "2 officers nominated." })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(csb.getByTestId("board-row")).toHaveCount(2);
  const placements = await db.placement.findMany({ where: { cohortId: cohort.id } });
  expect(await db.auditLog.count({ where: { action: "placement.nominate", entityId: { in: placements.map((placement) => placement.id) } } })).toBe(2);
  await csb.context().close();
});

test("approvals: filter by cohort, choose with the keyboard, approve selected — a changed row refuses them all with its reason", async ({ browser }) => {
  const { cohort, names } = await boardWith(4, 64);
  const assigned = await db.placement.findMany({ where: { cohortId: cohort.id, status: "ASSIGNED" }, include: { officer: true }, orderBy: { id: "asc" } });
  expect(assigned).toHaveLength(2);
  const assignedNames = assigned.map((placement) => names.find((name) => name.endsWith(placement.officer.otherName!))!);
  const csb = await signedInPage(browser, CSB);
  await csb.goto("/approvals");
  await csb.getByLabel("Cohort", { exact: true }).selectOption(cohort.id);
  await csb.getByRole("button", { name: "Apply" }).click();
  await expect(csb.getByTestId("approval-row")).toHaveCount(2);
  await expectNoSeriousAccessibilityViolations(csb);
  for (const name of assignedNames) {
    await csb.getByRole("checkbox", { name: `Select ${name}` }).focus();
    await csb.keyboard.press("Space");
  }
  // The host side changes one of them after the page was loaded.
  await db.placement.update({ where: { id: assigned[1].id }, data: { postTitle: "Changed meanwhile", version: { increment: 1 } } });
  await csb.getByRole("button", { name: "Approve selected" }).click();
  await expect(formAlert(csb).filter({ hasText: "Nothing was saved: 1 chosen row cannot be done." })).toBeVisible();
  await expect(csb.getByTestId("refused-rows")).toHaveText(`${assignedNames[1]}: Changed by someone else since this page was loaded — reload to see the change.`);
  expect(await db.placement.count({ where: { id: { in: assigned.map((placement) => placement.id) }, sendingApprovedAt: { not: null } } })).toBe(0);

  await csb.reload();
  await csb.getByRole("button", { name: "Select all on this page" }).click();
  await csb.getByRole("button", { name: "Approve selected" }).click();
  await expect(formAlert(csb).filter({ hasText: "2 placements approved." })).toBeVisible();
  await expect(csb.getByTestId("approval-row")).toHaveCount(0);
  const audit = await db.auditLog.findMany({ where: { action: "placement.approve.sending", entityId: { in: assigned.map((placement) => placement.id) } } });
  expect(audit).toHaveLength(2);
  await csb.context().close();
});

test("at 390 px in Traditional Chinese the board and the approvals queue are cards with the action in view", async ({ browser }) => {
  const { cohort, names } = await boardWith(3, 80);
  const hkCoordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: cohort.sendingJurisdictionId, locale: "zh_Hant", name: "公務員事務局統籌主任" });
  const szCoordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: cohort.hostJurisdictionId, locale: "zh_Hant", name: "深圳市統籌人員" });

  const host = await signedInPage(browser, szCoordinator.email, DEFAULT_TEST_PASSWORD);
  await host.setViewportSize({ width: 390, height: 844 });
  await host.goto(`/cohorts/${cohort.id}`);
  await expect(host.getByRole("columnheader", { name: "接收方" })).toBeAttached();
  await expect(host.getByTestId("board-row")).toHaveCount(3);
  await expectNoSidewaysScroll(host);
  await expectInViewport(host, host.getByRole("link", { name: `分配${names[0]}` }));
  await expectNoSeriousAccessibilityViolations(host);

  const sending = await signedInPage(browser, hkCoordinator.email, DEFAULT_TEST_PASSWORD);
  await sending.setViewportSize({ width: 390, height: 844 });
  await sending.goto(`/approvals?cohort=${cohort.id}`);
  await expect(sending.getByRole("heading", { level: 1, name: "待我審批" })).toBeVisible();
  const row = sending.getByTestId("approval-row").first();
  await expectNoSidewaysScroll(sending);
  await expectInViewport(sending, row.getByRole("button", { name: /批准/ }));
  await expectInViewport(sending, sending.getByRole("button", { name: "批准所選項目" }));
  await expectNoSeriousAccessibilityViolations(sending);
  await host.context().close();
  await sending.context().close();
});

test("at 390 px the officers list is cards: no sideways scroll, each card's name and status in view", async ({ browser }) => {
  const csb = await signedInPage(browser, CSB);
  await csb.setViewportSize({ width: 390, height: 844 });
  await csb.goto("/officers");
  const first = csb.getByTestId("officer-row").first();
  await expect(first).toBeVisible();
  await expectNoSidewaysScroll(csb);
  await expectInViewport(csb, first.getByRole("link"));
  await expectInViewport(csb, first.getByRole("cell").last());
  // Each cell says which column it is, from the table's labels (data-table-cards.css).
  const label = await first.getByRole("cell").first().evaluate((cell) => getComputedStyle(cell, "::before").content);
  expect(label).toBe('"Staff number"');
  await expectNoSeriousAccessibilityViolations(csb);
  await csb.context().close();
});
