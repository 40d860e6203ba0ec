import { expect, test, type Page } from "./fixtures";
import { createOfficer, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, formAlert, signInAndWait } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const csvHeader = "Staff number,Surname,Given name,Other name,Chinese name,Rank code,Department code,Field codes,Work email";

async function hongKong() {
  const hk = await db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } });
  const rank = await db.rank.findFirstOrThrow({ where: { jurisdictionId: hk.id, code: "STP" } });
  const department = await db.department.findFirstOrThrow({ where: { jurisdictionId: hk.id, code: "PLAND" } });
  return { hk, rank, department };
}

async function uploadForCheck(page: Page, csv: string, name = "officers.csv") {
  await page.getByLabel("2. Choose the file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
}

test("the CSB coordinator imports officers from a CSV and finds them in the list", async ({ page }) => {
  const prefix = `E2E${uniqueSuffix()}`.toUpperCase();
  const rows = [
    `${prefix}-1,Kwok,Siu-fan,Fanny,郭小芬,STP,PLAND,URBAN_PLANNING,fanny.kwok@example.gov.hk`,
    `${prefix}-2,Tam,Chi-keung,,譚志強,STP,PLAND,URBAN_PLANNING;TRANSPORT,ck.tam@example.gov.hk`,
    `${prefix}-3,Lo,Ka-man,Carmen,盧嘉敏,STP,PLAND,,carmen.lo@example.gov.hk`,
  ];
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers");
  await page.getByRole("link", { name: "Import officers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import officers" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);

  await uploadForCheck(page, [csvHeader, ...rows].join("\r\n"));
  await expect(page.getByRole("heading", { name: "Check of officers.csv" })).toBeFocused();
  await expect(page.getByRole("definition").filter({ hasText: /^3$/ })).toHaveCount(2); // rows and new officers
  expect(await db.officer.count({ where: { staffNumber: { startsWith: prefix } } })).toBe(0);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByRole("button", { name: "3 officers — confirm the import" }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(page.getByText("New officers: 3 · updated: 0 · unchanged: 0.")).toBeVisible();
  expect(await db.officer.count({ where: { staffNumber: { startsWith: prefix } } })).toBe(3);

  await page.goto(`/officers?q=${prefix}`);
  await expect(page.getByTestId("officer-row")).toHaveCount(3);
  await expectNoSeriousAccessibilityViolations(page);
  await expect(page.getByRole("link", { name: "KWOK Siu-fan, Fanny" })).toBeVisible();
  await page.getByRole("link", { name: "KWOK Siu-fan, Fanny" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "KWOK Siu-fan, Fanny" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Officer created by import/ })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test("an import with a bad row saves nothing and says which row and column", async ({ page }) => {
  const prefix = `BAD${uniqueSuffix()}`.toUpperCase();
  const csv = [csvHeader, `${prefix}-1,Ma,Wing-yan,,馬詠欣,STP,PLAND,,wy.ma@example.gov.hk`, `${prefix}-2,Siu,Hoi-ting,,蕭凱婷,NOPE,PLAND,,not-an-email`].join("\n");
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto("/officers/import");
  await uploadForCheck(page, csv);
  const errors = page.getByTestId("import-error");
  await expect(errors).toHaveCount(2);
  await expect(errors.filter({ hasText: "Work email" })).toContainText("Enter a valid email address.");
  await expect(errors.filter({ hasText: "Rank code" })).toContainText('"NOPE" is not a rank code of your side.');
  await expect(errors.first().getByRole("rowheader")).toHaveText("3");
  await expect(page.getByRole("button", { name: /confirm the import/ })).toHaveCount(0);
  expect(await db.officer.count({ where: { staffNumber: { startsWith: prefix } } })).toBe(0);

  await page.getByLabel("2. Choose the file").setInputFiles({ name: "officers.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("file-problems")).toContainText("Files of type .pdf cannot be imported.");
});

test("the officer form shows errors next to the fields in Chinese and keeps what was typed", async ({ page }) => {
  const { hk } = await hongKong();
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: hk.id, name: "Form Test Coordinator", locale: "zh_Hant" });
  await signInAndWait(page, coordinator.email, coordinator.password);
  await page.goto("/officers/new");
  await expect(page.getByRole("heading", { level: 1, name: "新增人員" })).toBeVisible();
  await page.getByLabel("姓氏（英文）").fill("Cheng");
  await page.getByLabel("中文姓名").fill("Cheng Siu-man");
  await page.getByLabel("工作電郵").fill("not-an-email");
  await page.getByRole("button", { name: "建立人員記錄" }).click();

  await expect(formAlert(page)).toContainText("請更正下列標示的欄位。");
  const staffNumber = page.getByLabel("職員編號");
  await expect(staffNumber).toHaveAttribute("aria-invalid", "true");
  await expect(staffNumber).toHaveAccessibleDescription(/此欄必須填寫。/);
  await expect(staffNumber).toBeFocused();
  await expect(page.getByLabel("中文姓名")).toHaveAccessibleDescription(/請以中文字輸入姓名/);
  await expect(page.getByLabel("工作電郵")).toHaveAccessibleDescription(/請輸入有效的電郵地址。/);
  await expect(page.getByLabel("姓氏（英文）")).toHaveValue("Cheng");
  await expect(page.getByLabel("中文姓名")).toHaveValue("Cheng Siu-man");
  await expectNoSeriousAccessibilityViolations(page);

  const staff = `F${uniqueSuffix()}`.toUpperCase();
  await staffNumber.fill(staff);
  await page.getByLabel("名字（英文）").fill("Siu-man");
  await page.getByLabel("中文姓名").fill("鄭小文");
  await page.getByLabel("工作電郵").fill("sm.cheng@example.gov.hk");
  await page.getByLabel("職級").selectOption({ label: "高級城市規劃師" });
  await page.getByLabel("所屬部門").selectOption({ label: "規劃署" });
  await page.getByRole("button", { name: "建立人員記錄" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CHENG Siu-man" })).toBeVisible();
  expect(await db.officer.findFirst({ where: { staffNumber: staff, jurisdictionId: hk.id } })).toMatchObject({ chineseName: "鄭小文" });
});

test("a stale edit in a second window is refused with who changed it, and nothing is overwritten", async ({ browser }) => {
  const { hk, rank, department } = await hongKong();
  const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Stale", givenName: "Edit-test" });
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAndWait(first, "csb.coordinator@exchange.demo");
  await signInAndWait(second, "csb.coordinator@exchange.demo");
  await first.goto(`/officers/${officer.id}/edit`);
  await second.goto(`/officers/${officer.id}/edit`);
  await first.getByLabel("Given name").fill("First-window");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("heading", { level: 1, name: "STALE First-window" })).toBeVisible();

  await second.getByLabel("Given name").fill("Second-window");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(formAlert(second)).toContainText("This record was changed by CSB Coordinator (demo) at");
  await expect(formAlert(second)).toContainText("reload the page");
  await expect(second.getByLabel("Given name")).toHaveValue("Second-window");
  expect(await db.officer.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ givenName: "First-window", version: 2 });
  await first.context().close();
  await second.context().close();
});

test("deactivating an officer asks first", async ({ page }) => {
  const { hk, rank, department } = await hongKong();
  const officer = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id, surname: "Retiring", givenName: "Soon" });
  await signInAndWait(page, "csb.coordinator@exchange.demo");
  await page.goto(`/officers/${officer.id}`);
  await page.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate this officer?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await db.officer.findUniqueOrThrow({ where: { id: officer.id } })).active).toBe(true);
  await page.getByRole("button", { name: "Deactivate" }).click();
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  expect((await db.officer.findUniqueOrThrow({ where: { id: officer.id } })).active).toBe(false);
});

test("an officer cannot open the officer list, and the other side gets 404 for an officer it does not host", async ({ page, browser }) => {
  await signInAndWait(page, "officer@exchange.demo");
  const response = await page.goto("/officers");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();

  const { hk, rank, department } = await hongKong();
  const unplaced = await createOfficer(db, { jurisdictionId: hk.id, rankId: rank.id, departmentId: department.id });
  const shenzhen = await (await browser.newContext()).newPage();
  await signInAndWait(shenzhen, "szod.coordinator@exchange.demo");
  const notFound = await shenzhen.goto(`/officers/${unplaced.id}`);
  expect(notFound?.status()).toBe(404);
  await shenzhen.context().close();
});

test("the host side sees a placed officer without the staff number", async ({ page }) => {
  const placement = await db.placement.findFirstOrThrow({
    where: { status: { not: "WITHDRAWN" }, cohort: { sendingJurisdiction: { code: "HK" }, hostJurisdiction: { code: "SZ" } } },
    include: { officer: true },
  });
  await signInAndWait(page, "szod.coordinator@exchange.demo");
  await page.goto(`/officers/${placement.officerId}`);
  await expect(page.getByText("You see what the host side needs")).toBeVisible();
  await expect(page.getByText(placement.officer.workEmail)).toBeVisible();
  await expect(page.locator("main")).not.toContainText(placement.officer.staffNumber);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
});

test("the Shenzhen coordinator sets a host unit's capacity; below the places taken is refused", async ({ page }) => {
  const used = await db.placement.groupBy({
    by: ["hostUnitId", "cohortId"],
    where: { status: { not: "WITHDRAWN" }, hostUnitId: { not: null }, hostUnit: { jurisdiction: { code: "SZ" } } },
    _count: { _all: true },
    orderBy: { _count: { hostUnitId: "desc" } },
    take: 1,
  });
  const [{ hostUnitId, cohortId, _count }] = used;
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
  const storedBefore = await db.hostUnitCapacity.findUnique({ where: { hostUnitId_cohortId: { hostUnitId: hostUnitId!, cohortId } } });
  await signInAndWait(page, "szod.coordinator@exchange.demo");
  await page.goto("/host-units");
  await expectNoSeriousAccessibilityViolations(page);
  await page.goto(`/host-units/${hostUnitId}`);
  const section = page.getByRole("region", { name: cohort.nameEn, exact: true });
  const field = section.getByLabel(`Capacity for ${cohort.nameEn}`);
  await field.fill(String(_count._all - 1));
  await field.press("Enter");
  await expect(field).toHaveAccessibleDescription("The capacity cannot be lower than the places already taken.");
  expect(await db.hostUnitCapacity.findUnique({ where: { hostUnitId_cohortId: { hostUnitId: hostUnitId!, cohortId } } })).toEqual(storedBefore);
  await field.fill(String(_count._all + 2));
  await section.getByRole("button", { name: "Save capacity" }).click();
  await expect(page.getByRole("status").locator("[data-notice-text]")).toHaveText(new RegExp(`now has ${_count._all + 2} places in ${cohort.nameEn}\\.$`));
  await expect(section.getByTestId("places-used")).toHaveText(`${_count._all} of ${_count._all + 2} places taken`);
  await expectNoSeriousAccessibilityViolations(page);
});

test("a supervisor sees only its own host unit", async ({ page }) => {
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@exchange.demo" } });
  const other = await db.hostUnit.findFirstOrThrow({ where: { id: { not: supervisor.hostUnitId! }, jurisdiction: { code: "SZ" } } });
  await signInAndWait(page, supervisor.email);
  await page.goto("/host-units");
  await expect(page.getByTestId("host-unit-row")).toHaveCount(1);
  const response = await page.goto(`/host-units/${other.id}`);
  expect(response?.status()).toBe(404);
});
