import { expect, test, type Browser, type Page } from "./fixtures";
import { addDays, formatDateOnly, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createOfficer, createPlacement, createUser, DEFAULT_TEST_PASSWORD, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signInAndWait } from "./helpers";

// Journeys of the placement workflow across both sides, each on its own uniquely named cohort and officers.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CSB = "csb.coordinator@exchange.demo";
const SZOD = "szod.coordinator@exchange.demo";

/** A Monday about ten weeks ahead, so confirmed placements read "Confirmed" rather than "Active". */
function futureMonday(): Date {
  return startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), 70));
}

/** An HK→SZ cohort with two fresh Hong Kong officers (the first with an OFFICER account) and the Qianhai planning unit. */
async function setUpCohort() {
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
    code: `E2E-${suffix}`.toUpperCase(),
    nameEn: `E2E exchange ${suffix}`,
    status: "MATCHING",
    startDate: futureMonday(),
  });
  const officers = [
    await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Lam", givenName: "Ka-yan", otherName: `E2E ${suffix}`, chineseName: "林嘉欣", fieldIds: [field.id] }),
    await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Cheung", givenName: "Wai-man", otherName: `E2E ${suffix}`, chineseName: "張偉文", fieldIds: [field.id] }),
  ];
  const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: hk.id, officerId: officers[0].id, email: `officer.${suffix}@e2e.test`, name: `LAM Ka-yan ${suffix}` });
  const names = officers.map((officer) => `${officer.surname.toUpperCase()} ${officer.givenName}, ${officer.otherName}`);
  return { suffix, cohort, officers, names, officerUser, field, hostUnit };
}

async function signedInPage(browser: Browser, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email, password);
  return page;
}

