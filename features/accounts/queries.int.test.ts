import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { createTwoSidedWorld, createUser, uniqueSuffix, type TwoSidedWorld } from "@/tests/factories";
import { findUserDetail, findUsers } from "./queries";
import { userListParamsSchema } from "./schemas";

afterAll(async () => db.$disconnect());

let world: TwoSidedWorld;
beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});

const params = (raw: Record<string, string>) => userListParamsSchema.parse(raw);

describe("the admin users list", () => {
  it("finds a Traditional Chinese name from Simplified, and an email in any case", async () => {
    const s = uniqueSuffix();
    const user = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, name: `陳大文 ${s}`, email: `Chan.${s}@Example.test` });
    const admin = actorFromUser(world.admin);
    expect((await findUsers(admin, params({ q: `陈大文 ${s}` }))).rows.map((row) => row.id)).toEqual([user.id]);
    expect((await findUsers(admin, params({ q: `CHAN.${s}` }))).rows.map((row) => row.id)).toEqual([user.id]);
  });

  it("filters by role, side, active, locked, invited and sign-in method", async () => {
    const s = uniqueSuffix();
    const now = new Date();
    const locked = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, name: `Filter ${s} locked`, lockedUntil: new Date(now.getTime() + 600_000) });
    const invited = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, name: `Filter ${s} invited` });
    await db.user.update({ where: { id: invited.id }, data: { passwordHash: null } });
    const inactive = await createUser(db, { role: "ADMIN", name: `Filter ${s} inactive`, active: false });
    const admin = actorFromUser(world.admin);
    const ids = async (raw: Record<string, string>) => (await findUsers(admin, params({ q: `Filter ${s}`, ...raw }), now)).rows.map((row) => row.id).sort();
    expect(await ids({})).toEqual([locked.id, invited.id, inactive.id].sort());
    expect(await ids({ locked: "yes" })).toEqual([locked.id]);
    expect(await ids({ invited: "yes" })).toEqual([invited.id]);
    expect(await ids({ status: "inactive" })).toEqual([inactive.id]);
    expect(await ids({ role: "ADMIN" })).toEqual([inactive.id]);
    expect(await ids({ side: world.sz.id })).toEqual([locked.id]);
    await db.user.update({ where: { id: locked.id }, data: { ssoOnly: true } });
    expect(await ids({ signIn: "sso" })).toEqual([locked.id]);
    expect(await ids({ signIn: "password" })).toEqual([invited.id, inactive.id].sort());
    // An unreadable filter is ignored rather than failing the page.
    expect(await ids({ role: "ROOT", invited: "maybe" })).toHaveLength(3);
  });

  it("shows nothing to anyone but an admin", async () => {
    const coordinator = actorFromUser(world.hkCoordinator);
    expect((await findUsers(coordinator, params({}))).total).toBe(0);
    expect(await findUserDetail(coordinator, world.admin.id)).toBeNull();
  });
});
