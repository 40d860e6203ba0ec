import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { createTwoSidedWorld, uniqueSuffix, type TwoSidedWorld } from "@/tests/factories";
import { findAuditEntries, unsafeFindRecordHistory } from "@/features/audit/queries";
import { auditListParamsSchema } from "@/features/audit/schemas";
import { saveReferenceRecord, setReferenceActive } from "./mutations";
import { findReferenceRecord, findReferenceRows } from "./queries";
import { referenceListParamsSchema, referenceRecordSchema } from "./schemas";
import { actorFromUser } from "@/lib/auth/actor";

const request = { requestId: "reference-test", ipAddress: "127.0.0.1" };

let world: TwoSidedWorld;
let admin: Actor;
let coordinator: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  admin = actorFromUser(world.admin);
  coordinator = actorFromUser(world.hkCoordinator);
});
afterAll(async () => db.$disconnect());

const save = (actor: Actor, input: Record<string, unknown>) => saveReferenceRecord(actor, request, referenceRecordSchema.parse(input));
const names = (label: string) => ({ nameEn: label, nameZhHant: `${label}（繁）`, nameZhHans: `${label}（简）` });

describe("reference data", () => {
  it("adds a new jurisdiction (Beijing) as data, then departments, ranks and host units on it", async () => {
    const code = `BJ${uniqueSuffix()}`.toUpperCase();
    const { id: beijing } = await save(admin, { referenceKind: "jurisdictions", code, jurisdictionKind: "MAINLAND_CITY", timeZone: "Asia/Shanghai", nameEn: "Beijing", nameZhHant: "北京市", nameZhHans: "北京市" });
    const { id: department } = await save(admin, { referenceKind: "departments", jurisdictionId: beijing, code: "BJDRC", departmentKind: "BUREAU", ...names("Development and Reform Commission") });
    const { id: rank } = await save(admin, { referenceKind: "ranks", jurisdictionId: beijing, grade: "DIV", level: "2", code: "DC", ...names("Division Chief") });
    const { id: unit } = await save(admin, { referenceKind: "host-units", jurisdictionId: beijing, code: "BJ-HD", district: "Haidian", defaultCapacity: "2", fieldIds: [world.field.id], ...names("Haidian District") });
    expect(await db.department.findUniqueOrThrow({ where: { id: department } })).toMatchObject({ jurisdictionId: beijing, code: "BJDRC" });
    expect(await db.rank.findUniqueOrThrow({ where: { id: rank } })).toMatchObject({ jurisdictionId: beijing, level: 2 });
    expect(await db.hostUnitField.count({ where: { hostUnitId: unit } })).toBe(1);
    const created = await db.auditLog.findMany({ where: { entityId: { in: [beijing, department, rank, unit] } }, orderBy: { id: "asc" } });
    expect(created.map((entry) => entry.action)).toEqual(["jurisdiction.create", "department.create", "rank.create", "hostUnit.create"]);
    const rows = await findReferenceRows(admin, "departments", referenceListParamsSchema.parse({ jurisdiction: beijing }));
    expect(rows.rows.map((row) => row.id)).toEqual([department]);
  });

  it("refuses duplicate codes and rank levels next to the field", async () => {
    await expect(save(admin, { referenceKind: "departments", jurisdictionId: world.hk.id, code: world.hkDepartment.code, departmentKind: "DEPARTMENT", ...names("Dup") })).rejects.toMatchObject({
      fieldErrors: { code: ["codeTaken"] },
    });
    await expect(save(admin, { referenceKind: "ranks", jurisdictionId: world.hk.id, grade: world.hkRank.grade, level: String(world.hkRank.level), code: "NEWCODE", ...names("Dup") })).rejects.toMatchObject({
      fieldErrors: { level: ["rankLevelTaken"] },
    });
    await expect(save(admin, { referenceKind: "departments", code: "NOSIDE", departmentKind: "DEPARTMENT", ...names("No side") })).rejects.toMatchObject({
      fieldErrors: { jurisdictionId: ["required"] },
    });
  });

  it("edits with the version it started from; a stale edit is refused and nothing is overwritten", async () => {
    const { id } = await save(admin, { referenceKind: "fields", code: `F${uniqueSuffix()}`, sortOrder: "50", ...names("Public health") });
    const loaded = await findReferenceRecord(admin, "fields", id);
    await save(admin, { referenceKind: "fields", id, version: loaded!.versionToken, code: loaded!.code, sortOrder: "5", ...names("Public health services") });
    const stale = save(admin, { referenceKind: "fields", id, version: loaded!.versionToken, code: loaded!.code, sortOrder: "99", ...names("Overwritten") });
    await expect(stale).rejects.toMatchObject({ messageKey: "staleRecord", values: { name: world.admin.name } });
    expect(await db.field.findUniqueOrThrow({ where: { id } })).toMatchObject({ sortOrder: 5, nameEn: "Public health services", version: 2 });
    const update = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "field.update" } });
    expect(update.before).toEqual({ sortOrder: 50, nameEn: "Public health", nameZhHant: "Public health（繁）", nameZhHans: "Public health（简）" });
  });

  it("versions jurisdictions by their last update time", async () => {
    const loaded = await findReferenceRecord(admin, "jurisdictions", world.sz.id);
    const input = { referenceKind: "jurisdictions", id: world.sz.id, version: loaded!.versionToken, code: loaded!.code, jurisdictionKind: "MAINLAND_CITY", timeZone: "Asia/Shanghai" };
    await save(admin, { ...input, ...names("Shenzhen Municipality") });
    await expect(save(admin, { ...input, ...names("Lost update") })).rejects.toMatchObject({ messageKey: "staleRecord" });
    expect((await db.jurisdiction.findUniqueOrThrow({ where: { id: world.sz.id } })).nameEn).toBe("Shenzhen Municipality");
  });

  it("deactivates and reactivates, audited, never deletes", async () => {
    const unit = world.hkHostUnits[1];
    await setReferenceActive(admin, request, { referenceKind: "host-units", id: unit.id, version: "1", active: false });
    expect(await db.hostUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ active: false, version: 2 });
    await expect(setReferenceActive(admin, request, { referenceKind: "host-units", id: unit.id, version: "1", active: true })).rejects.toMatchObject({ messageKey: "staleRecord" });
    await setReferenceActive(admin, request, { referenceKind: "host-units", id: unit.id, version: "2", active: true });
    const history = await unsafeFindRecordHistory([{ entityType: "HostUnit", entityId: unit.id }]);
    expect(history.map((entry) => entry.action)).toEqual(["hostUnit.reactivate", "hostUnit.deactivate"]);
    await expect(setReferenceActive(admin, request, { referenceKind: "ranks", id: "no-such-rank", version: "1", active: false })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is for admins only", async () => {
    await expect(save(coordinator, { referenceKind: "fields", code: "X", sortOrder: "1", ...names("X") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReferenceActive(coordinator, request, { referenceKind: "fields", id: world.field.id, version: "1", active: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findReferenceRows(coordinator, "fields", referenceListParamsSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("audit log browsing", () => {
  it("filters by actor, action, entity type and Hong Kong dates, newest first, admins only", async () => {
    const params = (input: Record<string, string>) => auditListParamsSchema.parse(input);
    const byAction = await findAuditEntries(admin, params({ action: "hostUnit.deactivate" }));
    expect(byAction.entries.length).toBeGreaterThan(0);
    expect(byAction.entries.every((entry) => entry.action === "hostUnit.deactivate")).toBe(true);
    const byActor = await findAuditEntries(admin, params({ actor: world.admin.name }));
    expect(byActor.entries.every((entry) => entry.actorEmail === world.admin.email)).toBe(true);
    const byType = await findAuditEntries(admin, params({ entityType: "Field" }));
    expect(byType.entries.every((entry) => entry.entityType === "Field")).toBe(true);
    const times = byActor.entries.map((entry) => entry.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const future = await findAuditEntries(admin, params({ from: "2999-01-01" }));
    expect(future.total).toBe(0);
    await expect(findAuditEntries(coordinator, params({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
