import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { createOfficer, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { findPlacementBoard } from "./queries/board";
import { findNominationCandidates } from "./queries/candidates";

// Issue 12 §4: the board's and the nomination dialog's name filters fold Traditional ↔ Simplified, as the officers
// search does (decision 061): a Simplified query finds a Traditional name and the other way round; names stay as written.
let world: TwoSidedWorld;
beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

describe("name filters across Chinese scripts", () => {
  it("the board finds 龍鳳華 by 龙凤华 and 风车转 by 風車轉", async () => {
    const traditional = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Lung", chineseName: "龍鳳華" });
    const simplified = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Fung", chineseName: "风车转" });
    const [first, second] = await Promise.all([traditional, simplified].map((officer) => createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED" })));
    const coordinator = actorFromUser(world.hkCoordinator);
    const board = async (query: string) => (await findPlacementBoard(coordinator, world.hkToSz.id, { query })).rows;
    expect((await board("龙凤华")).map((row) => row.id)).toEqual([first.id]);
    expect((await board("龍鳳華")).map((row) => row.id)).toEqual([first.id]);
    expect((await board("風車轉")).map((row) => row.id)).toEqual([second.id]);
    // Shown as written.
    expect((await board("龙凤华"))[0].officer.chineseName).toBe("龍鳳華");
    // Latin names still match in any case, and % is still literal.
    expect((await board("lung")).map((row) => row.id)).toContain(first.id);
    expect(await board("龙%")).toEqual([]);
  });

  it("the nomination candidates find 鍾國強 by 钟国强 (and by staff number)", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Chung", chineseName: "鍾國強" });
    const coordinator = actorFromUser(world.hkCoordinator);
    const ids = async (query: string) => (await findNominationCandidates(coordinator, world.hkToSz.id, query)).map((candidate) => candidate.id);
    expect(await ids("钟国强")).toEqual([officer.id]);
    expect(await ids("國強")).toEqual([officer.id]);
    expect(await ids(officer.staffNumber)).toEqual([officer.id]);
    expect((await findNominationCandidates(coordinator, world.hkToSz.id, "钟国强"))[0].chineseName).toBe("鍾國強");
  });
});
