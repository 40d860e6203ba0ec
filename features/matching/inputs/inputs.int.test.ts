import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { locales } from "@/lib/i18n/locales";
import { createCohort, createField, createHostUnit, createOfficer, createPlacement, createRank, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal, refusal } from "@/tests/support/refusal";
import { unsafeFindRecordHistory } from "@/features/audit/queries";
import { presentAuditEntries, readerContext } from "@/features/audit/presentation";
import { runAction, type ActionDefinition, type Translate } from "@/lib/action";
import { saveUnitMatchingSchema } from "./schemas";
import { loadMatchingInputs } from "./load";
import { saveMatchingSettings, savePreferences, saveUnitMatching } from "./mutations";
import { findMatchingSettingsPage, findPreferencesPage, findUnitMatchingPage } from "./queries";

// Issue 16 "Inputs", against real PostgreSQL: who may rank preferences and until when, the host side's settings,
// bands and wishes, the same-cohort trigger's refusal in the user's words, stale edits, audit rows, and the one read
// the matching runs use.
const request = { requestId: "matching-inputs-test", ipAddress: "127.0.0.1" };
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });
// A cohort starting 2031-03-03 whose nominations close on 2031-02-01 (Hong Kong dates); clocks on either side.
const beforeDeadline = { now: new Date("2031-01-15T04:00:00Z") };
const afterDeadline = { now: new Date("2031-02-01T16:30:00Z") }; // 00:30 on 2 February in Hong Kong

let world: TwoSidedWorld;
let cohort: { id: string };
let placements: { id: string }[];
let units: { id: string; nameEn: string; code: string }[];

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: new Date("2031-03-03"), nominationDeadline: new Date("2031-02-01"), status: "NOMINATIONS" });
  placements = [
    await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: cohort.id }),
    await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: cohort.id }),
  ];
  units = [...world.szHostUnits, await createHostUnit(db, { jurisdictionId: world.sz.id, nameEn: "Bao'an District Planning Office" })];
});
afterAll(async () => db.$disconnect());

const officer = () => world.hkOfficerUsers[0];

