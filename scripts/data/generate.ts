// npm run data:generate -- --officers 20000 --placements 60000 --host-units 1000 [--seed 7] [--demo]
// Adds generated scale data (see scale-data.ts) to the database in DATABASE_URL, or to the embedded one of
// `npm start` (stop the app first). The embedded database also gets the demo accounts, so the data can be browsed
// signed in as them; a database of your own gets demo accounts only with --demo, as with `npm run db:seed`.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { seedDemoData } from "../../prisma/seed/demo.ts";
import { applyPendingMigrations } from "../db/migrations.ts";
import { fail } from "../runtime/console.ts";
import { withDatabase } from "../runtime/database.ts";
import { generateScaleData } from "./scale-data.ts";

function positiveInteger(name: string, value: string | undefined, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) fail(`--${name} must be a whole number of at least ${minimum} (got "${value}").`);
  return number;
}

const { values } = parseArgs({
  options: {
    officers: { type: "string" },
    placements: { type: "string" },
    "host-units": { type: "string" },
    seed: { type: "string" },
    demo: { type: "boolean", default: false },
  },
});

const options = {
  officers: positiveInteger("officers", values.officers, 20_000),
  placements: positiveInteger("placements", values.placements, 60_000, 0),
  hostUnits: positiveInteger("host-units", values["host-units"], 1_000, 7),
  seed: positiveInteger("seed", values.seed, 20_231_218, 0),
};
const withDemoAccounts = !process.env.DATABASE_URL || values.demo;

withDatabase(async (url) => {
  await applyPendingMigrations(url);
  if (withDemoAccounts) {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const { created } = await seedDemoData(client);
      if (created) console.log("Demo data created (demo accounts can browse the generated cohorts).");
    } finally {
      await client.$disconnect();
    }
  }
  console.log(`Generating ${options.officers} officers, ${options.placements} placements, ${options.hostUnits} host units…`);
  const summary = await generateScaleData(url, { ...options, log: (message) => console.log(`  ${message}`) });
  console.log(`Done in ${(summary.elapsedMs / 1000).toFixed(1)} s (run tag ${summary.runTag}, ${summary.scheduleItems} schedule items).`);
}).catch((error) => fail(error));
