import { expect, test } from "./fixtures";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, noticeText, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

// The import's size limit is said as such, in the browser and by the server (#10 §3): a file over the limit used to
// be answered with "Choose a file to import", because the proxy cuts a body over 10 MB short and the form then
// fails to parse.

const overTenMegabytes = () => Buffer.alloc(11 * 1024 * 1024, "a");
const limitMessage = "The file is larger than 8 MB. Split it into smaller files.";

test("the page says the size limit for a file over it, without sending it", async ({ page }) => {
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers/import");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/officers/import")) uploads.push(request.method());
  });
  await page.getByLabel("2. Choose the file").setInputFiles({ name: "officers.csv", mimeType: "text/csv", buffer: overTenMegabytes() });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(formAlert(page)).toHaveText(limitMessage);
  expect(uploads).toEqual([]);
});

test("the server answers a body over the limit with the size limit in the user's language, before reading it", async ({ page, baseURL }) => {
  const hk = await db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } });
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: hk.id, name: "Import Limit Coordinator", locale: "zh_Hant" });
  await signInAndWait(page, coordinator.email, coordinator.password);
  const post = (buffer: Buffer) =>
    page.request.post("/api/officers/import", {
      headers: { origin: baseURL! },
      multipart: { mode: "preview", file: { name: "officers.csv", mimeType: "text/csv", buffer } },
    });
  const translatedLimit = { type: "error", message: "檔案超過 8 MB，請分拆為較小的檔案。" };
  const overProxyLimit = await post(overTenMegabytes());
  expect(overProxyLimit.status()).toBe(413);
  expect(await overProxyLimit.json()).toEqual(translatedLimit);
  const overFileLimit = await post(Buffer.alloc(8 * 1024 * 1024 + 1, "a"));
  expect(overFileLimit.status()).toBe(413);
  expect(await overFileLimit.json()).toEqual(translatedLimit);
});

test("an Excel file is read by the server (in its worker) and a formula without a value is reported by its cell", async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Officers");
  sheet.addRow(["Staff number", "Surname", "Given name", "Rank code", "Department code", "Work email"]);
  sheet.addRow(["XLSXE2E1", { formula: 'PROPER("chow")', result: "Chow" }, "Ka-ho", "STP", "PLAND", "chow.e2e@example.gov.hk"]);
  sheet.addRow(["XLSXE2E2", "Yip", { formula: 'PROPER("wing")' }, "STP", "PLAND", "yip.e2e@example.gov.hk"]);
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers/import");
  await page.getByLabel("2. Choose the file").setInputFiles({
    name: "formulas.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  const errors = page.getByTestId("import-error");
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText("C3: formula without a value");
  await expect(errors.first().getByRole("rowheader")).toHaveText("3");
});

test("a refused file shows no 'new officers' tile, its problems with the value entered, downloadable; an unchanged re-upload says so", async ({ page }) => {
  const staffNumber = `E2EIMP${uniqueSuffix()}`.toUpperCase().slice(0, 20);
  const header = "Staff number,Surname,Given name,Rank code,Department code,Work email";
  const goodRow = `${staffNumber},Lee,Wing-yan,STP,PLAND,${staffNumber.toLowerCase()}@example.gov.hk`;
  const csv = (lines: string[]) => ({ name: "officers.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`, "utf8") });
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers/import");
  const file = page.getByLabel("2. Choose the file");

  await file.setInputFiles(csv([header, goodRow, `${staffNumber}X,Ho,Ka-yan,=SUM(1+2),PLAND,ho@example.gov.hk`]));
  await page.getByRole("button", { name: "Check the file" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Problems");
  await expect(summary).not.toContainText("New officers");
  const error = page.getByTestId("import-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("=SUM(1+2)");
  await expectNoSeriousAccessibilityViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the problems (.csv)" }).click()]);
  expect(download.suggestedFilename()).toBe("import-problems.csv");
  const report = readFileSync((await download.path())!, "utf8");
  expect(report).toContain("Row,Column,Value entered,Problem");
  // Escaped: a spreadsheet shows the text instead of running it.
  expect(report).toContain(",'=SUM(1+2),");

  await file.setInputFiles(csv([header, goodRow]));
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "1 officer — confirm the import" }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(noticeText(page)).toHaveText("Import saved — new officers: 1, updated: 0, unchanged: 0.");

  await file.setInputFiles(csv([header, goodRow]));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-no-changes")).toHaveText("No changes: 1 officer is already recorded exactly as the file says. There is nothing to import.");
  await expect(page.getByRole("button", { name: /confirm/ })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);
});
