import { expect, test } from "./fixtures";
import { createCohort, createField, createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix } from "../factories";
import { addDays, parseDateOnly, todayInHongKong } from "../../lib/dates";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Issue 16, the matching inputs: an officer in 繁體中文 on a phone ranks three host units (found by a Simplified
// search), reorders them with the keyboard, ranks two fields of work beside them and saves; a host coordinator in English sets the weights (a bad one is
// refused next to its field, "reset to defaults" restores them) and a unit's rank band and wishes. Axe at 390 and
// 1366 px on each screen.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("an officer ranks three host units on a phone, reorders them with the keyboard and ranks two fields of work", async ({ page }) => {
  test.setTimeout(180_000);
  const world = await createTwoSidedWorld(db);
  const s = uniqueSuffix();
  const extra = await createHostUnit(db, { jurisdictionId: world.sz.id, nameEn: `Nanshan Planning Office ${s}`, nameZhHant: `南山規劃辦公室 ${s}`, nameZhHans: `南山规划办公室 ${s}`, fieldIds: [world.field.id] });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
  const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: officer.id, locale: "zh_Hant", name: `志願測試 ${s}` });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id });
  const transport = await createField(db, { nameEn: `Transport planning ${s}`, nameZhHant: `交通規劃 ${s}`, nameZhHans: `交通规划 ${s}` });

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, officerUser.email, officerUser.password);
  // The officer's home leads to the list.
  await page.getByRole("link", { name: `${world.hkToSz.nameZhHant}：排列你希望加入的接收單位` }).click();
  await expect(page).toHaveURL(new RegExp(`/placements/${placement.id}/preferences$`));
  await expect(page.locator("main h1")).toHaveText("接收單位志願");

  // Simplified characters find the Traditional names.
  const search = page.getByLabel("搜尋以加入");
  await search.fill("前海管理局规划");
  await page.getByRole("button", { name: "加入 前海管理局規劃管理處" }).click();
  await search.fill("福田区");
  await page.getByRole("button", { name: "加入 深圳市福田區人民政府" }).click();
  await search.fill(`南山规划办公室 ${s}`);
  await page.getByRole("button", { name: `加入 南山規劃辦公室 ${s}` }).click();
  const list = page.getByTestId("preferences-list").getByRole("listitem");
  await expect(list).toHaveCount(3);

  // The keyboard moves the third choice to the top: focus stays on its button, Enter twice.
  await page.getByRole("button", { name: `將 南山規劃辦公室 ${s} 上移` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `將 南山規劃辦公室 ${s} 上移` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `南山規劃辦公室 ${s} 現為第 1 位。` })).toHaveCount(1);
  await expect(list.nth(0)).toContainText(`南山規劃辦公室 ${s}`);
  await expect(list.nth(1)).toContainText("前海管理局規劃管理處");
  await expect(list.nth(2)).toContainText("深圳市福田區人民政府");

  // Fields of work, in their own list: the Simplified search finds the Traditional name; the second goes first.
  const fieldSearch = page.getByLabel("搜尋專業範疇以加入");
  await fieldSearch.fill(world.field.nameZhHans);
  await page.getByRole("button", { name: `加入 ${world.field.nameZhHant}` }).click();
  await fieldSearch.fill(`交通规划 ${s}`);
  await page.getByRole("button", { name: `加入 交通規劃 ${s}` }).click();
  await page.getByRole("button", { name: `將 交通規劃 ${s} 上移` }).click();
  const fields = page.getByTestId("field-preferences-list").getByRole("listitem");
  await expect(fields).toHaveText([new RegExp(`交通規劃 ${s}`), new RegExp(world.field.nameZhHant)]);
  await expect(list).toHaveCount(3);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByRole("button", { name: "儲存志願" }).click();
  await expect(noticeText(page)).toHaveText("已排列 3 個接收單位及 2 個專業範疇，第一志願在前。");
  const saved = await db.matchingPreference.findMany({ where: { placementId: placement.id }, orderBy: { rank: "asc" } });
  expect(saved.map((row) => row.hostUnitId)).toEqual([extra.id, world.szHostUnits[0].id, world.szHostUnits[1].id]);
  const savedFields = await db.matchingFieldPreference.findMany({ where: { placementId: placement.id }, orderBy: { rank: "asc" } });
  expect(savedFields.map((row) => row.fieldId)).toEqual([transport.id, world.field.id]);
  await page.reload();
  await expect(page.getByTestId("preferences-list").getByRole("listitem").nth(0)).toContainText(`南山規劃辦公室 ${s}`);
  await expect(page.getByTestId("field-preferences-list").getByRole("listitem").nth(0)).toContainText(`交通規劃 ${s}`);
});

