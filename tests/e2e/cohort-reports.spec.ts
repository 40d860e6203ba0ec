import { expect, test } from "./fixtures";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, showDashboardPanels, signInAndWait } from "./helpers";

// Issue 15: the coordinator's dashboard counts each cohort's reports as due / submitted / returned / accepted; each
// count opens the list of the reports it counts. A coordinator reading in 繁體中文; axe at 390 and 1366 px.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("dashboard report counts open the cohort's reports in that state", async ({ page }) => {
  test.setTimeout(120_000);
  const world = await createTwoSidedWorld(db);
  const marker = uniqueSuffix();
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Tsang", givenName: `Report ${marker}`, otherName: null, chineseName: "曾報告" });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
  await db.officerReport.create({
    data: { placementId: placement.id, kind: "FINAL", status: "ACCEPTED", dueOn: placement.endDate, workDone: "Done.", submittedAt: new Date(), reviewedAt: new Date(), acceptedAt: new Date() },
  });
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, locale: "zh_Hant", name: `報告數目協調員 ${marker}` });

  await signInAndWait(page, coordinator.email, coordinator.password);
  await page.goto("/");
  await showDashboardPanels(page);
  const counts = page.getByTestId("report-counts");
  await counts.getByRole("link", { name: `1 份已接納 — ${world.hkToSz.nameZhHant}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${world.hkToSz.id}/reports\\?state=accepted`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`人員報告 — ${world.hkToSz.nameZhHant}`);
  const rows = page.getByTestId("cohort-reports");
  await expect(rows).toContainText(`TSANG Report ${marker} 曾報告`);
  await expect(rows).toContainText("總結報告");
  await expectNoSeriousAccessibilityViolations(page);

  // The mid-term report, not started, is due.
  await page.getByRole("navigation", { name: "按狀態查看報告" }).getByRole("link", { name: "待提交" }).click();
  await expect(page).toHaveURL(/state=due/);
  await expect(rows).toContainText("中期報告");
  await expect(rows).toContainText("未開始");
  await rows.getByRole("link", { name: `TSANG Report ${marker} 曾報告` }).click();
  await expect(page).toHaveURL(new RegExp(`/placements/${placement.id}/reports`));
});
