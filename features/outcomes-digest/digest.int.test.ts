import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { Role } from "@/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { runRoute, type Translate } from "@/lib/route";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { acceptReport, saveReportDraft, submitReport } from "@/features/officer-reports/mutations";
import { readOutcomeDigestEntries, findOutcomeIds } from "@/features/officer-reports/library";
import { outcomesDigestRoute } from "./route";

// The outcomes digest of a cohort, read back from the PDF: what the library shows the reader, for one cohort, and
// nothing more: no sending-side-only section, no other cohort, no staff number for the host side, no other officer's
// name for an officer; the route's authorization per role, and the audit entry.

const t = createTranslator({ locale: "en", messages: loadMessages("en") }) as unknown as Translate;
const request = { requestId: "req-digest", ipAddress: "192.0.2.9" };
const sessionUser = (user: CreatedUser, locale: AppLocale = "en"): SessionUser => ({ ...actorFromUser(user), locale });
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

let world: TwoSidedWorld;
let cohortCode: string;

async function acceptFinalReport(author: CreatedUser, reviewer: CreatedUser, placementId: string, texts: { workDone: string; learned: string; applyAtHome: string; suggestions: string }) {
  const saved = await saveReportDraft(as(author), {
    placementId,
    kind: "FINAL",
    version: null,
    ...texts,
    workDoneShareable: true,
    learnedShareable: true,
    applyAtHomeShareable: false,
    suggestionsShareable: true,
  });
  const submitted = await submitReport(as(author), { reportId: saved.id, version: saved.version });
  await acceptReport(as(reviewer), { reportId: saved.id, version: submitted.version });
}

async function download(user: CreatedUser, query: Record<string, string>, locale: AppLocale = "en") {
  const url = `http://desk.test/outcomes/digest?${new URLSearchParams(query).toString()}`;
  return runRoute(outcomesDigestRoute, new NextRequest(url), { request, t, loadUser: async () => sessionUser(user, locale), params: {} });
}

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  cohortCode = world.hkToSz.code;
  const [yuen, pang] = world.hkOfficerUsers;
  const yuenPlacement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, postTitle: "Planning officer", status: "CONFIRMED" });
  await acceptFinalReport(yuen, world.hkCoordinator, yuenPlacement.id, {
    workDone: "## 前海規劃\n\n參與**跨境協作**平台的規劃，*community* engagement.\n\n- 社区咨询\n- 联合培训",
    learned: "社區諮詢的做法 in Shenzhen.",
    applyAtHome: "機密人事安排 — sending side only.",
    suggestions: "1. 設立聯合培訓日\n2. Share the **planning** data",
  });
  const pangPlacement = await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[1].id, postTitle: "Housing officer", status: "CONFIRMED" });
  await acceptFinalReport(pang, world.hkCoordinator, pangPlacement.id, {
    workDone: "Studied public housing allocation in 深圳.",
    learned: "Waiting-list rules.",
    applyAtHome: "Personal matters, not for the host.",
    suggestions: "Joint housing seminar.",
  });
  // A report of the other cohort (mainland officers in Hong Kong): never in the Hong Kong → Shenzhen digest.
  const szOfficer = await createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id });
  const szOfficerUser = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.sz.id, officerId: szOfficer.id });
  const szPlacement = await createPlacement(db, { officerId: szOfficer.id, cohortId: world.szToHk.id, hostUnitId: world.hkHostUnits[0].id, status: "CONFIRMED" });
  await acceptFinalReport(szOfficerUser, world.szCoordinator, szPlacement.id, {
    workDone: "Other cohort's harbour works.",
    learned: "另一批次的经验",
    applyAtHome: "x",
    suggestions: "y",
  });
  // A long report, accepted last (so listed first): it runs over several pages.
  const longOfficer = await createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id });
  const longOfficerUser = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.sz.id, officerId: longOfficer.id });
  const longPlacement = await createPlacement(db, { officerId: longOfficer.id, cohortId: world.szToHk.id, hostUnitId: world.hkHostUnits[0].id, postTitle: "Long report post", status: "CONFIRMED" });
  const paragraphs = Array.from({ length: 90 }, (_, index) => `Paragraph ${index + 1}: 深港两地在规划审批、社区咨询与公共房屋方面的做法各有所长，值得互相借鉴 and compared in detail.`);
  await acceptFinalReport(longOfficerUser, world.szCoordinator, longPlacement.id, { workDone: paragraphs.join("\n\n"), learned: "Last words of the long report.", applyAtHome: "x", suggestions: "y" });
});
afterAll(async () => db.$disconnect());

