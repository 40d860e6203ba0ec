import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { scopeWhere } from "@/lib/scopes";
import { assignPlacement, nominateOfficers } from "@/features/placements/mutations";
import { createOfficer, createTwoSidedWorld, uniqueSuffix, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { exportAuditLog } from "./export";
import { presentAuditEntries, readerContext, type PresentedEntry } from "./presentation";
import { findAuditEntries, findAuditFilterOptions, unsafeFindRecordHistory } from "./queries";
import { auditListParamsSchema } from "./schemas";

// The audit trail as people read it, against the real database: a nomination and an assignment written by the real
// mutations, presented in two languages; old stored names; links only to records the reader may open; the CSV
// export (filtered, formula-safe, admin only, itself audited).

let world: TwoSidedWorld;
const request = { requestId: `audit-read-${uniqueSuffix()}`, ipAddress: "192.0.2.10" };
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });
let placementId: string;
let officerId: string;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 50 } });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id], surname: "Wong", givenName: "Siu-ming", otherName: null, chineseName: "王小明" });
  officerId = officer.id;
  await nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [officer.id] });
  const placement = await db.placement.findFirstOrThrow({ where: { officerId: officer.id, cohortId: world.hkToSz.id } });
  placementId = placement.id;
  await assignPlacement(as(world.szCoordinator), {
    placementId,
    version: placement.version,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Special Assistant",
    startDate: placement.startDate,
    endDate: placement.endDate,
  });
});
afterAll(async () => db.$disconnect());

async function history(user: CreatedUser, locale: "en" | "zh-Hant" | "zh-Hans") {
  const entries = await unsafeFindRecordHistory([{ entityType: "Placement", entityId: placementId }]);
  return presentAuditEntries(entries, readerContext(actorFromUser(user), locale));
}

const change = (entry: PresentedEntry, field: string) => entry.changes.find((line) => line.field === field);

describe("an audit entry as a reader sees it", () => {
  it("shows a nomination by the fields it set, in the reader's language, references by name", async () => {
    const [assigned, nominated] = await history(world.hkCoordinator, "zh-Hant");
    expect(nominated.actionLabel).toBe("提名人員");
    expect(assigned.actionLabel).toBe("編配派駐安排");
    // Only what a nomination sets: no empty host unit, post, approvals; no bookkeeping version.
    expect(nominated.changes.map((line) => line.field).sort()).toEqual(["cohortId", "endDate", "officerId", "startDate", "status"]);
    expect(change(nominated, "officerId")).toMatchObject({ label: "人員", after: [{ text: "WONG Siu-ming 王小明" }] });
    expect(change(nominated, "cohortId")?.after?.[0].text).toBe(world.hkToSz.nameZhHant);
    expect(change(nominated, "status")?.after?.[0].text).toBe("已提名");
    expect(change(nominated, "startDate")?.after?.[0].text).toBe(formatCalendarDate(world.hkToSz.startDate, "zh-Hant"));
    expect(nominated.time).toBe(formatDateTime(nominated.createdAt, "zh-Hant"));
    expect(nominated.record?.text).toBe("WONG Siu-ming 王小明");
    const everyText = JSON.stringify([nominated, assigned].flatMap((entry) => entry.changes.flatMap((line) => [line.label, ...[...(line.before ?? []), ...(line.after ?? [])].map((value) => value.text)])));
    expect(everyText).not.toContain(officerId);
    expect(everyText).not.toContain(world.hkToSz.id);
  });

  it("shows an assignment as old → new of only the fields that changed", async () => {
    const [assigned] = await history(world.szCoordinator, "en");
    expect(assigned.actionLabel).toBe("Placement assigned");
    expect(assigned.changes.map((line) => line.field).sort()).toEqual(["fieldId", "hostUnitId", "postTitle", "status"]);
    expect(change(assigned, "status")).toMatchObject({ label: "Status", before: [{ text: "Nominated" }], after: [{ text: "Assigned" }] });
    expect(change(assigned, "hostUnitId")).toMatchObject({ label: "Host unit", before: [{ text: "(empty)" }], after: [{ text: world.szHostUnits[0].nameEn }] });
    expect(change(assigned, "postTitle")?.after?.[0].text).toBe("Special Assistant");
  });

  it("links a reference only when the reader may open that record", async () => {
    for (const user of [world.hkCoordinator, world.szCoordinator, world.admin, world.szSupervisor]) {
      const actor = actorFromUser(user);
      const [, nominated] = await history(user, "en");
      const [assigned] = await history(user, "en");
      const mayOpenOfficer = Boolean(await db.officer.findFirst({ where: { AND: [{ id: officerId }, scopeWhere("officer", actor)] } }));
      const mayOpenCohort = Boolean(await db.cohort.findFirst({ where: { AND: [{ id: world.hkToSz.id }, scopeWhere("cohort", actor)] } }));
      const mayOpenUnit = Boolean(await db.hostUnit.findFirst({ where: { AND: [{ id: world.szHostUnits[0].id }, scopeWhere("hostUnit", actor)] } }));
      expect(change(nominated, "officerId")?.after?.[0].href).toBe(mayOpenOfficer ? `/officers/${officerId}` : null);
      expect(change(nominated, "cohortId")?.after?.[0].href).toBe(mayOpenCohort ? `/cohorts/${world.hkToSz.id}` : null);
      expect(change(assigned, "hostUnitId")?.after?.[0].href).toBe(mayOpenUnit ? `/host-units/${world.szHostUnits[0].id}` : null);
    }
    // Not every reader may open every record, or the check above proves nothing.
    const officerLinks = await Promise.all([world.hkCoordinator, world.szCoordinator, world.admin, world.szSupervisor].map(async (user) => change((await history(user, "en"))[1], "officerId")?.after?.[0].href ?? null));
    expect(officerLinks).toContain(null);
    expect(officerLinks).toContain(`/officers/${officerId}`);
  });

  it("reads an entry stored under an older name as the current action, and filters by it", async () => {
    const requestId = `legacy-${uniqueSuffix()}`;
    await db.auditLog.create({ data: { action: "scheduleItem.created", entityType: "ScheduleItem", entityId: `gone-${requestId}`, after: { title: "Welcome", allDay: true }, requestId } });
    const admin = actorFromUser(world.admin);
    const list = await findAuditEntries(admin, auditListParamsSchema.parse({ action: "scheduleItem.create", entityId: `gone-${requestId}` }));
    expect(list.total).toBe(1);
    const [entry] = await presentAuditEntries(list.entries, readerContext(admin, "zh-Hans"));
    expect(entry.actionLabel).toBe("新增日程事项");
    expect(entry.record?.text).toBe("已不存在的记录");
    expect(change(entry, "allDay")?.after?.[0].text).toBe("是");
    const options = await findAuditFilterOptions(admin);
    expect(options.actions).toContain("scheduleItem.create");
    expect(options.actions).not.toContain("scheduleItem.created");
  });
});

