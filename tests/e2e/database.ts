import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";

/** A client on the e2e server's embedded database (start.ts writes its address into the data dir). */
export function openE2eDatabase(): PrismaClient {
  const dataDir = process.env.EXCHANGE_DESK_E2E_DATA_DIR;
  if (!dataDir) throw new Error("EXCHANGE_DESK_E2E_DATA_DIR is not set; run the browser tests through playwright.config.ts");
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
}
