import { describe, expect, inject, it } from "vitest";
import { computeUnmigratedSchemaChange, readMigrationStatus } from "./migrations";

describe("migrations", () => {
  it("carry every change of prisma/schema.prisma (run `npm run db:migrate:create -- <name>` when this fails)", async () => {
    const sql = await computeUnmigratedSchemaChange(inject("databaseServerUrl"));
    expect(sql).toBe("");
  });

  it("are all applied to a migrated database, none edited or failed", async () => {
    const status = await readMigrationStatus(process.env.DATABASE_URL!);
    expect(status).toEqual({ pending: [], edited: [], failed: [], unknownInDatabase: [] });
  });
});
