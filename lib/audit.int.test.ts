import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTwoSidedWorld, uniqueSuffix } from "@/tests/factories";
import { writeAudit, writeAuditEntries, type AuditEntry } from "./audit";

afterAll(async () => db.$disconnect());

const stored = (requestId: string) =>
  db.auditLog.findMany({
    where: { requestId },
    orderBy: { id: "asc" },
    select: { actorId: true, actorEmail: true, action: true, entityType: true, entityId: true, before: true, after: true, ipAddress: true },
  });

describe("the audit writer's set form", () => {
  it("stores exactly what writeAudit stores for the same entries: diffed, NULL where absent, in one transaction", async () => {
    const world = await createTwoSidedWorld(db);
    const actor = { userId: world.hkCoordinator.id, email: world.hkCoordinator.email };
    const entries: AuditEntry[] = [
      { action: "officer.importCreate", entityType: "Officer", entityId: "o-1", after: { surname: "Chan", fieldIds: ["f1"], otherName: null } },
      { action: "officer.importUpdate", entityType: "Officer", entityId: "o-2", before: { surname: "Wong", givenName: "Ka-ho" }, after: { surname: "Wong", givenName: "Ka-yan" } },
      { action: "officer.import", entityType: "Officer", entityId: null, after: { fileName: "陳.xlsx", rows: 2 } },
    ];
    const one = { requestId: `one-${uniqueSuffix()}`, ipAddress: "192.0.2.1" };
    const set = { requestId: `set-${uniqueSuffix()}`, ipAddress: "192.0.2.1" };
    await db.$transaction(async (tx) => {
      for (const entry of entries) await writeAudit(tx, actor, one, entry);
    });
    await db.$transaction(async (tx) => writeAuditEntries(tx, actor, set, entries));
    const bySet = await stored(set.requestId);
    expect(bySet).toEqual(await stored(one.requestId));
    expect(bySet[0]).toMatchObject({ before: null, after: { surname: "Chan", fieldIds: ["f1"] } });
    expect(bySet[1]).toMatchObject({ before: { givenName: "Ka-ho" }, after: { givenName: "Ka-yan" } });
    await writeAuditEntries(db, actor, set, []);
    expect(await stored(set.requestId)).toHaveLength(3);
  });

  it("records a new record by the fields given a value, not every empty column", async () => {
    const context = { requestId: `create-${uniqueSuffix()}`, ipAddress: "192.0.2.3" };
    const after = { officerId: "o-1", cohortId: "c-1", status: "NOMINATED", hostUnitId: null, postTitle: "", fields: [], sendingApprovedAt: null };
    await writeAudit(db, null, context, { action: "placement.nominate", entityType: "Placement", entityId: "p-1", after });
    await writeAuditEntries(db, null, context, [{ action: "placement.nominate", entityType: "Placement", entityId: "p-2", after }]);
    const [one, set] = await stored(context.requestId);
    expect(one.after).toEqual({ officerId: "o-1", cohortId: "c-1", status: "NOMINATED" });
    expect(set.after).toEqual(one.after);
  });

  it("is rolled back with the change it records", async () => {
    const context = { requestId: `rollback-${uniqueSuffix()}`, ipAddress: "192.0.2.2" };
    await expect(
      db.$transaction(async (tx) => {
        await writeAuditEntries(tx, null, context, [{ action: "officer.importCreate", entityType: "Officer", entityId: "x", after: { a: 1 } }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await stored(context.requestId)).toHaveLength(0);
  });
});
