import { expect, test, type Page } from "./fixtures";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates";
import { createCohort, createHostUnit, createOfficer, createPlacement, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Matching runs in the browser (issue 16): the host side proposes from the board, forbids and pins pairs and proposes
// again, discards a run and accepts the proposal — in English at 1366 px, and in 繁體中文 at 390 px. Each journey has
// its own cohort, host units, officers and host coordinator (a fresh account, so its language choice stays its own).
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

/**
 * An HK→SZ cohort with three nominated officers and two fresh host units: "A" with one place, "B" with two. Every
 * other Shenzhen unit gets no place in this cohort, so the proposal is decided by the officers' preferences:
 * X wants only A, Y wants A then B, Z wants B.
 */
async function setUp() {
  const suffix = uniqueSuffix();
  const [hk, sz] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
  const [rank, department, field] = await Promise.all([
    db.rank.findFirstOrThrow({ where: { jurisdictionId: hk.id } }),
    db.department.findFirstOrThrow({ where: { jurisdictionId: hk.id, code: "PLAND" } }),
    db.field.findUniqueOrThrow({ where: { code: "URBAN_PLANNING" } }),
  ]);
  const cohort = await createCohort(db, {
    sendingJurisdictionId: hk.id,
    hostJurisdictionId: sz.id,
    code: `MATCH-${suffix}`.toUpperCase(),
    nameEn: `Matching exchange ${suffix}`,
    nameZhHant: `配對交流 ${suffix}`,
    status: "MATCHING",
    startDate: startOfIsoWeek(addDays(parseDateOnly(todayInHongKong()), 70)),
  });
  const others = await db.hostUnit.findMany({ where: { jurisdictionId: sz.id }, select: { id: true } });
  await db.hostUnitCapacity.createMany({ data: others.map((unit) => ({ hostUnitId: unit.id, cohortId: cohort.id, capacity: 0 })) });
  const unitA = await createHostUnit(db, { jurisdictionId: sz.id, nameEn: `Matching unit A ${suffix}`, nameZhHant: `配對單位甲 ${suffix}`, defaultCapacity: 1, fieldIds: [field.id] });
  const unitB = await createHostUnit(db, { jurisdictionId: sz.id, nameEn: `Matching unit B ${suffix}`, nameZhHant: `配對單位乙 ${suffix}`, defaultCapacity: 2, fieldIds: [field.id] });
  const people = [
    { surname: "Ho", givenName: "Ka-lok" },
    { surname: "Yip", givenName: "Mei-ling" },
    { surname: "Tse", givenName: "Chun-kit" },
  ];
  const placements = [];
  for (const person of people) {
    const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, ...person, otherName: `Match ${suffix}`, fieldIds: [field.id] });
    placements.push(await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, status: "NOMINATED" }));
  }
  const [x, y, z] = placements;
  await db.matchingPreference.createMany({
    data: [
      { placementId: x.id, rank: 1, hostUnitId: unitA.id },
      { placementId: y.id, rank: 1, hostUnitId: unitA.id },
      { placementId: y.id, rank: 2, hostUnitId: unitB.id },
      { placementId: z.id, rank: 1, hostUnitId: unitB.id },
    ],
  });
  const host = await createUser(db, { role: "COORDINATOR", jurisdictionId: sz.id, name: `Matching coordinator ${suffix}` });
  const names = people.map((person) => `${person.surname.toUpperCase()} ${person.givenName}, Match ${suffix}`);
  return { cohort, unitA, unitB, host, names, placements };
}

/** The row whose header names the officer (another row's reason may name them too). */
const row = (page: Page, name: string) => page.getByTestId("matching-row").filter({ has: page.locator("th", { hasText: name }) });