describe("an officer's preferences", () => {
  it("are ranked by the officer before the deadline, replaced whole and audited by unit name", async () => {
    const first = await savePreferences(as(officer()), { placementId: placements[0].id, version: 0, hostUnitIds: [units[2].id, units[0].id], fieldIds: [] }, beforeDeadline);
    expect(first.version).toBe(1);
    await savePreferences(as(officer()), { placementId: placements[0].id, version: 1, hostUnitIds: [units[0].id, units[1].id, units[2].id], fieldIds: [] }, beforeDeadline);
    const rows = await db.matchingPreference.findMany({ where: { placementId: placements[0].id }, orderBy: { rank: "asc" } });
    expect(rows.map((row) => [row.rank, row.hostUnitId])).toEqual([[1, units[0].id], [2, units[1].id], [3, units[2].id]]);

    const audits = await db.auditLog.findMany({ where: { entityType: "MatchingPreferenceList", entityId: placements[0].id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((entry) => entry.action)).toEqual(["matchingPreference.update", "matchingPreference.update"]);
    const name = (index: number) => `${units[index].nameEn} (${units[index].code})`;
    expect(audits[1].before).toEqual({ preferences: [name(2), name(0)] });
    expect(audits[1].after).toEqual({ preferences: [name(0), name(1), name(2)] });
    expect(audits[1].actorId).toBe(officer().id);
  });

  it("are read-only for the officer after the deadline, with the reason, and nothing changes", async () => {
    const refused = await appErrorRefusal(savePreferences(as(officer()), { placementId: placements[0].id, version: 2, hostUnitIds: [units[1].id], fieldIds: [] }, afterDeadline));
    expect(refused.messageKey).toBe("matchingInputs.deadlinePassed");
    expect(await db.matchingPreference.count({ where: { placementId: placements[0].id } })).toBe(3);
    const page = await findPreferencesPage(actorFromUser(officer()), placements[0].id, afterDeadline.now);
    expect(page?.lock).toBe("deadlinePassed");
    expect(page?.chosen.map((unit) => unit.id)).toEqual([units[0].id, units[1].id, units[2].id]);
    expect(page?.choices).toEqual([]);
  });

  it("stay editable for the sending coordinator after the deadline", async () => {
    const saved = await savePreferences(as(world.hkCoordinator), { placementId: placements[0].id, version: 2, hostUnitIds: [units[1].id], fieldIds: [] }, afterDeadline);
    expect(saved.version).toBe(3);
    expect((await findPreferencesPage(actorFromUser(world.hkCoordinator), placements[0].id, afterDeadline.now))?.lock).toBeNull();
  });

  it("are refused to the host side (read-only there) and to another officer (not even found)", async () => {
    expect(await refusal(savePreferences(as(world.szCoordinator), { placementId: placements[0].id, version: 3, hostUnitIds: [], fieldIds: [] }, beforeDeadline))).toBeInstanceOf(ForbiddenError);
    const hostView = await findPreferencesPage(actorFromUser(world.szCoordinator), placements[0].id, beforeDeadline.now);
    expect(hostView?.lock).toBe("forbidden");
    expect(hostView?.chosen.map((unit) => unit.id)).toEqual([units[1].id]);
    const otherOfficer = world.hkOfficerUsers[1];
    expect(await refusal(savePreferences(as(otherOfficer), { placementId: placements[0].id, version: 3, hostUnitIds: [], fieldIds: [] }, beforeDeadline))).toBeInstanceOf(NotFoundError);
    expect(await findPreferencesPage(actorFromUser(otherOfficer), placements[0].id, beforeDeadline.now)).toBeNull();
    expect(await findPreferencesPage(actorFromUser(world.szSupervisor), placements[0].id, beforeDeadline.now)).toBeNull();
    expect(await db.matchingPreference.count({ where: { placementId: placements[0].id } })).toBe(1);
  });

  it("refuses a stale save with who changed the list, and writes nothing", async () => {
    await savePreferences(as(world.hkCoordinator), { placementId: placements[1].id, version: 0, hostUnitIds: [units[0].id], fieldIds: [] }, beforeDeadline);
    const stale = await appErrorRefusal(savePreferences(as(world.hkOfficerUsers[1]), { placementId: placements[1].id, version: 0, hostUnitIds: [units[2].id], fieldIds: [] }, beforeDeadline));
    expect(stale.messageKey).toBe("staleRecord");
    expect(stale.values.name).toBe(world.hkCoordinator.name);
    expect((await db.matchingPreference.findMany({ where: { placementId: placements[1].id } })).map((row) => row.hostUnitId)).toEqual([units[0].id]);
  });

  it("lets only one of two first saves at once win; the other is refused as stale, whichever runs first", async () => {
    const fresh = await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id, cohortId: cohort.id });
    const outcomes = await Promise.allSettled([
      savePreferences(as(world.hkCoordinator), { placementId: fresh.id, version: 0, hostUnitIds: [units[0].id], fieldIds: [] }, beforeDeadline),
      savePreferences(as(world.hkCoordinator), { placementId: fresh.id, version: 0, hostUnitIds: [units[1].id, units[2].id], fieldIds: [] }, beforeDeadline),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((outcome) => (outcome.reason as { messageKey?: string }).messageKey)).toEqual(["staleRecord"]);
    const winner = outcomes[0].status === "fulfilled" ? [units[0].id] : [units[1].id, units[2].id];
    expect((await db.matchingPreference.findMany({ where: { placementId: fresh.id }, orderBy: { rank: "asc" } })).map((row) => row.hostUnitId)).toEqual(winner);
    expect(await db.matchingPreferenceList.findUniqueOrThrow({ where: { placementId: fresh.id } })).toMatchObject({ version: 1 });
  });

  it("refuses a unit of the other side next to the field; the database refuses it for any writer", async () => {
    const refused = await appErrorRefusal(savePreferences(as(world.hkCoordinator), { placementId: placements[1].id, version: 1, hostUnitIds: [world.hkHostUnits[0].id], fieldIds: [] }, beforeDeadline));
    expect(refused.fieldErrors).toEqual({ hostUnitIds: ["matchingInputs.unitNotOnHostSide"] });
    const direct = await refusal(db.matchingPreference.create({ data: { placementId: placements[1].id, hostUnitId: world.hkHostUnits[0].id, rank: 9 } }));
    expect(String(direct)).toContain("MatchingPreference_host_side");
  });
});

describe("an officer's field preferences (decision 117)", () => {
  let fields: { id: string; code: string; nameEn: string }[];
  let own: { id: string };
  let ownUser: CreatedUser;
  const fieldName = (field: { nameEn: string; code: string }) => `${field.nameEn} (${field.code})`;
  const ranked = async (placementId: string) => (await db.matchingFieldPreference.findMany({ where: { placementId }, orderBy: { rank: "asc" } })).map((row) => row.fieldId);

  beforeAll(async () => {
    fields = [await createField(db), await createField(db), await createField(db)];
    const person = await createOfficer(db, { jurisdictionId: world.hk.id });
    ownUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: person.id });
    own = await createPlacement(db, { officerId: person.id, cohortId: cohort.id });
  });

  it("are ranked with the units in one save (one version, one audit entry by name) and read by the runs", async () => {
    const saved = await savePreferences(as(ownUser), { placementId: own.id, version: 0, hostUnitIds: [units[1].id], fieldIds: [fields[2].id, fields[0].id] }, beforeDeadline);
    expect(saved).toMatchObject({ count: 1, fieldCount: 2, version: 1 });
    expect(await ranked(own.id)).toEqual([fields[2].id, fields[0].id]);
    await savePreferences(as(ownUser), { placementId: own.id, version: 1, hostUnitIds: [units[1].id], fieldIds: [fields[0].id, fields[1].id, fields[2].id] }, beforeDeadline);
    expect(await ranked(own.id)).toEqual([fields[0].id, fields[1].id, fields[2].id]);

    const audits = await db.auditLog.findMany({ where: { entityType: "MatchingPreferenceList", entityId: own.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((entry) => entry.action)).toEqual(["matchingPreference.update", "matchingPreference.update"]);
    // Only what changed is kept (the unit list did not).
    expect(audits[1].before).toEqual({ fieldPreferences: [fieldName(fields[2]), fieldName(fields[0])] });
    expect(audits[1].after).toEqual({ fieldPreferences: fields.map(fieldName) });

    const inputs = await loadMatchingInputs(db, cohort.id);
    expect(inputs.fieldPreferences.get(own.id)).toEqual(fields.map((field) => field.id));
    expect(inputs.fieldPreferences.has(placements[0].id)).toBe(false);
    const page = await findPreferencesPage(actorFromUser(ownUser), own.id, beforeDeadline.now);
    expect(page?.chosenFields.map((field) => field.id)).toEqual(fields.map((field) => field.id));
    expect(page?.fieldChoices.map((field) => field.id)).toEqual(expect.arrayContaining(fields.map((field) => field.id)));
  });

  it("follow the unit list's permissions and deadline: the officer until it, the sending side after, never the host side", async () => {
    const refused = await appErrorRefusal(savePreferences(as(ownUser), { placementId: own.id, version: 2, hostUnitIds: [], fieldIds: [fields[1].id] }, afterDeadline));
    expect(refused.messageKey).toBe("matchingInputs.deadlinePassed");
    expect(await ranked(own.id)).toEqual(fields.map((field) => field.id));
    const readOnly = await findPreferencesPage(actorFromUser(ownUser), own.id, afterDeadline.now);
    expect(readOnly?.lock).toBe("deadlinePassed");
    expect(readOnly?.chosenFields.map((field) => field.id)).toEqual(fields.map((field) => field.id));
    expect(readOnly?.fieldChoices).toEqual([]);

    expect(await refusal(savePreferences(as(world.szCoordinator), { placementId: own.id, version: 2, hostUnitIds: [], fieldIds: [] }, beforeDeadline))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(savePreferences(as(world.hkOfficerUsers[1]), { placementId: own.id, version: 2, hostUnitIds: [], fieldIds: [] }, beforeDeadline))).toBeInstanceOf(NotFoundError);

    const bySending = await savePreferences(as(world.hkCoordinator), { placementId: own.id, version: 2, hostUnitIds: [units[1].id], fieldIds: [fields[1].id] }, afterDeadline);
    expect(bySending.version).toBe(3);
    expect(await ranked(own.id)).toEqual([fields[1].id]);
  });

  it("refuse an inactive field next to the list, but keep one that was deactivated after it was ranked", async () => {
    const retired = await createField(db, { active: false });
    const refused = await appErrorRefusal(savePreferences(as(world.hkCoordinator), { placementId: own.id, version: 3, hostUnitIds: [], fieldIds: [retired.id] }, beforeDeadline));
    expect(refused.fieldErrors).toEqual({ fieldIds: ["matchingInputs.fieldNotActive"] });
    const unknown = await appErrorRefusal(savePreferences(as(world.hkCoordinator), { placementId: own.id, version: 3, hostUnitIds: [], fieldIds: ["no-such-field"] }, beforeDeadline));
    expect(unknown.fieldErrors).toEqual({ fieldIds: ["matchingInputs.fieldNotActive"] });
    await db.field.update({ where: { id: fields[1].id }, data: { active: false } });
    try {
      const kept = await savePreferences(as(world.hkCoordinator), { placementId: own.id, version: 3, hostUnitIds: [], fieldIds: [fields[0].id, fields[1].id] }, beforeDeadline);
      expect(kept.version).toBe(4);
      expect(await ranked(own.id)).toEqual([fields[0].id, fields[1].id]);
    } finally {
      await db.field.update({ where: { id: fields[1].id }, data: { active: true } });
    }
  });

  it("hold their integrity in the database for any writer: one rank and one place per field, a real field, ranks from 1", async () => {
    const row = (rank: number, fieldId: string) => db.matchingFieldPreference.create({ data: { placementId: own.id, rank, fieldId } });
    expect(String(await refusal(row(9, fields[0].id)))).toMatch(/Unique constraint|MatchingFieldPreference_placementId_fieldId_key/);
    expect(String(await refusal(row(1, fields[2].id)))).toMatch(/Unique constraint|MatchingFieldPreference_pkey/);
    expect(String(await refusal(row(9, "no-such-field")))).toMatch(/Foreign key constraint|MatchingFieldPreference_fieldId_fkey/);
    expect(String(await refusal(row(0, fields[2].id)))).toContain("MatchingFieldPreference_rank_check");
    expect(String(await refusal(db.matchingFieldPreference.create({ data: { placementId: "no-such-placement", rank: 1, fieldId: fields[2].id } })))).toMatch(/Foreign key constraint|MatchingFieldPreference_placementId_fkey/);
    expect(String(await refusal(db.field.delete({ where: { id: fields[0].id } })))).toMatch(/Foreign key constraint|MatchingFieldPreference_fieldId_fkey/);
    expect(await ranked(own.id)).toEqual([fields[0].id, fields[1].id]);
  });
});

describe("the audit trail", () => {
  it("reads a preference change as its before and after lists by name, on the placement, in the reader's language", async () => {
    const entries = await unsafeFindRecordHistory([{ entityType: "MatchingPreferenceList", entityId: placements[0].id }]);
    const [latest] = await presentAuditEntries(entries, readerContext(actorFromUser(world.hkCoordinator), "zh-Hant"));
    expect(latest.actionLabel).toBe("已排列配對志願");
    expect(latest.record?.href).toBe(`/placements/${placements[0].id}`);
    const line = latest.changes.find((change) => change.field === "preferences");
    expect(line?.label).toBe("志願接收單位（第一志願在前）");
    expect(line?.before?.map((value) => value.text)).toEqual([0, 1, 2].map((index) => `${units[index].nameEn} (${units[index].code})`));
    expect(line?.after?.map((value) => value.text)).toEqual([`${units[1].nameEn} (${units[1].code})`]);
  });
});

describe("the host side's settings", () => {
  it("start at the engine's defaults, are saved by the host coordinator, audited, and refused when stale", async () => {
    const before = await loadMatchingInputs(db, cohort.id);
    expect(before.weights).toEqual({ fieldFit: 4, preference: 3, wish: 2, rankBand: 1 });
    expect(before.maxPerDepartmentPerUnit).toBeNull();

    const input = { cohortId: cohort.id, fieldFitWeight: 10, preferenceWeight: 0, wishWeight: 5, rankBandWeight: 1000, maxPerDepartmentPerUnit: 2 };
    expect((await saveMatchingSettings(as(world.szCoordinator), { ...input, version: 0 })).version).toBe(1);
    const stale = await appErrorRefusal(saveMatchingSettings(as(world.szCoordinator), { ...input, version: 0, fieldFitWeight: 1 }));
    expect(stale.messageKey).toBe("staleRecord");

    const after = await loadMatchingInputs(db, cohort.id);
    expect(after.weights).toEqual({ fieldFit: 10, preference: 0, wish: 5, rankBand: 1000 });
    expect(after.maxPerDepartmentPerUnit).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "CohortMatchingSettings", entityId: cohort.id } });
    expect(audit.action).toBe("matchingSettings.update");
    expect(audit.before).toEqual({ fieldFitWeight: 4, preferenceWeight: 3, wishWeight: 2, rankBandWeight: 1, maxPerDepartmentPerUnit: null });
    expect(audit.after).toEqual({ fieldFitWeight: 10, preferenceWeight: 0, wishWeight: 5, rankBandWeight: 1000, maxPerDepartmentPerUnit: 2 });
  });

  it("are not the sending side's, an officer's or a supervisor's to read or change", async () => {
    const input = { cohortId: cohort.id, version: 1, fieldFitWeight: 1, preferenceWeight: 1, wishWeight: 1, rankBandWeight: 1, maxPerDepartmentPerUnit: null };
    expect(await refusal(saveMatchingSettings(as(world.hkCoordinator), input))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(saveMatchingSettings(as(officer()), input))).toBeInstanceOf(NotFoundError);
    expect(await findMatchingSettingsPage(actorFromUser(world.hkCoordinator), cohort.id)).toBeNull();
    expect(await findMatchingSettingsPage(actorFromUser(world.szSupervisor), cohort.id)).toBeNull();
    expect((await findMatchingSettingsPage(actorFromUser(world.szCoordinator), cohort.id))?.settings.version).toBe(1);
  });
});