test("a host coordinator sets the weights and a unit's rank band and wishes", async ({ page }) => {
  test.setTimeout(180_000);
  const world = await createTwoSidedWorld(db);
  const cohort = world.hkToSz;
  await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: cohort.id });
  await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: cohort.id });
  const unit = world.szHostUnits[0];

  await signInAndWait(page, world.szCoordinator.email, world.szCoordinator.password);
  await page.goto(`/cohorts/${cohort.id}`);
  await page.getByRole("link", { name: "Propose a matching" }).click();
  await page.getByRole("link", { name: "Matching settings" }).click();
  await expect(page.locator("main h1")).toHaveText("Matching settings");
  await expect(page.getByText("Nothing has been saved for this cohort: the defaults apply.")).toBeVisible();

  // A weight out of range is refused next to its field; reset restores the defaults.
  const fieldFit = page.getByLabel("Field fit", { exact: true });
  await fieldFit.fill("1001");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#field-fieldFitWeight-error")).toHaveText("Enter a whole number from 0 to 1000.");
  await expect(fieldFit).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(fieldFit).toHaveValue("4");
  await fieldFit.fill("8");
  await page.getByLabel("Unit's wish", { exact: true }).fill("0");
  await page.getByLabel("Most officers from one home department in one unit").fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(noticeText(page)).toHaveText(`Matching settings of ${cohort.nameEn} saved.`);
  const settings = await db.cohortMatchingSettings.findUniqueOrThrow({ where: { cohortId: cohort.id } });
  expect([settings.fieldFitWeight, settings.preferenceWeight, settings.wishWeight, settings.rankBandWeight, settings.maxPerDepartmentPerUnit]).toEqual([8, 3, 0, 1, 1]);
  await expectNoSeriousAccessibilityViolations(page);

  // One unit's band and wishes, on their own page.
  await page.getByRole("link", { name: `Band and wishes of ${unit.nameEn}` }).click();
  await expect(page.locator("main h1")).toHaveText(`${unit.nameEn}: rank band and wishes`);
  await page.getByLabel("Lowest rank").selectOption({ label: "Division Chief" });
  await page.getByLabel("Highest rank").selectOption({ label: "Division Chief" });
  const search = page.getByLabel("Find to add");
  await search.fill("yuen");
  await page.getByRole("button", { name: "Add YUEN Ka-wai, Karen 袁嘉慧" }).click();
  await search.fill("彭");
  await page.getByRole("button", { name: "Add PANG Chi-wing, Ronald 彭志榮" }).click();
  await page.getByRole("button", { name: "Move PANG Chi-wing, Ronald 彭志榮 up" }).click();
  await expect(page.getByTestId("wishes-list").getByRole("listitem").nth(0)).toContainText("PANG Chi-wing");
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("button", { name: "Save band and wishes" }).click();

  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohort.id}/matching/settings$`));
  await expect(noticeText(page)).toHaveText(`Rank band and wishes of ${unit.nameEn} saved (2 wished officers).`);
  const row = page.getByTestId("matching-units").getByRole("row", { name: new RegExp(unit.nameEn) });
  await expect(row).toContainText("Division Chief to Division Chief");
  const wishes = await db.matchingWish.findMany({ where: { hostUnitId: unit.id, cohortId: cohort.id }, orderBy: { rank: "asc" }, select: { placement: { select: { officerId: true } } } });
  expect(wishes.map((wish) => wish.placement.officerId)).toEqual([world.hkOfficers[1].id, world.hkOfficers[0].id]);
});

test("after the deadline the officer reads the list (简体中文) and the host side reads it too, neither can edit", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const world = await createTwoSidedWorld(db);
  const today = parseDateOnly(todayInHongKong());
  const closed = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, nominationDeadline: addDays(today, -1), startDate: addDays(today, 30), status: "NOMINATIONS" });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
  const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: officer.id, locale: "zh_Hans" });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: closed.id });
  await db.matchingPreference.createMany({ data: world.szHostUnits.map((unit, index) => ({ placementId: placement.id, hostUnitId: unit.id, rank: index + 1 })) });
  await db.matchingFieldPreference.create({ data: { placementId: placement.id, rank: 1, fieldId: world.field.id } });

  await signInAndWait(page, officerUser.email, officerUser.password);
  await page.goto(`/placements/${placement.id}/preferences`);
  await expect(page.getByText("提名截止日期已过，你只能查看此清单。")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存志愿" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "已排列的接收单位" }).getByRole("listitem")).toHaveText([/前海管理局规划管理处/, /深圳市福田区人民政府/]);
  await expect(page.getByRole("list", { name: "已排列的专业范畴" }).getByRole("listitem")).toHaveText([new RegExp(world.field.nameZhHans)]);
  await expectNoSeriousAccessibilityViolations(page);

  const host = await (await browser.newContext()).newPage();
  await signInAndWait(host, world.szCoordinator.email, world.szCoordinator.password);
  await host.goto(`/placements/${placement.id}`);
  await host.getByRole("link", { name: "Host-unit preferences" }).click();
  await expect(host.getByText("Read-only: the officer and the sending side's coordinators rank these preferences.")).toBeVisible();
  await expect(host.getByRole("list", { name: "Ranked host units" }).getByRole("listitem")).toHaveText([new RegExp(world.szHostUnits[0].nameEn), new RegExp(world.szHostUnits[1].nameEn.replace(/[()']/g, "."))]);
  await expect(host.getByRole("button", { name: "Save preferences" })).toHaveCount(0);
});
