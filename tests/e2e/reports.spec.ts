import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";
import { PDFParse } from "pdf-parse";
import { createCohort, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

// Placement report downloads by the administrator and each coordinator, in every format. Each download is limited
// to one demo cohort, whose placements no other journey changes, so the expected rows are stable.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

/** The demo's running Hong Kong → Shenzhen cohort (seeded, code HKSZ-YYYY-MM). */
async function demoCohort() {
  const cohort = await db.cohort.findFirstOrThrow({
    where: { code: { startsWith: "HKSZ-" }, status: "IN_PROGRESS", sendingJurisdiction: { code: "HK" } },
    include: { placements: { include: { officer: true } } },
  });
  return cohort;
}

/** The filter form (the column chooser has fields of the same names). */
const filterForm = (page: Page) => page.getByRole("search", { name: "Filters" });

async function openReportFor(page: Page, cohortId: string) {
  await page.goto("/reports");
  await filterForm(page).getByLabel("Cohort", { exact: true }).selectOption(cohortId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`cohort=${cohortId}`));
}

async function download(page: Page, format: keyof typeof CONTENT_TYPES) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${format}`).click()]);
  await expect(page.getByRole("status").filter({ hasText: "has been downloaded" })).toBeVisible();
  const path = await file.path();
  return { filename: file.suggestedFilename(), bytes: await readFile(path) };
}

const accounts = [
  { email: "admin@exchange.demo", staffNumbers: true },
  // The Hong Kong side sends this cohort: its export carries staff numbers.
  { email: "csb.coordinator@exchange.demo", staffNumbers: true },
  // The Shenzhen side hosts it: no staff number column.
  { email: "szod.coordinator@exchange.demo", staffNumbers: false },
];

for (const account of accounts) {
  test(`${account.email} downloads the report as CSV, XLSX and PDF`, async ({ page }) => {
    const cohort = await demoCohort();
    await signInAndWait(page, account.email);
    await openReportFor(page, cohort.id);
    await expect(page.getByTestId("report-total")).toHaveText(`Placements matching these filters: ${cohort.placements.length}`);
    await expectNoSeriousAccessibilityViolations(page);

    const filenamePattern = (extension: string) => new RegExp(`^placement-report-${cohort.code.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`);

    const csv = await download(page, "csv");
    expect(csv.filename).toMatch(filenamePattern("csv"));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString("utf8");
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0].startsWith("Cohort code,Cohort name,Officer,Chinese name,")).toBe(true);
    expect(lines[0].includes("Staff number")).toBe(account.staffNumbers);
    // One line per placement (no field of this cohort spans lines), each officer's Chinese name as stored.
    expect(lines).toHaveLength(cohort.placements.length + 1);
    for (const placement of cohort.placements) {
      expect(text).toContain(placement.officer.chineseName!);
      expect(text.includes(placement.officer.staffNumber)).toBe(account.staffNumbers);
    }

    const xlsx = await download(page, "xlsx");
    expect(xlsx.filename).toMatch(filenamePattern("xlsx"));
    expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const pdf = await download(page, "pdf");
    expect(pdf.filename).toMatch(filenamePattern("pdf"));
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // The same downloads straight from the route: content type, file name and no caching.
    for (const format of ["csv", "xlsx", "pdf"] as const) {
      const response = await page.request.get(`/api/reports/placements/${format}?cohort=${cohort.id}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe(CONTENT_TYPES[format]);
      expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="placement-report-${cohort.code.toLowerCase()}-`));
      expect(response.headers()["cache-control"]).toBe("no-store");
      expect((await response.body()).length).toBeGreaterThan(100);
    }

    const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
    const audited = await db.auditLog.findMany({ where: { actorId: user.id, action: "report.export", entityId: cohort.id } });
    expect(audited.map((entry) => (entry.after as { format: string }).format).sort()).toEqual(["csv", "csv", "pdf", "pdf", "xlsx", "xlsx"]);
    expect(audited.every((entry) => (entry.after as { rowCount: number }).rowCount === cohort.placements.length)).toBe(true);
  });
}

test("a cohort outside the coordinator's sides answers 404, on the page and for a download", async ({ page }) => {
  const [beijing, shenzhen] = await Promise.all([db.jurisdiction.findUniqueOrThrow({ where: { code: "BJ" } }), db.jurisdiction.findUniqueOrThrow({ where: { code: "SZ" } })]);
  const cohort = await createCohort(db, { sendingJurisdictionId: beijing.id, hostJurisdictionId: shenzhen.id, code: `E2E-BJSZ-${uniqueSuffix()}`.toUpperCase() });
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  expect((await page.goto(`/reports?cohort=${cohort.id}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/reports/placements/csv?cohort=${cohort.id}`)).status()).toBe(404);
  // The Shenzhen side hosts it and may see it.
  await page.context().clearCookies();
  await signInAndWait(page, "szod.coordinator@exchange.demo");
  expect((await page.goto(`/reports?cohort=${cohort.id}`))?.status()).toBe(200);
});