describe("a host unit's rank band and wishes", () => {
  it("are saved together by the host coordinator, audited by rank and officer names, and read by the runs", async () => {
    const senior = await createRank(db, { jurisdictionId: world.sz.id, grade: "DIV", level: 3, nameEn: "Deputy Director-General" });
    const unit = units[0];
    const saved = await saveUnitMatching(as(world.szCoordinator), { cohortId: cohort.id, hostUnitId: unit.id, version: 0, rankMinLevel: 2, rankMaxLevel: 3, placementIds: [placements[1].id, placements[0].id] });
    expect(saved.version).toBe(1);
    const inputs = await loadMatchingInputs(db, cohort.id);
    expect(inputs.wishes.get(unit.id)).toEqual([placements[1].id, placements[0].id]);
    expect(inputs.rankBands.get(unit.id)).toEqual({ min: 2, max: 3 });
    expect(inputs.rankBands.has(units[1].id)).toBe(false);
    expect(inputs.preferences.get(placements[0].id)).toEqual([units[1].id]);
    expect(inputs.preferences.get(placements[1].id)).toEqual([units[0].id]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "HostUnitRankBand", entityId: `${unit.id}:${cohort.id}` } });
    expect(audit.action).toBe("hostUnitMatching.update");
    expect(audit.after).toEqual({ rankMin: world.szRank.nameEn, rankMax: senior.nameEn, wishes: ["PANG Chi-wing, Ronald 彭志榮", "YUEN Ka-wai, Karen 袁嘉慧"] });

    const page = await findUnitMatchingPage(actorFromUser(world.szCoordinator), cohort.id, unit.id);
    expect(page?.wishes.map((wish) => wish.placementId)).toEqual([placements[1].id, placements[0].id]);
    expect(page?.rankLevels.map((level) => level.level)).toEqual([2, 3]);
  });

  it("refuses min above max next to the field, a level the host side lacks, and a stale save", async () => {
    const unit = units[0];
    const stale = await appErrorRefusal(saveUnitMatching(as(world.szCoordinator), { cohortId: cohort.id, hostUnitId: unit.id, version: 0, rankMinLevel: null, rankMaxLevel: null, placementIds: [] }));
    expect(stale.messageKey).toBe("staleRecord");
    const unknownLevel = await appErrorRefusal(saveUnitMatching(as(world.szCoordinator), { cohortId: cohort.id, hostUnitId: unit.id, version: 1, rankMinLevel: 7, rankMaxLevel: null, placementIds: [] }));
    expect(unknownLevel.fieldErrors).toEqual({ rankMinLevel: ["invalidValue"] });
    const direct = await refusal(db.hostUnitRankBand.update({ where: { hostUnitId_cohortId: { hostUnitId: unit.id, cohortId: cohort.id } }, data: { rankMinLevel: 3, rankMaxLevel: 2 } }));
    expect(String(direct)).toContain("HostUnitRankBand_order_check");
    expect((await loadMatchingInputs(db, cohort.id)).wishes.get(unit.id)).toHaveLength(2);
  });

  it("refuses a wish for another cohort's officer by the database's rule, in every language, and writes nothing", async () => {
    const elsewhere = await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id, cohortId: world.hkToSz.id });
    const unit = units[1];
    const refused = await appErrorRefusal(saveUnitMatching(as(world.szCoordinator), { cohortId: cohort.id, hostUnitId: unit.id, version: 0, rankMinLevel: null, rankMaxLevel: null, placementIds: [placements[0].id, elsewhere.id] }));
    expect(refused.messageKey).toBe("matchingInputs.wishOtherCohort");
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" }) as unknown as (key: string) => string;
      expect(t(refused.messageKey), locale).not.toContain("matchingInputs");
    }
    expect(await db.matchingWish.count({ where: { hostUnitId: unit.id, cohortId: cohort.id } })).toBe(0);
    expect(await db.hostUnitRankBand.count({ where: { hostUnitId: unit.id, cohortId: cohort.id } })).toBe(0);
  });

  it("reach the form as the translated message, not an unexpected error, through the action's one result shape", async () => {
    const elsewhere = await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id, cohortId: world.hkToSz.id });
    const definition: ActionDefinition<typeof saveUnitMatchingSchema, unknown> = {
      name: "hostUnitMatching.update",
      schema: saveUnitMatchingSchema,
      permission: "matchingWish:edit",
      run: (input, { user, request: context }) => saveUnitMatching({ actor: user, request: context }, input),
    };
    const form = new FormData();
    for (const [key, value] of Object.entries({ cohortId: cohort.id, hostUnitId: units[2].id, version: "0", rankMinLevel: "", rankMaxLevel: "" })) form.set(key, value);
    form.append("placementIds", elsewhere.id);
    const t = createTranslator({ locale: "zh-Hant", messages: loadMessages("zh-Hant"), namespace: "errors" }) as unknown as Translate;
    const user = { ...actorFromUser(world.szCoordinator), locale: "zh-Hant" as const, sessionVersion: 1 };
    const answer = await runAction(definition, form, { request, t, loadUser: async () => user as never });
    expect(answer).toEqual({ ok: false, formError: "請選擇獲提名參加本批次的人員：其中一人屬於另一批次。", fieldErrors: {} });
  });

  it("are refused to the sending side and for a unit of the other side", async () => {
    const input = { cohortId: cohort.id, version: 0, rankMinLevel: null, rankMaxLevel: null, placementIds: [] };
    expect(await refusal(saveUnitMatching(as(world.hkCoordinator), { ...input, hostUnitId: units[1].id }))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(saveUnitMatching(as(world.szCoordinator), { ...input, hostUnitId: world.hkHostUnits[0].id }))).toBeInstanceOf(NotFoundError);
  });
});
