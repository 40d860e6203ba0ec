import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { createOfficer as createOfficerRow, createPlacement, createSession, createUser, createTwoSidedWorld, uniqueSuffix, type TwoSidedWorld } from "@/tests/factories";
import { loadSessionUser } from "@/lib/auth/session";
import { createOfficer, setOfficerActive, updateOfficer } from "./mutations";
import { findOfficers, findOfficerView } from "./queries";
import { officerListParamsSchema, updateOfficerSchema } from "./schemas";
import { actorFromUser } from "@/lib/auth/actor";

const request = { requestId: "test-request", ipAddress: "127.0.0.1" };
const params = (input: Record<string, string> = {}) => officerListParamsSchema.parse(input);

let world: TwoSidedWorld;
let hk: Actor, sz: Actor, admin: Actor, supervisor: Actor, officer: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  hk = actorFromUser(world.hkCoordinator);
  sz = actorFromUser(world.szCoordinator);
  admin = actorFromUser(world.admin);
  supervisor = actorFromUser(world.szSupervisor);
  officer = actorFromUser(world.hkOfficerUsers[0]);
});
afterAll(async () => db.$disconnect());

function editInput(officerRow: { id: string; version: number; staffNumber: string; surname: string; givenName: string; rankId: string; departmentId: string; workEmail: string }, changes: Record<string, unknown> = {}) {
  return updateOfficerSchema.parse({
    id: officerRow.id,
    version: officerRow.version,
    staffNumber: officerRow.staffNumber,
    surname: officerRow.surname,
    givenName: officerRow.givenName,
    rankId: officerRow.rankId,
    departmentId: officerRow.departmentId,
    workEmail: officerRow.workEmail,
    fieldIds: [world.field.id],
    ...changes,
  });
}

describe("the officer list", () => {
  it("shows a coordinator only its own side's officers, and an admin every side", async () => {
    const szOfficer = await createOfficerRow(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id });
    const hkList = await findOfficers(hk, params({ status: "all" }), "en");
    expect(hkList.rows.map((row) => row.id).sort()).toEqual(world.hkOfficers.map((row) => row.id).sort());
    const szList = await findOfficers(sz, params(), "en");
    expect(szList.rows.map((row) => row.id)).toEqual([szOfficer.id]);
    const adminList = await findOfficers(admin, params({ q: szOfficer.staffNumber }), "en");
    expect(adminList.rows.map((row) => row.id)).toEqual([szOfficer.id]);
    expect((await findOfficers(supervisor, params(), "en")).total).toBe(0);
    expect((await findOfficers(officer, params(), "en")).total).toBe(0);
  });

  it("finds officers by any name field in any script, by staff number, and by several words", async () => {
    const [yuen, pang] = world.hkOfficers;
    const search = async (q: string) => (await findOfficers(hk, params({ q }), "en")).rows.map((row) => row.id);
    expect(await search("yuen")).toEqual([yuen.id]);
    expect(await search("Karen")).toEqual([yuen.id]);
    expect(await search("彭志")).toEqual([pang.id]);
    expect(await search(pang.staffNumber.toLowerCase())).toEqual([pang.id]);
    expect(await search("PANG Chi-wing, Ronald")).toEqual([pang.id]);
    expect(await search("Pang Karen")).toEqual([]);
    // LIKE's wildcards are searched for literally.
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
  });

  it("finds a name written in Traditional characters by its Simplified form and the other way round, storing it as written", async () => {
    const traditional = await createOfficerRow(db, { jurisdictionId: world.hk.id, surname: "Chan", chineseName: "陳詠詩" });
    const simplified = await createOfficerRow(db, { jurisdictionId: world.hk.id, surname: "Chen", chineseName: "陈晓东" });
    const search = async (q: string) => (await findOfficers(hk, params({ q }), "en")).rows.map((row) => row.id).sort();
    expect(await search("陈咏诗")).toEqual([traditional.id]);
    expect(await search("陳曉東")).toEqual([simplified.id]);
    expect(await search("陳")).toEqual([traditional.id, simplified.id].sort());
    expect(await search("陈")).toEqual([traditional.id, simplified.id].sort());
    // Several words, mixed scripts and a Latin word still all have to match.
    expect(await search("陈 Chan")).toEqual([traditional.id]);
    const list = await findOfficers(hk, params({ q: "陈咏诗" }), "en");
    expect(list.rows.map((row) => row.chineseName)).toEqual(["陳詠詩"]);
    expect((await db.officer.findUniqueOrThrow({ where: { id: traditional.id } })).chineseName).toBe("陳詠詩");
  });

  it("filters, sorts and pages in the database", async () => {
    const jurisdiction = await db.jurisdiction.create({ data: { code: `PG-${uniqueSuffix()}`, kind: "MAINLAND_CITY", nameEn: "Paging", nameZhHant: "分頁", nameZhHans: "分页" } });
    const coordinator = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: jurisdiction.id }));
    const first = await createOfficerRow(db, { jurisdictionId: jurisdiction.id, surname: "Aaa" });
    for (let index = 0; index < 26; index++) {
      await createOfficerRow(db, { jurisdictionId: jurisdiction.id, departmentId: first.departmentId, surname: `Zed${String(index).padStart(2, "0")}` });
    }
    await db.officer.update({ where: { id: first.id }, data: { active: false } });
    const activePage = await findOfficers(coordinator, params(), "en");
    expect(activePage.total).toBe(26);
    expect(activePage.pageCount).toBe(2);
    expect(activePage.rows[0].name).toMatch(/^Zed00 /);
    const secondPage = await findOfficers(coordinator, params({ page: "2" }), "en");
    expect(secondPage.rows.map((row) => row.name)).toEqual([expect.stringMatching(/^Zed25 /)]);
    const descending = await findOfficers(coordinator, params({ status: "all", dir: "desc" }), "en");
    expect(descending.rows[0].name).toMatch(/^Zed25 /);
    const inactive = await findOfficers(coordinator, params({ status: "inactive" }), "en");
    expect(inactive.rows.map((row) => row.id)).toEqual([first.id]);
    const beyond = await findOfficers(coordinator, params({ page: "99" }), "en");
    expect(beyond.page).toBe(2);
    const byRank = await findOfficers(coordinator, params({ rank: first.rankId, status: "all" }), "en");
    expect(byRank.rows.map((row) => row.id)).toEqual([first.id]);
  });
});