test("CSB nominates, Shenzhen assigns and approves, CSB approves: confirmed, and the officer sees it", async ({ browser }) => {
  const { suffix, cohort, officers, names, officerUser, field, hostUnit } = await setUpCohort();

  // The CSB coordinator finds the cohort and nominates both officers.
  const csb = await signedInPage(browser, CSB);
  await csb.goto("/cohorts");
  await csb.getByLabel("Search", { exact: true }).fill(cohort.code);
  await csb.getByRole("button", { name: "Apply" }).click();
  await csb.getByRole("link", { name: cohort.nameEn }).click();
  await expect(csb.getByRole("heading", { level: 1, name: cohort.nameEn })).toBeVisible();
  await expect(csb.getByText("No officer has been nominated to this cohort yet.")).toBeVisible();
  await csb.getByRole("button", { name: "Nominate officers…" }).click();
  const nominate = csb.getByRole("dialog", { name: "Nominate officers" });
  await nominate.getByRole("searchbox", { name: "Search officers" }).fill(suffix);
  await nominate.getByRole("button", { name: "Search", exact: true }).click();
  await nominate.getByRole("checkbox", { name: new RegExp(names[0]) }).check();
  await nominate.getByRole("checkbox", { name: new RegExp(names[1]) }).check();
  await nominate.getByRole("button", { name: "Nominate selected officers" }).click();
  await expect(nominate.getByRole("alert").filter({ hasText: "2 officers nominated." })).toBeVisible();
  await nominate.getByRole("button", { name: "Close" }).click();
  await expect(csb.getByTestId("board-row")).toHaveCount(2);
  await expect(csb.getByTestId("board-row").locator("[data-status]").first()).toHaveText("Nominated");
  // The sending side sees its officers' staff numbers.
  await expect(csb.getByTestId("staff-number").filter({ hasText: officers[0].staffNumber })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(csb);

  // The Shenzhen coordinator — host side of this cohort — assigns the first officer and approves.
  const szod = await signedInPage(browser, SZOD);
  await szod.goto(`/cohorts/${cohort.id}`);
  await expect(szod.getByTestId("board-row")).toHaveCount(2);
  await expect(szod.locator("main")).not.toContainText(officers[0].staffNumber);
  await expect(szod.getByRole("button", { name: "Nominate officers…" })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(szod);
  await szod.getByRole("link", { name: `Assign ${names[0]}` }).click();
  await expect(szod.getByRole("heading", { name: "Assign a host unit" })).toBeVisible();
  await szod.getByLabel("Field", { exact: true }).selectOption(field.id);
  const unitOption = szod.getByLabel("Host unit", { exact: true }).locator(`option[value="${hostUnit.id}"]`);
  await expect(unitOption).toHaveText(/2 of 2 places left · works in this field/);
  await szod.getByLabel("Host unit", { exact: true }).selectOption(hostUnit.id);
  await szod.getByLabel("Post", { exact: true }).fill("Planning Officer, Planning Management Division");
  await expect(szod.getByLabel("Start date")).toHaveValue(formatDateOnly(cohort.startDate));
  await szod.getByRole("button", { name: "Save assignment" }).click();
  await expect(szod.getByRole("status").locator("[data-notice-text]")).toHaveText(`Assignment of ${names[0]} saved — now Assigned.`);
  await expect(szod.getByTestId("placement-status")).toHaveText("Assigned");
  await expectNoSeriousAccessibilityViolations(szod);
  await szod.getByRole("button", { name: "Approve for the host side" }).click();
  await expect(szod.getByText(/Approved by SZOD Coordinator \(demo\)/)).toBeVisible();
  await expect(szod.getByRole("button", { name: "Approve for the host side" })).toHaveCount(0);

  // Back at CSB: the placement waits in "Waiting for my approval"; approving it confirms it.
  await csb.goto("/approvals");
  await expect(csb.getByRole("heading", { level: 1, name: "Waiting for my approval" })).toBeVisible();
  const row = csb.getByTestId("approval-row").filter({ hasText: names[0] });
  await expect(row).toContainText("Sending side");
  await expectNoSeriousAccessibilityViolations(csb);
  await row.getByRole("button", { name: `Approve the placement of ${names[0]}` }).click();
  await expect(csb.getByTestId("approval-row").filter({ hasText: names[0] })).toHaveCount(0);
  const placement = await db.placement.findFirstOrThrow({ where: { officerId: officers[0].id, cohortId: cohort.id } });
  expect(placement.status).toBe("CONFIRMED");
  await csb.goto(`/placements/${placement.id}`);
  await expect(csb.getByTestId("placement-status")).toHaveText("Confirmed");

  // The officer sees the confirmed placement on the home page and on its own page.
  const officer = await signedInPage(browser, officerUser.email, DEFAULT_TEST_PASSWORD);
  const card = officer.getByTestId("placement-card");
  await expect(card).toContainText("Planning Management Division, Qianhai Authority");
  await expect(card).toContainText("Confirmed");
  await officer.goto(`/placements/${placement.id}`);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(names[0]);
  await expect(officer.getByTestId("placement-status")).toHaveText("Confirmed");
  await expect(officer.getByRole("button", { name: /Withdraw|Approve|Save/ })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(officer);
});

test("two sessions edit the same placement: the second is refused with who changed it, and keeps what it typed", async ({ browser }) => {
  const { cohort, officers, field, hostUnit } = await setUpCohort();
  const placement = await createPlacement(db, { officerId: officers[0].id, cohortId: cohort.id, hostUnitId: hostUnit.id, fieldId: field.id, postTitle: "Planning Officer" });
  const first = await signedInPage(browser, SZOD);
  const second = await signedInPage(browser, SZOD);
  await Promise.all([first.goto(`/placements/${placement.id}`), second.goto(`/placements/${placement.id}`)]);
  await expect(second.getByLabel("Post", { exact: true })).toHaveValue("Planning Officer");

  await first.getByLabel("Post", { exact: true }).fill("Planning Officer (first session)");
  await first.getByRole("button", { name: "Save assignment" }).click();
  await expect(first.getByRole("status").locator("[data-notice-text]")).toHaveText(/^Assignment of .* saved — now Assigned\.$/);

  await second.getByLabel("Post", { exact: true }).fill("Planning Officer (second session)");
  await second.getByRole("button", { name: "Save assignment" }).click();
  await expect(formAlert(second)).toContainText(/This record was changed by SZOD Coordinator \(demo\) at .+ — reload the page/);
  await expect(second.getByLabel("Post", { exact: true })).toHaveValue("Planning Officer (second session)");
  expect((await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).postTitle).toBe("Planning Officer (first session)");
  await expectNoSeriousAccessibilityViolations(second);
});

test("an officer who opens another officer's placement gets 404", async ({ page }) => {
  const { cohort, officers, officerUser } = await setUpCohort();
  const own = await createPlacement(db, { officerId: officers[0].id, cohortId: cohort.id, status: "NOMINATED" });
  const other = await createPlacement(db, { officerId: officers[1].id, cohortId: cohort.id, status: "NOMINATED" });
  await signInAndWait(page, officerUser.email, DEFAULT_TEST_PASSWORD);
  const response = await page.goto(`/placements/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(officers[1].chineseName!);
  expect((await page.goto(`/placements/${own.id}`))?.status()).toBe(200);
  // Nor may an officer open the cohort board.
  expect((await page.goto(`/cohorts/${cohort.id}`))?.status()).toBe(403);
});

test("withdrawing asks for a reason in a confirmation dialog", async ({ page }) => {
  const { cohort, officers, names } = await setUpCohort();
  const placement = await createPlacement(db, { officerId: officers[0].id, cohortId: cohort.id, status: "NOMINATED" });
  await signInAndWait(page, CSB);
  await page.goto(`/placements/${placement.id}`);
  await page.getByRole("button", { name: "Withdraw placement…" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this placement?" });
  await expect(dialog).toContainText(names[0]);
  await expectNoSeriousAccessibilityViolations(page);
  await dialog.getByRole("button", { name: "Withdraw placement" }).click();
  await expect(dialog.getByText("Give a reason for the withdrawal.")).toBeVisible();
  await expect(dialog.getByLabel("Reason for the withdrawal")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Reason for the withdrawal").fill("Recalled for the Northern Metropolis project");
  await dialog.getByRole("button", { name: "Withdraw placement" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("placement-status")).toHaveText("Withdrawn");
  await expect(page.getByText(/Reason: Recalled for the Northern Metropolis project/)).toBeVisible();
  const stored = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
  expect(stored).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "Recalled for the Northern Metropolis project" });
});

test("the cohort form shows each error next to its field and keeps what was typed", async ({ page }) => {
  const code = `E2E-NEW-${uniqueSuffix()}`.toUpperCase();
  await signInAndWait(page, CSB);
  await page.goto("/cohorts/new");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Name in English").fill(`New intake ${code}`);
  await page.getByLabel("Name in Traditional Chinese").fill("深港公務員交流協作項目（測試）");
  await page.getByLabel("Name in Simplified Chinese").fill("深港公务员交流协作项目（测试）");
  await page.getByLabel("Host side").selectOption({ label: "Shenzhen" });
  await page.getByLabel("Start date").fill("2031-03-03");
  await page.getByLabel("End date").fill("2031-02-28");
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(formAlert(page)).toContainText("Please correct the fields marked below.");
  const endDate = page.getByLabel("End date");
  await expect(endDate).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await endDate.getAttribute("aria-describedby")}`)).toHaveText("The end date must not be before the start date.");
  await expect(page.getByLabel("Name in Traditional Chinese")).toHaveValue("深港公務員交流協作項目（測試）");
  await expectNoSeriousAccessibilityViolations(page);
  await endDate.fill("2031-05-23");
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `New intake ${code}` })).toBeVisible();
  const created = await db.cohort.findUniqueOrThrow({ where: { code } });
  expect(await db.auditLog.count({ where: { entityType: "Cohort", entityId: created.id, action: "cohort.create" } })).toBe(1);
});

