import { expect, test } from "./fixtures";
import { createOfficer, createUser, uniqueSuffix } from "../factories";
import { openE2eDatabase } from "./database";
import { expectNoSeriousAccessibilityViolations, signInAndWait } from "./helpers";

// Issue 12 §4: typing a name in Simplified characters finds it written in Traditional ones and the other way round
// (decision 061); the list shows the name as it is stored.
const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

test("the officer search finds 陳 by 陈 and 陈 by 陳, in 繁體中文 at 390 and 1366 px", async ({ page }) => {
  const hk = await db.jurisdiction.findUniqueOrThrow({ where: { code: "HK" } });
  const suffix = uniqueSuffix().toUpperCase();
  // Given names no demo officer has, so that the search finds exactly these two.
  const traditional = await createOfficer(db, { jurisdictionId: hk.id, surname: `Chan${suffix}`, chineseName: "陳鑾鐘" });
  const simplified = await createOfficer(db, { jurisdictionId: hk.id, surname: `Chen${suffix}`, chineseName: "陈钥锁" });
  const coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: hk.id, locale: "zh_Hant", name: "搜尋測試統籌主任" });
  await signInAndWait(page, coordinator.email, coordinator.password);

  await page.goto("/officers");
  await page.getByRole("searchbox", { name: "搜尋" }).fill("陈銮钟");
  await page.getByRole("searchbox", { name: "搜尋" }).press("Enter");
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByTestId("officer-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("陳鑾鐘");
  await expect(rows.first()).toContainText(traditional.staffNumber);

  await page.goto(`/officers?q=${encodeURIComponent("陳鑰鎖")}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("陈钥锁");
  await expect(rows.first()).toContainText(simplified.staffNumber);
  await expectNoSeriousAccessibilityViolations(page);
});