describe("data boundaries of one officer", () => {
  it("gives the own side the full record and admins a read-only one", async () => {
    const view = await findOfficerView(hk, world.hkOfficers[0].id);
    expect(view).toMatchObject({ access: "full", staffNumber: world.hkOfficers[0].staffNumber, canManage: true });
    expect(await findOfficerView(admin, world.hkOfficers[0].id)).toMatchObject({ access: "full", canManage: false });
  });

  it("answers null (404) to the other side, to officers and to supervisors while the officer is not placed with them", async () => {
    const target = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    expect(await findOfficerView(sz, target.id)).toBeNull();
    expect(await findOfficerView(supervisor, target.id)).toBeNull();
    expect(await findOfficerView(officer, target.id)).toBeNull();
    expect(await findOfficerView(hk, "no-such-officer")).toBeNull();
  });

  it("shows the host side only what it needs — never the staff number", async () => {
    const target = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    await createPlacement(db, { officerId: target.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id });
    for (const actor of [sz, supervisor]) {
      const view = await findOfficerView(actor, target.id);
      expect(view?.access).toBe("host");
      expect(view).not.toHaveProperty("staffNumber");
      expect(JSON.stringify(view)).not.toContain(target.staffNumber);
      expect(view?.workEmail).toBe(target.workEmail);
      expect(view?.placements).toHaveLength(1);
    }
    const otherSupervisor = actorFromUser(await createUser(db, { role: "SUPERVISOR", hostUnitId: world.szHostUnits[1].id }));
    expect(await findOfficerView(otherSupervisor, target.id)).toBeNull();
  });

  it("refuses edits from the other side (404), from admins and supervisors (403)", async () => {
    const target = world.hkOfficers[1];
    await expect(updateOfficer(sz, request, editInput(target))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateOfficer(admin, request, editInput(target))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateOfficer(supervisor, request, editInput(target))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setOfficerActive(sz, request, { id: target.id, version: target.version, active: false })).rejects.toBeInstanceOf(NotFoundError);
    const unchanged = await db.officer.findUniqueOrThrow({ where: { id: target.id } });
    expect(unchanged.version).toBe(target.version);
  });
});