test("the board and the approvals queue read in Traditional and Simplified Chinese", async ({ browser }) => {
  const { cohort, officers, names, field, hostUnit } = await setUpCohort();
  await createPlacement(db, { officerId: officers[0].id, cohortId: cohort.id, hostUnitId: hostUnit.id, fieldId: field.id, postTitle: "副區長特別助理" });
  const [hk, sz] = [cohort.sendingJurisdictionId, cohort.hostJurisdictionId];
  const hkCoordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: hk, locale: "zh_Hant", name: "公務員事務局統籌主任" });
  const szCoordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: sz, locale: "zh_Hans", name: "深圳市委组织部统筹人员" });

  const traditional = await signedInPage(browser, hkCoordinator.email, DEFAULT_TEST_PASSWORD);
  await traditional.goto(`/cohorts/${cohort.id}`);
  await expect(traditional.getByRole("heading", { name: "派駐安排一覽（1）" })).toBeVisible();
  await expect(traditional.getByTestId("board-row").locator("[data-status]")).toHaveText("已分配");
  await expect(traditional.getByRole("button", { name: "提名人員…" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(traditional);

  const simplified = await signedInPage(browser, szCoordinator.email, DEFAULT_TEST_PASSWORD);
  await simplified.goto("/approvals");
  await expect(simplified.getByRole("heading", { level: 1, name: "待我审批" })).toBeVisible();
  await expect(simplified.getByTestId("approval-row").filter({ hasText: names[0] })).toContainText("接收方");
  await expectNoSeriousAccessibilityViolations(simplified);
});

test("after the nomination deadline the board says nominations are closed instead of offering officers", async ({ browser }) => {
  const { cohort } = await setUpCohort();
  const yesterday = addDays(parseDateOnly(todayInHongKong()), -1);
  await db.cohort.update({ where: { id: cohort.id }, data: { nominationDeadline: yesterday } });
  const csb = await signedInPage(browser, CSB);
  await csb.goto(`/cohorts/${cohort.id}`);
  await expect(csb.getByRole("heading", { name: "Nominate officers" })).toBeVisible();
  await expect(csb.getByTestId("nominations-closed")).toContainText("Nominations closed on");
  await expect(csb.getByRole("button", { name: "Nominate selected officers" })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(csb);
  await csb.context().close();
});
