import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

// Issue 15, the outcomes digest: a coordinator reading in 简体中文 chooses a cohort in the outcomes library and
// downloads its PDF digest. Axe at 390 and 1366 px on /outcomes with the download offered.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("outcomes digest: a coordinator in 简体中文 chooses a cohort and downloads its PDF", async ({ page }) => {
  test.setTimeout(120_000);
  const world = await createTwoSidedWorld(db);
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, status: "CONFIRMED" });
  const marker = `D${uniqueSuffix().toUpperCase()}`;
  // An accepted final report, written as the report journey leaves it (officer-reports.spec.ts walks that journey).
  await db.officerReport.create({
    data: {
      placementId: placement.id,
      kind: "FINAL",
      status: "ACCEPTED",
      dueOn: placement.endDate,
      workDone: `参与跨境协作平台的规划 ${marker}`,
      workDoneShareable: true,
      learned: "社區諮詢的做法。",
      learnedShareable: true,
      submittedAt: new Date(),
      reviewedAt: new Date(),
      acceptedAt: new Date(),
    },
  });
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, locale: "zh_Hans", name: `摘要测试协调员 ${marker}` });

  await signInAndWait(page, coordinator.email, coordinator.password);
  await page.goto("/outcomes");
  // No cohort chosen: no digest offered.
  await expect(page.getByRole("link", { name: "下载 PDF 成果摘要" })).toHaveCount(0);
  await page.getByLabel("批次").selectOption({ label: world.hkToSz.nameZhHans });
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(new RegExp(`cohort=${world.hkToSz.id}`));
  await expect(page.getByTestId("outcomes")).toContainText(marker);

  const link = page.getByRole("link", { name: "下载 PDF 成果摘要" });
  await expect(link).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^outcomes-digest-${world.hkToSz.code.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(await db.auditLog.count({ where: { action: "outcomeDigest.export", entityId: world.hkToSz.id, actorId: coordinator.id } })).toBe(1);
});