describe("creating and editing", () => {
  it("creates an officer on the coordinator's own side, with its fields, and audits it", async () => {
    const staffNumber = `hk-${uniqueSuffix()}`;
    const { id } = await createOfficer(hk, request, {
      staffNumber: staffNumber.toUpperCase(),
      surname: "Tong",
      givenName: "Siu-ming",
      otherName: "Simon",
      chineseName: "唐少明",
      rankId: world.hkRank.id,
      departmentId: world.hkDepartment.id,
      workEmail: "simon.tong@example.test",
      fieldIds: [world.field.id],
    });
    const stored = await db.officer.findUniqueOrThrow({ where: { id }, include: { fields: true } });
    expect(stored).toMatchObject({ jurisdictionId: world.hk.id, staffNumber: staffNumber.toUpperCase(), version: 1 });
    expect(stored.fields.map((field) => field.fieldId)).toEqual([world.field.id]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Officer", entityId: id } });
    expect(audit).toMatchObject({ action: "officer.create", actorId: hk.userId, requestId: "test-request" });
    expect(audit.after).toMatchObject({ staffNumber: staffNumber.toUpperCase(), rank: "STP", department: "PLAND" });
  });

  it("refuses a staff number already used on the same side, and a rank of the other side, per field", async () => {
    const base = {
      surname: "Tong",
      givenName: "Siu-ming",
      otherName: null,
      chineseName: null,
      departmentId: world.hkDepartment.id,
      workEmail: "x@example.test",
      fieldIds: [],
    };
    const duplicate = createOfficer(hk, request, { ...base, staffNumber: world.hkOfficers[0].staffNumber, rankId: world.hkRank.id });
    await expect(duplicate).rejects.toMatchObject({ fieldErrors: { staffNumber: ["staffNumberTaken"] } });
    const wrongRank = createOfficer(hk, request, { ...base, staffNumber: `N${uniqueSuffix()}`.toUpperCase(), rankId: world.szRank.id });
    await expect(wrongRank).rejects.toMatchObject({ fieldErrors: { rankId: ["invalidChoice"] } });
    // The same staff number on the other side is another person.
    const other = await createOfficer(sz, request, { ...base, staffNumber: world.hkOfficers[0].staffNumber, rankId: world.szRank.id, departmentId: world.szDepartment.id });
    expect(other.id).not.toBe(world.hkOfficers[0].id);
  });

  it("refuses a stale edit with who changed it and when, and overwrites nothing", async () => {
    const target = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, surname: "Original" });
    const secondCoordinator = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, name: "Second HK Coordinator" }));
    // Both open the form at version 1.
    const first = editInput(target, { surname: "FirstEdit" });
    const second = editInput(target, { surname: "SecondEdit", givenName: "Changed" });
    const saved = await updateOfficer(secondCoordinator, request, first);
    expect(saved.version).toBe(2);
    const refusal = await updateOfficer(hk, request, second).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ messageKey: "staleRecord", values: { name: "Second HK Coordinator" } });
    expect((refusal as AppError).values.time).toBeInstanceOf(Date);
    const stored = await db.officer.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored).toMatchObject({ surname: "FirstEdit", givenName: target.givenName, version: 2 });
    expect(await db.auditLog.count({ where: { entityId: target.id, action: "officer.update" } })).toBe(1);
  });

  it("lets only one of two simultaneous edits from the same version through", async () => {
    const target = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    const results = await Promise.allSettled(
      ["Alpha", "Beta", "Gamma", "Delta"].map((surname) => updateOfficer(hk, request, editInput(target, { surname }))),
    );
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) expect((result as PromiseRejectedResult).reason).toMatchObject({ messageKey: "staleRecord" });
    expect((await db.officer.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(2);
  });

  it("refuses to deactivate an officer with a placement that has not ended, and audits a deactivation", async () => {
    const placed = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    await createPlacement(db, { officerId: placed.id, cohortId: world.hkToSz.id });
    await expect(setOfficerActive(hk, request, { id: placed.id, version: 1, active: false })).rejects.toMatchObject({ messageKey: "officerHasLivePlacement" });
    const free = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    await setOfficerActive(hk, request, { id: free.id, version: 1, active: false });
    expect(await db.officer.findUniqueOrThrow({ where: { id: free.id } })).toMatchObject({ active: false, version: 2 });
    expect(await db.auditLog.findFirst({ where: { entityId: free.id, action: "officer.deactivate" } })).not.toBeNull();
    await expect(setOfficerActive(hk, request, { id: free.id, version: 1, active: true })).rejects.toMatchObject({ messageKey: "staleRecord" });
  });

  it("signs the officer's own account out and keeps it out while the officer is inactive, and lets it back in after", async () => {
    const target = await createOfficerRow(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    const account = await createUser(db, { role: "OFFICER", officerId: target.id, jurisdictionId: world.hk.id });
    const other = world.hkOfficerUsers[0];
    const sessionId = await createSession(db, account.id);
    expect(await loadSessionUser(account.id, account.sessionVersion, sessionId)).not.toBeNull();

    await setOfficerActive(hk, request, { id: target.id, version: 1, active: false });
    const deactivated = await db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(deactivated).toMatchObject({ active: false, sessionVersion: account.sessionVersion + 1 });
    expect(await loadSessionUser(account.id, account.sessionVersion, sessionId)).toBeNull();
    expect(await db.auditLog.findFirst({ where: { entityId: account.id, action: "user.deactivate" } })).toMatchObject({ actorId: hk.userId });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ active: true }); // nobody else's

    await setOfficerActive(hk, request, { id: target.id, version: 2, active: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ active: true, sessionVersion: account.sessionVersion + 1 });
    expect(await loadSessionUser(account.id, account.sessionVersion + 1, sessionId)).not.toBeNull();
    expect(await db.auditLog.findFirst({ where: { entityId: account.id, action: "user.reactivate" } })).not.toBeNull();
  });
});
