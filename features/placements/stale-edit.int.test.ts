import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { appErrorMessage, type Translate } from "@/lib/action";
import { actorFromUser } from "@/lib/auth/actor";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { createOfficer, createPlacement, createTwoSidedWorld, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import { approvePlacement, assignPlacement } from "./mutations";

// Issue 12 §2: a stale edit is refused with who changed the record and when, and then which fields changed since the
// user loaded it — labelled, with their values now, in the reader's language — and nothing is written.
const request = { requestId: "stale-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

function catalogFor(locale: AppLocale) {
  const messages = loadMessages(locale);
  return {
    errors: createTranslator({ locale, messages, namespace: "errors" }) as unknown as Translate,
    catalog: { t: createTranslator({ locale, messages }) as unknown as Translate, locale },
  };
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  for (const unit of world.szHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 50 } });
});
afterAll(async () => db.$disconnect());

describe("a stale placement edit", () => {
  it("lists the fields changed since the user loaded it, with labels and current values", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, postTitle: "Planner" });
    const loaded = placement.version;
    const base = { placementId: placement.id, fieldId: world.field.id, startDate: world.hkToSz.startDate, endDate: world.hkToSz.endDate };
    // Two changes by others since: the post and the host unit, then the host side's approval.
    const first = await assignPlacement(as(world.szCoordinator), { ...base, version: loaded, hostUnitId: world.szHostUnits[1].id, postTitle: "Senior Planner" });
    await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: first.version, side: "host" });

    const stale = await appErrorRefusal(assignPlacement(as(world.szCoordinator), { ...base, version: loaded, hostUnitId: world.szHostUnits[0].id, postTitle: "Planner (mine)" }));
    expect(stale.messageKey).toBe("staleRecord");
    expect(stale.changes).toEqual([
      { labelKey: "placements.hostUnit", value: { names: { nameEn: world.szHostUnits[1].nameEn, nameZhHant: world.szHostUnits[1].nameZhHant, nameZhHans: world.szHostUnits[1].nameZhHans } } },
      { labelKey: "placements.post", value: { text: "Senior Planner" } },
      { labelKey: "placements.hostApproval", value: { text: world.szCoordinator.name } },
    ]);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).postTitle).toBe("Senior Planner");

    const en = catalogFor("en");
    expect(appErrorMessage(stale, en.errors, en.catalog)).toMatch(
      new RegExp(`^This record was changed by ${world.szCoordinator.name} at .+ — reload the page to see the change, then edit again\\. Changed since you opened it: Host unit is now “${world.szHostUnits[1].nameEn}”; Post is now “Senior Planner”; Host side is now “${world.szCoordinator.name}”\\.$`),
    );
    const hant = catalogFor("zh-Hant");
    expect(appErrorMessage(stale, hant.errors, hant.catalog)).toContain(`接收單位現為「${world.szHostUnits[1].nameZhHant}」`);
  });

  it("lists only what changed after the version the user loaded", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, postTitle: "Planner" });
    const base = { placementId: placement.id, fieldId: world.field.id, hostUnitId: world.szHostUnits[0].id, startDate: world.hkToSz.startDate, endDate: world.hkToSz.endDate };
    const first = await assignPlacement(as(world.szCoordinator), { ...base, version: placement.version, postTitle: "Seen by the user" });
    await assignPlacement(as(world.szCoordinator), { ...base, version: first.version, endDate: new Date(world.hkToSz.endDate.getTime() - 7 * 86_400_000), postTitle: "Seen by the user" });
    const stale = await appErrorRefusal(assignPlacement(as(world.szCoordinator), { ...base, version: first.version, postTitle: "Mine" }));
    expect(stale.changes.map((change) => change.labelKey)).toEqual(["placements.endDate"]);
  });
});
