import { readFile } from "node:fs/promises";
import { PDFParse } from "pdf-parse";
import { expect, test, type Browser, type Page } from "./fixtures";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix, type CreatedUser } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

// Issue 15, the report journey to the certificate: the officer (in 繁體中文) writes, a draft saves by itself, attaches
// files (one shared with the host side, one not; a renamed executable is refused at its field), submits; the sending
// side returns it with a comment; the officer resubmits; the sending side accepts; the supervisor evaluates (seeing
// only the shared file); the sending side issues the certificate through the real final-report wiring, downloads the
// PDF and reads it back; /verify/<code> confirms it without signing in; the outcomes library finds the report by a
// Simplified search for its Traditional text. Axe at 390 and 1366 px on each screen.
//
// Fixed dates in the past, so the journey does not depend on the day it runs: the cohort (and the placement) runs
// 2025-01-06 to 2025-03-28, long ended, so the certificate can be issued.
const cohortNow = new Date("2025-01-06T04:00:00Z");
const pngPhoto = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(300)]);
const pdfNotes = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const renamedExecutable = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), Buffer.alloc(500)]);

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await readFile(path)) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

async function signedIn(browser: Browser, user: CreatedUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, user.email, user.password);
  return page;
}

test("officer report: write, autosave, attach, submit, return, resubmit, accept, evaluate, issue and verify the certificate, find in the library", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const world = await createTwoSidedWorld(db, { now: cohortNow });
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 5 } });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id], surname: "Cheung", givenName: "Hoi-yan", otherName: "Joyce", chineseName: "張凱欣" });
  const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: officer.id, locale: "zh_Hant", name: "報告測試人員" });
  const placement = await createPlacement(db, {
    officerId: officer.id,
    cohortId: world.hkToSz.id,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "規劃主任",
    status: "CONFIRMED",
  });
  expect(placement.endDate).toEqual(new Date("2025-03-28"));
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

  // Attachments: the type is read from the content, and a refusal shows at the file field, nothing stored.
  const attach = page.getByTestId("attachment-form-FINAL");
  await attach.getByLabel("要附加的檔案").setInputFiles({ name: "tool.pdf", mimeType: "application/pdf", buffer: renamedExecutable });
  await attach.getByRole("button", { name: "附加檔案" }).click();
  await expect(attach.getByLabel("要附加的檔案")).toHaveAccessibleDescription(/此檔案不是 PDF、DOCX、XLSX、JPEG 或 PNG/);
  expect(await db.reportAttachment.count({ where: { report: { placementId: placement.id } } })).toBe(0);
  await attach.getByLabel("要附加的檔案").setInputFiles({ name: "site-visit.png", mimeType: "image/png", buffer: pngPhoto });
  await attach.getByLabel("接收方可查看此檔案").check();
  await attach.getByRole("button", { name: "附加檔案" }).click();
  await expect(noticeText(page)).toHaveText("已附加 site-visit.png。");
  await attach.getByLabel("要附加的檔案").setInputFiles({ name: "internal-notes.pdf", mimeType: "application/pdf", buffer: pdfNotes });
  await attach.getByRole("button", { name: "附加檔案" }).click();
  await expect(noticeText(page)).toHaveText("已附加 internal-notes.pdf。");
  const attachments = page.getByTestId("attachments-FINAL-1");
  await attach.getByLabel("要附加的檔案").setInputFiles({ name: "wrong-file.pdf", mimeType: "application/pdf", buffer: pdfNotes });
  await attach.getByRole("button", { name: "附加檔案" }).click();
  await expect(attachments.getByRole("link")).toHaveText(["site-visit.png", "internal-notes.pdf", "wrong-file.pdf"]);
  await attachments.getByRole("button", { name: "移除 wrong-file.pdf" }).click();
  await expect(noticeText(page)).toHaveText("已移除 wrong-file.pdf。");
  await expect(attachments.getByRole("link")).toHaveText(["site-visit.png", "internal-notes.pdf"]);
  const photoDownload = page.waitForEvent("download");
  await attachments.getByRole("link", { name: "site-visit.png" }).click();
  expect((await photoDownload).suggestedFilename()).toBe("site-visit.png");
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
  await expect(supervisor.getByTestId("attachments-FINAL-1").getByRole("link")).toHaveText(["site-visit.png"]);
  const evaluation = supervisor.getByTestId("evaluation-form");
  for (const criterion of ["Professional knowledge and skills", "Initiative", "Teamwork", "Cross-boundary communication", "Professional conduct"]) {
    await evaluation.getByRole("group", { name: criterion }).getByLabel("4 – Very good").check();
  }
  await evaluation.getByLabel("Comments").fill("Curious and reliable.");
  await evaluation.getByRole("button", { name: "Save evaluation" }).click();
  await expect(noticeText(supervisor)).toContainText("Evaluation saved.");
  await expectNoSeriousAccessibilityViolations(supervisor);

  // The placement has ended and its final report is accepted: the sending side issues the certificate and downloads it.
  await coordinator.goto(`/placements/${placement.id}/documents`);
  const certificate = coordinator.getByRole("region", { name: "Certificate of completion" });
  await certificate.getByRole("button", { name: "Issue certificate" }).click();
  await coordinator.getByRole("dialog").getByRole("button", { name: "Issue certificate" }).click();
  await expect(noticeText(coordinator)).toContainText("Certificate issued for CHEUNG Hoi-yan (Joyce).");
  const certificateDownload = coordinator.waitForEvent("download");
  await certificate.getByRole("link", { name: "Download certificate (PDF)" }).click();
  const downloaded = await certificateDownload;
  expect(downloaded.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(await downloaded.path());
  expect(text).toContain("CHEUNG Hoi-yan (Joyce)");
  expect(text).toContain("張凱欣");
  const code = /Verification code: ([0-9A-Z-]{24})/.exec(text)?.[1];
  expect(code, "the verification code printed on the certificate").toBeDefined();
  await expectNoSeriousAccessibilityViolations(coordinator);

  // Anyone confirms it at /verify/<code>, without signing in; an unknown code is not found.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/verify/${code}`);
  const verified = publicPage.getByTestId("verified-certificate");
  await expect(verified).toContainText("CHEUNG Hoi-yan (Joyce) 張凱欣");
  await expect(verified).toContainText("6 January 2025 – 28 March 2025");
  await expect(verified).toContainText(world.szHostUnits[0].nameEn);
  await expectNoSeriousAccessibilityViolations(publicPage);
  const unknown = await publicPage.goto("/verify/0000-0000-0000-0000-0000");
  expect(unknown?.status()).toBe(404);
  await expect(publicPage.getByTestId("verify-not-found")).toHaveText("No certificate has this code. Check the code and try again.");
  await visitor.close();

  // The library finds the Traditional text by a Simplified search.
  await coordinator.goto(`/outcomes?q=${encodeURIComponent(`跨境协作 ${marker}`)}`);
  await expect(coordinator.getByTestId("outcomes").getByRole("listitem")).toHaveCount(1);
  await expect(coordinator.getByTestId("outcomes")).toContainText(marker);
  await expectNoSeriousAccessibilityViolations(coordinator);
});