describe("the outcomes digest PDF", () => {
  it("holds the cohort's title, filters, contents and each report's shareable sections, in both scripts", async () => {
    const text = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id }));
    expect(text).toContain(`Outcomes digest — ${world.hkToSz.nameEn}`);
    expect(text).toContain(`Cohort: ${cohortCode} — ${world.hkToSz.nameEn}`);
    expect(text).toMatch(/Generated .+ \(Hong Kong time\) by /);
    expect(text).toContain("2 accepted final reports");
    expect(text).toContain("Contents");
    // Markdown as text: the heading, bold and list items, Traditional and Simplified characters untouched.
    for (const words of ["前海規劃", "跨境協作", "社区咨询", "联合培训", "設立聯合培訓日", "Share the planning data", "社區諮詢的做法 in Shenzhen.", "Studied public housing allocation in 深圳."]) {
      expect(text).toContain(words);
    }
    expect(text).toContain("Work done");
    expect(text).toContain("Suggestions for cross-boundary collaboration");
    // Every page numbered out of the final count (title and contents, then a page per report).
    expect(text).toContain("Page 1 of 3");
    expect(text).toContain("Page 3 of 3");
    expect(text).not.toContain("of 0");
  });

  it("never holds a sending-side-only section or another cohort's report", async () => {
    const text = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id }));
    expect(text).not.toContain("機密人事安排");
    expect(text).not.toContain("Personal matters");
    expect(text).not.toContain("What could apply at home");
    expect(text).not.toContain("harbour works");
    expect(text).not.toContain("另一批次");
  });

  it("names officers as the reader may see them: staff numbers for the sending side only, and an officer sees only their own name", async () => {
    const staffNumber = world.hkOfficers[0].staffNumber;
    const sending = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id }));
    expect(sending).toContain(`YUEN Ka-wai, Karen (袁嘉慧), staff number ${staffNumber}`);

    const host = await pdfText(await download(world.szCoordinator, { cohort: world.hkToSz.id }));
    expect(host).toContain("YUEN Ka-wai, Karen (袁嘉慧)");
    expect(host).toContain("跨境協作");
    expect(host).not.toContain(staffNumber);
    expect(host).not.toContain(world.hkOfficers[1].staffNumber);
    expect(host).not.toContain("staff number");

    const officer = await pdfText(await download(world.hkOfficerUsers[1], { cohort: world.hkToSz.id }));
    expect(officer).toContain("跨境協作");
    expect(officer).toContain("PANG Chi-wing, Ronald (彭志榮)");
    expect(officer).not.toContain("YUEN");
    expect(officer).not.toContain("袁嘉慧");
    expect(officer).not.toContain(staffNumber);
  });

  it("is written in the reader's language, the cohort named in it", async () => {
    const text = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id }, "zh-Hans"));
    expect(text).toContain(`成果摘要 — ${world.hkToSz.nameZhHans}`);
    expect(text).toContain(`交流批次：${cohortCode}`);
    expect(text).toContain("目录");
    expect(text).toContain("第 1 页，共 3 页");
    expect(text).toContain("跨境協作"); // a Traditional report stays Traditional in a Simplified digest
  });

  it("applies the library's filters, and says so when no report matches", async () => {
    const filtered = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id, hostUnit: world.szHostUnits[1].id, q: "housing" }));
    expect(filtered).toContain("Host unit: ");
    expect(filtered).toContain("Words: housing");
    expect(filtered).toContain("1 accepted final report");
    expect(filtered).toContain("Studied public housing");
    expect(filtered).not.toContain("跨境協作");

    const empty = await pdfText(await download(world.hkCoordinator, { cohort: world.hkToSz.id, q: "不存在的字词" }));
    expect(empty).toContain("No accepted final reports match these filters.");
    expect(empty).toContain("0 accepted final reports");
    expect(empty).not.toContain("Contents");
    expect(empty).toContain("Page 1 of 1");
  });

  it("is refused as the library is: supervisors 403, a cohort outside the reader's scope 404, no cohort 400", async () => {
    expect((await download(world.szSupervisor, { cohort: world.hkToSz.id })).status).toBe(403);
    // A Hong Kong officer prepares with the cohorts Hong Kong sends, not the ones it hosts.
    expect((await download(world.hkOfficerUsers[0], { cohort: world.szToHk.id })).status).toBe(404);
    expect((await download(world.hkCoordinator, { cohort: "no-such-cohort" })).status).toBe(404);
    const noCohort = await download(world.hkCoordinator, {});
    expect(noCohort.status).toBe(400);
    expect(await noCohort.json()).toEqual({ error: "Choose a cohort to download its digest." });
    for (const reader of [world.admin, world.hkOfficerUsers[0], world.szCoordinator]) {
      const response = await download(reader, { cohort: world.hkToSz.id });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="outcomes-digest-${cohortCode.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.pdf"`));
      await response.arrayBuffer();
    }
  });

  it("records each download as an export, with its filters and number of reports", async () => {
    const before = await db.auditLog.count({ where: { action: "outcomeDigest.export", entityId: world.hkToSz.id } });
    const response = await download(world.szCoordinator, { cohort: world.hkToSz.id, field: world.field.id });
    await response.arrayBuffer();
    const entries = await db.auditLog.findMany({ where: { action: "outcomeDigest.export", entityId: world.hkToSz.id, actorId: world.szCoordinator.id }, orderBy: { createdAt: "desc" } });
    expect(await db.auditLog.count({ where: { action: "outcomeDigest.export", entityId: world.hkToSz.id } })).toBe(before + 1);
    expect(entries[0]).toMatchObject({ entityType: "Cohort", requestId: "req-digest" });
    expect(entries[0].after).toMatchObject({ format: "pdf", rowCount: 1, filters: { cohort: world.hkToSz.id, field: world.field.id } });
  });

  it("numbers the contents with the page each report starts on, when a report runs over several pages", async () => {
    const text = await pdfText(await download(world.szCoordinator, { cohort: world.szToHk.id }));
    const pages = text.split(/\n-- \d+ of \d+ --\n/).map((page) => page.trim()).filter((page) => page !== "");
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
    const startsOn = (number: number) => pages.findIndex((page) => page.startsWith(`${number}. `)) + 1;
    expect(startsOn(1)).toBe(2);
    expect(startsOn(2)).toBeGreaterThan(3);
    // The contents line of each report ends with that page.
    expect(pages[0]).toMatch(new RegExp(`^1\\. .*Long report post ${startsOn(1)}$`, "m"));
    expect(pages[0]).toMatch(new RegExp(`^2\\. .* ${startsOn(2)}$`, "m"));
    expect(text).toContain("Paragraph 90:");
    expect(text).toContain("Last words of the long report.");
  });

  it("reads the reports in batches, in the library's order, within the reader's scope only", async () => {
    const admin = actorFromUser(world.admin);
    const ids = await findOutcomeIds(admin, { cohort: world.hkToSz.id, q: undefined, hostUnit: undefined, field: undefined });
    expect(ids).toHaveLength(2);
    const read = [];
    for await (const entry of readOutcomeDigestEntries(admin, ids, 1)) read.push(entry.id);
    expect(read).toEqual(ids);
    // Ids of the other cohort, handed to a reader whose scope does not reach it, yield nothing.
    const otherIds = await findOutcomeIds(admin, { cohort: world.szToHk.id, q: undefined, hostUnit: undefined, field: undefined });
    const leaked = [];
    for await (const entry of readOutcomeDigestEntries(actorFromUser(world.hkOfficerUsers[0]), otherIds)) leaked.push(entry.id);
    expect(leaked).toEqual([]);
  });
});
