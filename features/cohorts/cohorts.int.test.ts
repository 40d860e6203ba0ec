import { addDays } from "@/lib/dates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCohort as createCohortRow, createOfficer, createPlacement, createTwoSidedWorld, createUser, uniqueSuffix, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { createCohort, updateCohort } from "./mutations";
import { findCohortPage } from "./queries";
import { cohortPageSize } from "./schemas";
import { actorFromUser } from "@/lib/auth/actor";
import { appErrorRefusal } from "@/tests/support/refusal";

const request = { requestId: "cohort-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;

const refusal = appErrorRefusal;

function input(overrides: Partial<Parameters<typeof createCohort>[1]> = {}) {
  const suffix = uniqueSuffix().toUpperCase();
  return {
    code: `HKSZ-T${suffix}`,
    nameEn: `Test intake ${suffix}`,
    nameZhHant: `測試批次 ${suffix}`,
    nameZhHans: `测试批次 ${suffix}`,
    sendingJurisdictionId: world.hk.id,
    hostJurisdictionId: world.sz.id,
    startDate: new Date(Date.UTC(2030, 8, 2)),
    endDate: new Date(Date.UTC(2030, 10, 22)),
    nominationDeadline: new Date(Date.UTC(2030, 6, 31)),
    status: "PLANNING" as const,
    ...overrides,
  };
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

describe("the cohort list", () => {
  it("shows each side only its own cohorts and an admin all, searched in any language", async () => {
    const bj = await createUser(db, { role: "COORDINATOR" });
    const tag = uniqueSuffix();
    const hkToBj = await createCohortRow(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: bj.jurisdictionId!, nameZhHant: `京港交流 ${tag}`, nameEn: `Beijing ${tag}` });
    const szOnly = await createCohortRow(db, { sendingJurisdictionId: world.sz.id, hostJurisdictionId: bj.jurisdictionId!, nameZhHans: `深京交流 ${tag}`, nameEn: `Shenzhen ${tag}` });
    const ids = async (user: CreatedUser, q = tag) => (await findCohortPage(actorFromUser(user), { q, sort: "code", page: 1 }, "en")).rows.map((row) => row.id).sort();
    expect(await ids(world.hkCoordinator)).toEqual([hkToBj.id]);
    expect(await ids(world.szCoordinator)).toEqual([szOnly.id]);
    expect(await ids(bj)).toEqual([hkToBj.id, szOnly.id].sort());
    expect(await ids(world.admin)).toEqual([hkToBj.id, szOnly.id].sort());
    expect(await ids(world.admin, "京港交流")).toContain(hkToBj.id);
    expect(await ids(world.admin, "深京")).toEqual([szOnly.id]);
    expect(await ids(world.szSupervisor)).toEqual([]);
    expect(await ids(world.hkOfficerUsers[0])).toEqual([]);
    // The search is for the text typed: % and _ are not wildcards.
    expect(await ids(world.admin, `${tag.slice(0, 2)}%`)).toEqual([]);
    expect(await ids(world.admin, `Beijing_${tag}`)).toEqual([]);
    expect(await ids(world.admin, `beijing ${tag}`)).toEqual([hkToBj.id]);
  });

  it("names both sides, says which side the reader is on, and answers an empty search with one empty page", async () => {
    const cohort = await createCohortRow(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, code: `LIVE${uniqueSuffix()}`.toUpperCase() });
    const page = await findCohortPage(actorFromUser(world.hkCoordinator), { q: cohort.code, sort: "code", page: 1 }, "zh-Hant");
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ id: cohort.id, viewerRole: "sending", livePlacements: 0, sendingSide: { nameEn: world.hk.nameEn }, hostSide: { nameEn: world.sz.nameEn } });
    expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(await findCohortPage(actorFromUser(world.hkCoordinator), { q: `${cohort.code}-none`, sort: "code", page: 3 }, "en")).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it("filters by status, sorts, and pages in the database", async () => {
    const tag = `PAGE${uniqueSuffix()}`.toUpperCase();
    for (let index = 0; index < cohortPageSize + 5; index += 1) {
      await createCohortRow(db, {
        sendingJurisdictionId: world.hk.id,
        hostJurisdictionId: world.sz.id,
        code: `${tag}-${String(index).padStart(2, "0")}`,
        status: index % 5 === 0 ? "MATCHING" : "PLANNING",
      });
    }
    const actor = actorFromUser(world.hkCoordinator);
    const first = await findCohortPage(actor, { q: tag, sort: "code", page: 1 }, "en");
    expect(first).toMatchObject({ total: cohortPageSize + 5, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(cohortPageSize);
    expect(first.rows[0].code).toBe(`${tag}-00`);
    const second = await findCohortPage(actor, { q: tag, sort: "code", page: 2 }, "en");
    expect(second.rows.map((row) => row.code)).toEqual([20, 21, 22, 23, 24].map((n) => `${tag}-${n}`));
    // A page past the end shows the last page rather than an empty one.
    expect((await findCohortPage(actor, { q: tag, sort: "code", page: 9 }, "en")).page).toBe(2);
    const matching = await findCohortPage(actor, { q: tag, status: "MATCHING", sort: "code", page: 1 }, "en");
    expect(matching.rows.map((row) => row.code)).toEqual([0, 5, 10, 15, 20].map((n) => `${tag}-${String(n).padStart(2, "0")}`));
    // Workflow order: the 20 in planning fill page 1, the 5 in matching page 2.
    expect(new Set((await findCohortPage(actor, { q: tag, sort: "status", page: 1 }, "en")).rows.map((row) => row.status))).toEqual(new Set(["PLANNING"]));
    expect(new Set((await findCohortPage(actor, { q: tag, sort: "status", page: 2 }, "en")).rows.map((row) => row.status))).toEqual(new Set(["MATCHING"]));
  });
});

describe("creating and editing a cohort", () => {
  it("creates a cohort for the sending side's coordinator, audited in the same transaction", async () => {
    const values = input();
    const { id } = await createCohort({ actor: actorFromUser(world.hkCoordinator), request }, values);
    const stored = await db.cohort.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ code: values.code, status: "PLANNING", version: 1, sendingJurisdictionId: world.hk.id });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityType: "Cohort", entityId: id } });
    expect(entry).toMatchObject({ action: "cohort.create", actorId: world.hkCoordinator.id, before: null });
    expect(entry.after).toMatchObject({ code: values.code, startDate: "2030-09-02" });
  });

  it("refuses the host side, a taken code, a skipped status and an unknown side, each next to its field", async () => {
    expect((await refusal(createCohort({ actor: actorFromUser(world.szCoordinator), request }, input()))).messageKey).toBe("forbidden");
    const taken = input();
    await createCohort({ actor: actorFromUser(world.hkCoordinator), request }, taken);
    expect(await refusal(createCohort({ actor: actorFromUser(world.hkCoordinator), request }, input({ code: taken.code })))).toMatchObject({ fieldErrors: { code: ["cohortCodeTaken"] } });
    expect(await refusal(createCohort({ actor: actorFromUser(world.hkCoordinator), request }, input({ status: "MATCHING" })))).toMatchObject({ fieldErrors: { status: ["cohortStatusStep"] } });
    expect(await refusal(createCohort({ actor: actorFromUser(world.admin), request }, input({ hostJurisdictionId: "no-such-side" })))).toMatchObject({
      fieldErrors: { hostJurisdictionId: ["invalidValue"] },
    });
  });

  it("refuses a stale edit with who changed it, and keeps the first edit", async () => {
    const { id } = await createCohort({ actor: actorFromUser(world.hkCoordinator), request }, input());
    const colleague = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, name: `Second CSB Coordinator ${id}` });
    const start = await db.cohort.findUniqueOrThrow({ where: { id } });
    const base = { ...start, id, version: 1, nominationDeadline: start.nominationDeadline };
    await updateCohort({ actor: actorFromUser(colleague), request }, { ...base, nameEn: "First edit", status: "NOMINATIONS" });
    const stale = await refusal(updateCohort({ actor: actorFromUser(world.hkCoordinator), request }, { ...base, nameEn: "Second edit" }));
    expect(stale).toMatchObject({ messageKey: "staleRecord", values: { name: colleague.name } });
    expect(await db.cohort.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameEn: "First edit", status: "NOMINATIONS", version: 2 });
    const entries = await db.auditLog.findMany({ where: { entityType: "Cohort", entityId: id }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["cohort.create", "cohort.update"]);
    expect(entries[1].before).toMatchObject({ nameEn: start.nameEn, status: "PLANNING", version: 1 });
    expect(entries[1].after).toMatchObject({ nameEn: "First edit", status: "NOMINATIONS", version: 2 });
    expect(Object.keys(entries[1].after as object).sort()).toEqual(["nameEn", "status", "version"]);
  });

  it("keeps the sides once officers are nominated, and the window around its placements", async () => {
    const cohort = await createCohortRow(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id });
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, status: "NOMINATED" });
    const edit = {
      id: cohort.id,
      version: cohort.version,
      code: cohort.code,
      nameEn: cohort.nameEn,
      nameZhHant: cohort.nameZhHant,
      nameZhHans: cohort.nameZhHans,
      sendingJurisdictionId: cohort.sendingJurisdictionId,
      hostJurisdictionId: cohort.hostJurisdictionId,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      nominationDeadline: null,
      status: cohort.status,
    };
    const bj = await createUser(db, { role: "COORDINATOR" });
    expect(await refusal(updateCohort({ actor: actorFromUser(world.admin), request }, { ...edit, hostJurisdictionId: bj.jurisdictionId! }))).toMatchObject({ messageKey: "cohortSidesLocked" });
    expect((await refusal(updateCohort({ actor: actorFromUser(world.hkCoordinator), request }, { ...edit, endDate: addDays(cohort.endDate, -1) }))).messageKey).toBe(
      "cohortWindowExcludesPlacements",
    );
    // A coordinator cannot hand its cohort over to be sent by another side.
    expect((await refusal(updateCohort({ actor: actorFromUser(world.hkCoordinator), request }, { ...edit, sendingJurisdictionId: world.sz.id, hostJurisdictionId: world.hk.id }))).messageKey).toBe(
      "forbidden",
    );
    expect((await refusal(updateCohort({ actor: actorFromUser(world.szCoordinator), request }, edit))).messageKey).toBe("forbidden");
    expect((await refusal(updateCohort({ actor: actorFromUser(bj), request }, edit))).messageKey).toBe("notFound");
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).version).toBe(cohort.version);
  });
});