describe("the audit log export", () => {
  // Bytes, not Response.text(): a UTF-8 decoder drops the byte-order mark this test looks for.
  const readCsv = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");

  it("writes the filtered entries as the page shows them, formula-safe, and records the export", async () => {
    const requestId = `export-${uniqueSuffix()}`;
    await db.auditLog.create({ data: { action: "scheduleItem.update", entityType: "ScheduleItem", entityId: requestId, actorEmail: "=cmd|' /C calc'!A0", before: { title: "Old" }, after: { title: "=HYPERLINK(\"http://x\")" }, requestId } });
    const admin = actorFromUser(world.admin);
    const params = auditListParamsSchema.parse({ entityId: placementId, page: "3" });
    const exported = await exportAuditLog(readerContext(admin, "en"), request, params);
    expect(exported.rowCount).toBe(2);
    expect(exported.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readCsv(exported.stream);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(["When (Hong Kong time)", "Who", "Email", "What", "Kind of record", "Record", "Changes", "IP address", "Request"]);
    expect(rows.map((row) => row.What)).toEqual(["Placement assigned", "Officer nominated"]);
    expect(rows[0].Changes).toContain(`Host unit: (empty) → ${world.szHostUnits[0].nameEn}`);
    expect(rows[1].Record).toBe("WONG Siu-ming 王小明");

    const risky = await exportAuditLog(readerContext(admin, "zh-Hant"), request, auditListParamsSchema.parse({ entityId: requestId }));
    const [row] = parse(await readCsv(risky.stream), { bom: true, columns: true }) as Record<string, string>[];
    expect(row["電郵"]).toBe("'=cmd|' /C calc'!A0");
    expect(row["操作"]).toBe("更改日程項目");
    expect(row["更改內容"]).toBe('標題: Old → =HYPERLINK("http://x")');

    const recorded = await db.auditLog.findMany({ where: { action: "auditLog.export", actorId: world.admin.id, requestId: request.requestId }, orderBy: { id: "asc" } });
    expect(recorded).toHaveLength(2);
    expect(recorded[0].after).toEqual({ format: "csv", filters: { entityId: placementId }, rowCount: 2, filename: exported.filename });
  });

  it("is for admins only", async () => {
    for (const user of [world.hkCoordinator, world.szSupervisor]) {
      await expect(exportAuditLog(readerContext(actorFromUser(user), "en"), request, auditListParamsSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.auditLog.count({ where: { action: "auditLog.export", actorId: { in: [world.hkCoordinator.id, world.szSupervisor.id] } } })).toBe(0);
  });
});
