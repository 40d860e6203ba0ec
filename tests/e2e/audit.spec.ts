import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";
import { createOfficer, createPlacement, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { formatDateTime } from "../../lib/i18n/format";
import { formatOfficerName } from "../../features/officers/names";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

// The audit trail as an admin reads it, in English and 繁體中文, at 1366 px (compact table rows) and 390 px (cards):
// translated actions, field labels with old → new values by name, a link to the officer, the CSV export, and the
// placement page's history rendered the same way. The entries are written as the placement workflow writes them,
// one of them under an older stored name and with every empty column, as entries from before this change are.

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

async function placementWithHistory(copies = 0) {
  const s = uniqueSuffix();
  const cohort = await db.cohort.findFirstOrThrow({ where: { status: { not: "COMPLETED" } }, orderBy: { code: "asc" } });
  const hostUnit = await db.hostUnit.findFirstOrThrow({ where: { jurisdictionId: cohort.hostJurisdictionId, active: true }, orderBy: { code: "asc" } });
  const officer = await createOfficer(db, { jurisdictionId: cohort.sendingJurisdictionId, surname: `Audit${s}`, givenName: "Siu-ming", otherName: null, chineseName: "審計明" });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: cohort.id });
  const jurisdiction = await db.jurisdiction.findUniqueOrThrow({ where: { id: cohort.sendingJurisdictionId } });
  const officerName = `${formatOfficerName({ ...officer, jurisdiction })} 審計明`;
  const requestId = `e2e-audit-${s}`;
  const dates = { startDate: placement.startDate.toISOString().slice(0, 10), endDate: placement.endDate.toISOString().slice(0, 10) };
  const nominate = { officerId: officer.id, cohortId: cohort.id, status: "NOMINATED", hostUnitId: null, fieldId: null, postTitle: null, ...dates, sendingApprovedAt: null, version: 1 };
  const entry = { entityType: "Placement", entityId: placement.id, requestId };
  const write = (nominatedAt: Date, assignedAt: Date) =>
    db.auditLog.createMany({
      data: [
        { ...entry, action: "placement.nominate", actorEmail: "csb.coordinator@exchange.demo", createdAt: nominatedAt, after: nominate },
        {
          ...entry,
          action: "placement.update",
          actorEmail: "host.coordinator@exchange.demo",
          createdAt: assignedAt,
          before: { status: "NOMINATED", hostUnitId: null, version: 1 },
          after: { status: "ASSIGNED", hostUnitId: hostUnit.id, version: 2 },
        },
      ],
    });
  await write(new Date("2026-11-02T01:30:00Z"), new Date("2026-11-03T02:45:00Z"));
  // Older copies, to measure a full page of such entries.
  for (let day = 1; day <= copies; day += 1) await write(new Date(Date.UTC(2026, 9, day, 1)), new Date(Date.UTC(2026, 9, day, 2)));
  return { officer, officerName, placement, hostUnit, ids: [officer.id, placement.id, hostUnit.id, cohort.id] };
}

async function expectNoIds(page: Page, ids: string[]) {
  const text = await page.locator("main").innerText();
  for (const id of ids) expect(text).not.toContain(id);
}

test("a page of 50 nominations and assignments is compact at 1366 px (such a page was 13,600 px tall)", async ({ page }) => {
  const { placement } = await placementWithHistory(24);
  await signInAndWait(page, "admin@exchange.demo");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/admin/audit?entityId=${placement.id}`);
  await expect(page.getByTestId("audit-row")).toHaveCount(50);
  const tableHeight = await page.locator("main table").evaluate((table) => table.getBoundingClientRect().height);
  test.info().annotations.push({ type: "audit table height, 50 rows at 1366 px", description: `${Math.round(tableHeight)} px` });
  // Measured 4,082 px on 2026-12-03 (82 px a row, against 272 px before): a third of the old height at most.
  expect(tableHeight).toBeLessThan(13_600 / 3);
});

test("the audit log reads as labels and names, cards at 390 px, and exports what it shows; the placement history reads the same", async ({ page }) => {
  const { officer, officerName, placement, hostUnit, ids } = await placementWithHistory();
  await signInAndWait(page, "admin@exchange.demo");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/admin/audit?entityId=${placement.id}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  const [assigned, nominated] = [rows.nth(0), rows.nth(1)];
  await expect(assigned.getByRole("rowheader")).toContainText("Assignment changed");
  await expect(assigned.getByTestId("audit-changes")).toContainText(`Host unit: was (empty) → now ${hostUnit.nameEn}`);
  await expect(assigned.getByTestId("audit-changes")).toContainText("Status: was Nominated → now Assigned");
  await expect(nominated.getByRole("rowheader")).toContainText("Officer nominated");
  // A new record lists what it was given: five fields, not the empty columns or the version.
  await expect(nominated.getByTestId("audit-changes").getByRole("listitem")).toHaveCount(5);
  await expect(nominated).toContainText(formatDateTime(new Date("2026-11-02T01:30:00Z"), "en"));
  await expect(nominated.getByTestId("audit-changes").getByRole("link", { name: officerName })).toHaveAttribute("href", `/officers/${officer.id}`);
  await expectNoIds(page, ids);
  // Below 768 px each entry is a card: its cells stacked, each named by its column.
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(page.locator("main thead")).toBeHidden();
  expect(await nominated.evaluate((row) => getComputedStyle(row).display)).toBe("block");
  expect(await nominated.locator("td").first().evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"When and who"');
  await page.setViewportSize({ width: 1366, height: 900 });
  await expectNoSeriousAccessibilityViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("Officer nominated");
  expect(csv).toContain(`Host unit: (empty) → ${hostUnit.nameEn}`);
  await expect.poll(() => db.auditLog.count({ where: { action: "auditLog.export", after: { path: ["filters", "entityId"], equals: placement.id } } })).toBe(1);

  // The placement page's history is the same rendering.
  await page.goto(`/placements/${placement.id}`);
  const history = page.getByTestId("history-row");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText(`Host unit: was (empty) → now ${hostUnit.nameEn}`);
  await expectNoIds(page, ids);
  await expectNoSeriousAccessibilityViolations(page);
});

test("繁體中文: actions, field labels, values and times in the reader's language, at both widths", async ({ page }) => {
  const { placement, hostUnit, ids } = await placementWithHistory();
  const admin = await createUser(db, { role: "ADMIN", name: `審計管理員 ${uniqueSuffix()}`, locale: "zh_Hant" });
  await signInAndWait(page, admin.email, admin.password);
  await page.goto(`/admin/audit?entityId=${placement.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "審計記錄" })).toBeVisible();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole("rowheader")).toContainText("更改派駐編配");
  await expect(rows.nth(0).getByTestId("audit-changes")).toContainText(`接收單位: 原為 （空白） → 現為 ${hostUnit.nameZhHant}`);
  await expect(rows.nth(0).getByTestId("audit-changes")).toContainText("狀態: 原為 已提名 → 現為 已分配");
  await expect(rows.nth(1).getByRole("rowheader")).toContainText("提名人員");
  await expect(rows.nth(1)).toContainText(formatDateTime(new Date("2026-11-02T01:30:00Z"), "zh-Hant"));
  await expectNoIds(page, ids);
  await expectNoSeriousAccessibilityViolations(page);
});
