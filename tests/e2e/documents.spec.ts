import { expect, test } from "./fixtures";
import { createPlacement, createTwoSidedWorld, DEFAULT_TEST_PASSWORD, type TwoSidedWorld } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, noticeText, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

// Fixed dates in the past, so the journey does not depend on the day it runs: the cohort (and the placement) runs
// 2025-01-06 to 2025-03-28 and has ended; the permit given expires two weeks before its last day.
const placementDates = { startDate: new Date("2025-01-06"), endDate: new Date("2025-03-28") };
const pngScan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(300)]);

// The coordinator's journey reads what the officer's gave.
test.describe.configure({ mode: "serial" });

let world: TwoSidedWorld;
let placementId: string;

test.beforeAll(async () => {
  world = await createTwoSidedWorld(db, { now: new Date("2025-01-06T04:00:00Z") });
  const placement = await createPlacement(db, {
    officerId: world.hkOfficers[0].id,
    cohortId: world.hkToSz.id,
    hostUnitId: world.szHostUnits[0].id,
    status: "CONFIRMED",
    postTitle: "Planning officer",
  });
  expect(placement.endDate).toEqual(placementDates.endDate);
  placementId = placement.id;
  // The sending side's coordinator reads Simplified Chinese.
  await db.user.update({ where: { id: world.hkCoordinator.id }, data: { locale: "zh_Hans" } });
});

test("the officer gives the permit scan and its expiry and sees the warning; a renamed text file is refused at its field", async ({ page }) => {
  await signInAndWait(page, world.hkOfficerUsers[0].email, DEFAULT_TEST_PASSWORD);
  await page.goto(`/placements/${placementId}`);
  await page.getByTestId("placement-documents-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Documents");

  const permit = page.getByTestId("document-form-doctpl_hk_permit");
  await permit.getByLabel("Document number").fill("H12345678");
  await permit.getByLabel("Expiry date").fill("2025-03-14");
  await permit.getByLabel("File").setInputFiles({ name: "permit-scan.png", mimeType: "image/png", buffer: pngScan });
  await permit.getByRole("button", { name: "Save" }).click();
  await expect(noticeText(page)).toHaveText("Document saved.");
  await expect(page.getByTestId("document-warnings")).toContainText("Home Return Permit: Expires on 14 March 2025, before the placement ends on 28 March 2025");
  await expect(page.getByTestId("document-checklist").locator('tr[data-status="SUBMITTED"]')).toHaveCount(1);

  const undertaking = page.getByTestId("document-form-doctpl_hk_undertaking");
  await undertaking.getByLabel("File").setInputFiles({ name: "undertaking.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a PDF, only text") });
  await undertaking.getByRole("button", { name: "Save" }).click();
  await expect(undertaking.getByLabel("File")).toHaveAccessibleDescription(/This file is not a PDF, DOCX, XLSX, JPEG or PNG file/);
  expect(await db.placementDocument.count({ where: { placementId, templateItemId: "doctpl_hk_undertaking" } })).toBe(0);
  await expectNoSeriousAccessibilityViolations(page);
});

test("the sending coordinator, in Simplified Chinese, downloads the scan; no certificate before the final report is accepted", async ({ page }) => {
  // Issuing, downloading and verifying a certificate after a real accepted final report is the journey of
  // officer-reports.spec.ts; this placement has no report, so the real wiring refuses to offer the certificate.
  await signInAndWait(page, world.hkCoordinator.email, DEFAULT_TEST_PASSWORD);
  await page.goto(`/placements/${placementId}/documents`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("文件");
  await expect(page.getByTestId("document-warnings")).toContainText("回乡证");
  const certificate = page.getByRole("region", { name: "完成证书" });
  await expect(certificate).toContainText("总结报告尚未获接纳。");
  await expect(certificate.getByRole("button")).toHaveCount(0);

  const scanDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 permit-scan.png" }).click();
  expect((await scanDownload).suggestedFilename()).toBe("permit-scan.png");
  await expectNoSeriousAccessibilityViolations(page);
  expect(await db.certificate.count({ where: { placementId } })).toBe(0);
});

test("the admin adds a checklist item in three languages; a blank name is refused at its field", async ({ page }) => {
  await signInAndWait(page, "admin@exchange.demo");
  await page.getByRole("link", { name: "Document checklists" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Document checklists" })).toBeVisible();
  await expect(page.getByTestId("template-items-HK_TO_MAINLAND")).toContainText("回鄉證");
  await expect(page.getByTestId("template-items-MAINLAND_TO_HK")).toContainText("往來港澳通行證");

  const add = page.getByRole("region", { name: "New checklist item" });
  const label = `Health declaration ${Date.now()}`;
  await add.getByLabel("Direction").selectOption("MAINLAND_TO_HK");
  await add.getByLabel("Name (English)").fill(label);
  await add.getByLabel("Name (Traditional Chinese)").fill("健康申報");
  // Only spaces: past the browser's own check, refused by the server's.
  await add.getByLabel("Name (Simplified Chinese)").fill("   ");
  await add.getByRole("button", { name: "Save item" }).click();
  await expect(add.getByLabel("Name (Simplified Chinese)")).toHaveAccessibleDescription(/required/i);
  expect(await db.documentTemplateItem.count({ where: { labelEn: label } })).toBe(0);

  await add.getByLabel("Name (Simplified Chinese)").fill("健康申报");
  await add.getByLabel("Has an expiry date").check();
  await add.getByRole("button", { name: "Save item" }).click();
  await expect(noticeText(page)).toHaveText(`Checklist item “${label}” saved.`);
  await expect(page.getByTestId("template-items-MAINLAND_TO_HK")).toContainText(label);
  expect(await db.documentTemplateItem.findFirst({ where: { labelEn: label }, select: { direction: true, needsExpiry: true, needsNumber: true } })).toEqual({ direction: "MAINLAND_TO_HK", needsExpiry: true, needsNumber: false });
  await expectNoSeriousAccessibilityViolations(page);
  // Leave the demo's checklist as it was for other journeys.
  await db.documentTemplateItem.updateMany({ where: { labelEn: label }, data: { active: false } });
});
