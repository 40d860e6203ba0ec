// npm run db:seed — adds the demo data to the database (idempotent). Refuses a non-empty real database unless
// --demo is given, so demo accounts never appear in production by accident.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { seedDemoData } from "../../prisma/seed/demo.ts";
import { fail } from "../runtime/console.ts";
import { withDatabase } from "../runtime/database.ts";
import { applyPendingMigrations } from "./migrations.ts";

if (process.env.DATABASE_URL && !process.argv.includes("--demo")) {
  fail("DATABASE_URL is set: demo data (with demo passwords) is added to your own database only with --demo.");
}

withDatabase(async (url) => {
  await applyPendingMigrations(url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const { created } = await seedDemoData(client);
    console.log(created ? "Demo data created." : "Demo data already present; nothing changed.");
  } finally {
    await client.$disconnect();
  }
}).catch((error) => fail(error));