test("filters live in the URL, are shown back with errors beside the field, and page the preview", async ({ page }) => {
  await signInAndWait(page, "admin@exchange.demo");
  await page.goto("/reports?from=2026-05-01&to=2026-04-01");
  const to = filterForm(page).getByLabel("To", { exact: true });
  await expect(to).toHaveValue("2026-04-01");
  await expect(filterForm(page).getByLabel("From", { exact: true })).toHaveValue("2026-05-01");
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#filter-to-error")).toHaveText("The end date must not be before the start date.");
  await expect(page.getByTestId("report-preview")).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  const cohort = await demoCohort();
  await page.goto(`/reports?cohort=${cohort.id}&status=CONFIRMED`);
  const confirmed = cohort.placements.filter((placement) => placement.status === "CONFIRMED").length;
  await expect(page.getByTestId("report-total")).toHaveText(`Placements matching these filters: ${confirmed}`);
  await expect(filterForm(page).getByLabel("Status", { exact: true })).toHaveValue("CONFIRMED");
  await expect(page.getByTestId("report-row")).toHaveCount(confirmed);
});

test("an officer cannot open the report or download it", async ({ page }) => {
  await signInAndWait(page, "officer@exchange.demo");
  expect((await page.goto("/reports"))?.status()).toBe(403);
  expect((await page.request.get("/api/reports/placements/csv")).status()).toBe(403);
});

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test("a coordinator chooses the report's columns in 繁體中文: a table at 1366 px, cards at 390 px, and the same columns in every download", async ({ page }) => {
  const cohort = await demoCohort();
  // A coordinator of the sending side of its own, so that the demo accounts keep every column.
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: cohort.sendingJurisdictionId, locale: "zh_Hant", name: "報表欄位統籌主任" });
  await signInAndWait(page, coordinator.email, coordinator.password);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/reports?cohort=${cohort.id}`);
  const table = page.getByTestId("report-preview");
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["交流批次編號", "交流批次名稱", "人員", "中文姓名", "員工編號", "職級", "所屬部門", "接收單位", "職位", "範疇", "開始日期", "結束日期", "狀態", "派出方審批", "接收方審批"]);
  await expect(table.getByRole("row").nth(1)).toContainText(cohort.code);

  // No column at all is refused beside the choices, and nothing changes.
  await page.getByText("選擇欄位").click();
  const chooser = page.getByRole("group", { name: "預覽及下載包含的欄位" });
  for (const box of await chooser.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "儲存欄位" }).click();
  await expect(page.locator("#report-columns-error")).toHaveText("請至少選擇一欄。");
  await expect(chooser).toHaveAccessibleDescription("請至少選擇一欄。");

  for (const name of ["交流批次名稱", "人員", "狀態"]) await chooser.getByRole("checkbox", { name, exact: true }).check();
  await page.getByRole("button", { name: "儲存欄位" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已儲存欄位：顯示 3 欄。" })).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["交流批次名稱", "人員", "狀態"]);
  const shown = Math.min(cohort.placements.length, 25);
  await expect(page.getByTestId("report-row")).toHaveCount(shown);

  // Remembered: a new visit shows the same columns; on a phone each placement is a card.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/reports?cohort=${cohort.id}`);
  await expect(table).toBeHidden();
  const cards = page.getByTestId("report-card");
  await expect(cards).toHaveCount(shown);
  await expect(cards.first().locator("dt")).toHaveText(["交流批次名稱", "狀態"]);
  await expect(cards.first().locator("dd").first()).toHaveText(cohort.nameZhHant);
  await expectNoSeriousAccessibilityViolations(page);

  const csv = await page.request.get(`/api/reports/placements/csv?cohort=${cohort.id}`);
  const lines = (await csv.text()).slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("交流批次名稱,人員,狀態");
  expect(lines).toHaveLength(cohort.placements.length + 1);

  // Read back with a real PDF text extractor (which may space out CJK text).
  const withoutSpaces = (text: string) => text.replace(/\s+/g, "");
  const pdf = withoutSpaces(await pdfText(await (await page.request.get(`/api/reports/placements/pdf?cohort=${cohort.id}&status=CONFIRMED`)).body()));
  expect(pdf).toContain(withoutSpaces(`交流批次：${cohort.code} — ${cohort.nameZhHant}`));
  expect(pdf).toContain("狀態：已確認");
  expect(pdf).not.toContain("員工編號");
  const empty = withoutSpaces(await pdfText(await (await page.request.get(`/api/reports/placements/pdf?cohort=${cohort.id}&from=2099-01-01`)).body()));
  expect(empty).toContain("沒有符合篩選條件的派駐安排。");
});