test("the host side proposes from the board, forbids and pins, proposes again, discards a run and accepts the proposal", async ({ page }) => {
  // A long journey (four proposals, a discard, an accept and two axe passes at two widths each): ~30 s alone, ~60 s on
  // the shared machine.
  test.setTimeout(120_000);
  const { cohort, unitA, unitB, host, names } = await setUp();
  const [x, y, z] = names;
  await signInAndWait(page, host.email, host.password);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/cohorts/${cohort.id}`);
  await page.getByRole("link", { name: "Propose a matching" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Matching" })).toBeVisible();
  await expect(page.getByText("No matching has been proposed for this cohort yet.")).toBeVisible();

  await page.getByRole("button", { name: "Propose", exact: true }).click();
  await expect(noticeText(page)).toHaveText("Proposal ready: 3 placed, 0 unassigned. Nothing is assigned until you accept pairs.");
  await expect(page.getByTestId("matching-row")).toHaveCount(3);
  // The proposal is shown in place (decision 118); the address names the run, so a reload shows the same.
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohort.id}/matching\\?run=`));
  await expect(page.getByRole("heading", { level: 2, name: /^Proposal of / })).toBeFocused();
  await expect(row(page, x).locator("td").nth(1)).toHaveText(unitA.nameEn);
  await expect(row(page, y).locator("td").nth(1)).toHaveText(unitB.nameEn);
  await expect(row(page, z).locator("td").nth(1)).toHaveText(unitB.nameEn);
  // Y did not get the first choice: the reason names the unit and who took its place, in words (not the engine's).
  await expect(row(page, y)).toContainText(`First choice ${unitA.nameEn} had 1 place; it went to ${x}`);
  await expect(row(page, x)).toContainText("First choice.");
  await expect(row(page, x)).toContainText("field fit 4 + preference 3 + wish 0 + rank band 0.5");
  await expectNoSeriousAccessibilityViolations(page);

  // What if X may not go to A? Y then gets its first choice.
  await page.getByRole("checkbox", { name: `Forbid ${x} at ${unitA.nameEn}` }).check();
  await page.getByRole("button", { name: "Propose again" }).click();
  await expect(page.getByTestId("matching-run")).toHaveCount(2);
  await expect(row(page, y).locator("td").nth(1)).toHaveText(unitA.nameEn);
  await expect(row(page, x).locator("td").nth(1)).toHaveText(unitB.nameEn);
  await expect(row(page, x)).toContainText(`First choice ${unitA.nameEn} is forbidden by a rule of this run.`);
  await expect(page.getByTestId("matching-rules")).toContainText(`${x} forbidden at ${unitA.nameEn}`);
  // X's row now proposes B: its Forbid box is a new pair's, not the ticked one of the last proposal.
  await expect(page.getByRole("checkbox", { name: `Forbid ${x} at ${unitB.nameEn}` })).not.toBeChecked();

  // Pin Z where it is, keep the forbid, and propose again: Z's pair is pinned.
  await page.getByRole("checkbox", { name: `Pin ${z} to ${unitB.nameEn}` }).check();
  await page.getByRole("button", { name: "Propose again" }).click();
  await expect(page.getByTestId("matching-run")).toHaveCount(3);
  await expect(row(page, z)).toContainText("Pinned");
  await expect(row(page, y).locator("td").nth(1)).toHaveText(unitA.nameEn);

  // The first run is no longer wanted: discard it (it stays listed, closed).
  const firstRun = page.getByTestId("matching-run").last();
  await page.reload();
  await expect(row(page, z)).toContainText("Pinned");
  await firstRun.getByRole("button", { name: /Discard the run of/ }).click();
  await expect(noticeText(page)).toHaveText("Matching run discarded.");
  await expect(page.getByTestId("matching-run").last()).toContainText("Discarded");

  // Accept the shown proposal: every pair, chosen with "Select all".
  await page.getByRole("button", { name: "Select all" }).click();
  await expect(page.getByRole("checkbox", { name: `Accept the pair for ${y}` })).toBeChecked();
  await page.getByRole("button", { name: "Accept selected" }).click();
  await expect(noticeText(page)).toHaveText("3 pairs accepted.");
  await expect(row(page, y)).toContainText("Accepted");
  await expect(page.getByTestId("matching-run-detail")).toContainText("Accepted");
  await expectNoSeriousAccessibilityViolations(page);

  // The board shows the assignments.
  await page.getByRole("link", { name: cohort.nameEn }).click();
  await expect(page.getByTestId("board-row").filter({ hasText: y })).toContainText(unitA.nameEn);
  await expect(page.getByTestId("board-row").filter({ hasText: y }).locator("[data-status]")).toHaveText("Assigned");
});

test("繁體中文 on a phone: propose, pin, propose again and accept one pair, without sideways scrolling", async ({ page }) => {
  const { cohort, unitA, unitB, host, names } = await setUp();
  const [x, y] = names;
  await signInAndWait(page, host.email, host.password);
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-HK");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cohorts/${cohort.id}/matching`);
  await expect(page.getByRole("heading", { level: 1, name: "配對" })).toBeVisible();
  await page.getByRole("button", { name: "建議配對", exact: true }).click();
  await expect(noticeText(page)).toHaveText("建議已完成：已配對 3 人，未配對 0 人。接受配對之前不會作出任何改動。");
  await expect(row(page, y)).toContainText(`第一志願${unitA.nameZhHant}有 1 個名額，已給予${x}`);

  await page.getByRole("checkbox", { name: `將${y}固定於${unitB.nameZhHant}` }).check();
  await page.getByRole("button", { name: "重新建議" }).click();
  await expect(page.getByTestId("matching-run")).toHaveCount(2);
  await expect(row(page, y)).toContainText("已固定");

  await page.getByRole("checkbox", { name: `接受${y}的配對` }).check();
  await page.getByRole("button", { name: "接受所選配對" }).click();
  await expect(noticeText(page)).toHaveText("已接受 1 個配對。");
  await expect(row(page, y)).toContainText("已接受");
  await expect(page.getByTestId("matching-run-detail")).toContainText("部分接受");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAccessibilityViolations(page);
});

test("the sending side follows the matching from its board, read-only", async ({ page }) => {
  const { cohort } = await setUp();
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto(`/cohorts/${cohort.id}`);
  await expect(page.getByRole("link", { name: "Propose a matching" })).toHaveCount(0);
  await page.getByRole("link", { name: "See matching proposals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Matching" })).toBeVisible();
  await expect(page.getByText("The host side proposes and accepts matchings; you can follow its proposals here.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Propose", exact: true })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);
});

