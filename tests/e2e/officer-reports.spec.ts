import { expect, test, type Browser, type Page } from "./fixtures";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix, type CreatedUser } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Issue 15, the report journey: the officer (in 繁體中文) writes, a draft saves by itself, submits; the sending side
// returns it with a comment; the officer resubmits; the sending side accepts; the supervisor evaluates; the outcomes
// library finds the report by a Simplified search for its Traditional text. Axe at 390 and 1366 px on each screen.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

async function signedIn(browser: Browser, user: CreatedUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user.email, user.password);
  return page;
}

test("officer report: write, autosave, submit, return, resubmit, accept, evaluate, find in the library", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 5 } });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: officer.id, locale: "zh_Hant", name: "報告測試人員" });
  const placement = await createPlacement(db, {
    officerId: officer.id,
    cohortId: world.hkToSz.id,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "規劃主任",
    status: "CONFIRMED",
  });
  const marker = `R${uniqueSuffix().toUpperCase()}`;
  const url = `/placements/${placement.id}/reports`;

  // The officer writes in Traditional characters; the draft saves by itself.
  await signInAndWait(page, officerUser.email, officerUser.password);
  await page.goto(url);
  const form = page.getByTestId("report-form-FINAL");
  await form.getByLabel("工作內容").fill(`參與跨境協作平台的規劃 ${marker}`);
  await form.getByRole("checkbox").nth(0).check();
  await form.getByLabel("學習所得").fill("社區諮詢的做法。");
  await form.getByRole("checkbox").nth(1).check();
  await form.getByLabel("可於本地應用之處").fill("內部人事安排,只供派出方。");
  await form.getByLabel("跨境合作建議").fill("設立聯合培訓日。");
  await expect(page.getByTestId("report-save-status-FINAL")).toHaveText(/已於 \d{2}:\d{2} 儲存/);
  await page.reload();
  await expect(page.getByTestId("report-form-FINAL").getByLabel("工作內容")).toHaveValue(`參與跨境協作平台的規劃 ${marker}`);
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByTestId("report-form-FINAL").getByRole("button", { name: "提交報告" }).click();
  await expect(page.getByTestId("report-FINAL").locator("[data-status]")).toHaveText("已提交");

  // The sending side returns it; a return without a comment is refused next to the field.
  const coordinator = await signedIn(browser, world.hkCoordinator);
  await coordinator.goto(url);
  const returnForm = coordinator.getByTestId("return-FINAL");
  await returnForm.getByRole("button", { name: "Return to the officer" }).click();
  await expect(returnForm.getByText("This field is required.")).toBeVisible();
  await returnForm.getByLabel("What should the officer change? (required)").fill("Please say what you would apply at home.");
  await returnForm.getByRole("button", { name: "Return to the officer" }).click();
  await expect(coordinator.getByTestId("report-FINAL").locator("[data-status]")).toHaveText("Returned");
  await expectNoSeriousAccessibilityViolations(coordinator);

  // The officer reads the comment, edits and resubmits.
  await page.reload();
  await expect(page.getByTestId("review-comment-FINAL")).toContainText("Please say what you would apply at home.");
  await page.getByTestId("report-form-FINAL").getByLabel("可於本地應用之處").fill("採用社區諮詢清單。");
  await expect(page.getByTestId("report-save-status-FINAL")).toHaveText(/已於 \d{2}:\d{2} 儲存/);
  await page.getByTestId("report-form-FINAL").getByRole("button", { name: "提交報告" }).click();
  await expect(page.getByTestId("report-FINAL").locator("[data-status]")).toHaveText("已提交");

  // The sending side accepts.
  await coordinator.reload();
  await coordinator.getByTestId("accept-FINAL").getByRole("button", { name: "Accept report" }).click();
  await expect(coordinator.getByTestId("report-FINAL").locator("[data-status]")).toHaveText("Accepted");
  await expect(noticeText(coordinator)).toContainText("Final report accepted.");

  // The supervisor evaluates; the host side does not see the section kept for the sending side.
  const supervisor = await signedIn(browser, world.szSupervisor);
  await supervisor.goto(url);
  await expect(supervisor.getByTestId("report-FINAL")).toContainText(marker);
  await expect(supervisor.getByTestId("report-FINAL")).not.toContainText("採用社區諮詢清單");
  const evaluation = supervisor.getByTestId("evaluation-form");
  for (const criterion of ["Professional knowledge and skills", "Initiative", "Teamwork", "Cross-boundary communication", "Professional conduct"]) {
    await evaluation.getByRole("group", { name: criterion }).getByLabel("4 – Very good").check();
  }
  await evaluation.getByLabel("Comments").fill("Curious and reliable.");
  await evaluation.getByRole("button", { name: "Save evaluation" }).click();
  await expect(noticeText(supervisor)).toContainText("Evaluation saved.");
  await expectNoSeriousAccessibilityViolations(supervisor);

  // The library finds the Traditional text by a Simplified search.
  await coordinator.goto(`/outcomes?q=${encodeURIComponent(`跨境协作 ${marker}`)}`);
  await expect(coordinator.getByTestId("outcomes").getByRole("listitem")).toHaveCount(1);
  await expect(coordinator.getByTestId("outcomes")).toContainText(marker);
  await expectNoSeriousAccessibilityViolations(coordinator);
});
