import { expect, test } from "./fixtures";
import { uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("the admin adds and edits a field of work, with errors next to the fields and the change in the audit log", async ({ page }) => {
  const code = `E2E_${uniqueSuffix()}`.toUpperCase();
  await signInAndWait(page, "admin@exchange.demo");
  await page.getByRole("link", { name: "Reference data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reference data" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("link", { name: "Fields of work" }).click();
  await expect(page.getByTestId("reference-row").first()).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByRole("link", { name: "New field" }).click();

  await page.getByLabel("Code").fill("bad code!");
  await page.getByLabel("Name in English").fill("Public health");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(formAlert(page)).toContainText("Please correct the fields marked below.");
  await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/Use capital letters, digits, hyphens and underscores/);
  await expect(page.getByLabel("Name in Traditional Chinese")).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByLabel("Name in English")).toHaveValue("Public health");
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByLabel("Code").fill(code.toLowerCase());
  await page.getByLabel("Name in Traditional Chinese").fill("公共衞生");
  await page.getByLabel("Name in Simplified Chinese").fill("公共卫生");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public health" })).toBeVisible();
  await expect(page.getByRole("status").locator("[data-notice-text]")).toHaveText("Public health added.");
  const field = await db.field.findUniqueOrThrow({ where: { code } });
  expect(field).toMatchObject({ nameZhHant: "公共衞生", nameZhHans: "公共卫生", version: 1 });

  await page.getByLabel("Name in English").fill("Public health services");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public health services" })).toBeVisible();
  await expect(page.getByTestId("history-row")).toHaveCount(2);
  await expect(page.getByTestId("history-row").first()).toContainText("Field updated");

  await page.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  expect((await db.field.findUniqueOrThrow({ where: { code } })).active).toBe(false);

  await page.goto(`/admin/audit?action=field.update&entityId=${field.id}`);
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toContainText("Public health services");
  await expectNoSeriousAccessibilityViolations(page);
});

test("a new jurisdiction is data: the admin adds a city and gives it a department", async ({ page }) => {
  const code = `GZ${uniqueSuffix()}`.toUpperCase();
  await signInAndWait(page, "admin@exchange.demo");
  await page.goto("/admin/reference/jurisdictions/new");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Kind").selectOption({ label: "Mainland city" });
  await page.getByLabel("Time zone").fill("Asia/Shanghai");
  await page.getByLabel("Name in English").fill(`Guangzhou ${code}`);
  await page.getByLabel("Name in Traditional Chinese").fill("廣州市");
  await page.getByLabel("Name in Simplified Chinese").fill("广州市");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Guangzhou ${code}` })).toBeVisible();

  await page.goto("/admin/reference/departments/new");
  await page.getByLabel("Side").selectOption({ label: `Guangzhou ${code}` });
  await page.getByLabel("Code").fill("GZHR");
  await page.getByLabel("Kind").selectOption({ label: "Bureau" });
  await page.getByLabel("Name in English").fill("Human Resources and Social Security Bureau of Guangzhou Municipality");
  await page.getByLabel("Name in Traditional Chinese").fill("廣州市人力資源和社會保障局");
  await page.getByLabel("Name in Simplified Chinese").fill("广州市人力资源和社会保障局");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("status").locator("[data-notice-text]")).toHaveText("Human Resources and Social Security Bureau of Guangzhou Municipality added.");
  const jurisdiction = await db.jurisdiction.findUniqueOrThrow({ where: { code }, include: { departments: true } });
  expect(jurisdiction.departments.map((department) => department.code)).toEqual(["GZHR"]);
});

test("the audit log filters by who, what and when", async ({ page }) => {
  await signInAndWait(page, "admin@exchange.demo");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("What").selectOption({ label: "Signed in" });
  await page.getByLabel("Who", { exact: true }).fill("admin@exchange.demo");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=auth\.signIn\.succeed(&|$)/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("Signed in");
  await expect(rows.first()).toContainText("admin@exchange.demo");
  await page.getByLabel("From (date)").fill("2999-01-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test("reference data and the audit log are for admins; admins see officers read-only", async ({ page, browser }) => {
  await signInAndWait(page, "admin@exchange.demo");
  await page.goto("/officers");
  await expect(page.getByRole("link", { name: "New officer" })).toHaveCount(0);
  await page.getByTestId("officer-row").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  const coordinator = await (await browser.newContext()).newPage();
  await signInAndWait(coordinator, "csb.coordinator@exchange.demo");
  for (const path of ["/admin/reference", "/admin/reference/fields", "/admin/audit"]) {
    const response = await coordinator.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await coordinator.context().close();
});
