// npm run db:migrate | db:migrate:create -- <name> | db:status
import { createMigration, readMigrationStatus, applyPendingMigrations } from "./migrations.ts";
import { withDatabase } from "../runtime/database.ts";
import { fail } from "../runtime/console.ts";

const [command, ...rest] = process.argv.slice(2);

async function main() {
  switch (command) {
    case "migrate": {
      await withDatabase(async (url) => {
        const applied = await applyPendingMigrations(url);
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
      });
      return;
    }
    case "create": {
      const name = rest.find((arg) => !arg.startsWith("-"));
      if (!name) return fail("Usage: npm run db:migrate:create -- <name>");
      const dir = await createMigration(name);
      console.log(dir ? `Wrote ${dir}/migration.sql — review it, add what Prisma cannot express, then run npm run db:migrate.` : "schema.prisma has no change that needs a migration.");
      return;
    }
    case "status": {
      await withDatabase(async (url) => {
        const status = await readMigrationStatus(url);
        const lines = [
          `Pending: ${status.pending.join(", ") || "none"}`,
          `Edited after being applied: ${status.edited.join(", ") || "none"}`,
          `Failed: ${status.failed.join(", ") || "none"}`,
          `In the database but not in prisma/migrations: ${status.unknownInDatabase.join(", ") || "none"}`,
        ];
        console.log(lines.join("\n"));
        if (status.edited.length || status.failed.length || status.unknownInDatabase.length) process.exitCode = 1;
      });
      return;
    }
    default:
      fail("Usage: tsx scripts/db/cli.ts migrate|create <name>|status");
  }
}

main().catch((error) => fail(error));
