import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { exchangeDeskPrisma?: PrismaClient };

/**
 * The planner's default cost of a random page read (4) is for spinning disks; our tables are read from memory, and
 * with the default it preferred scanning every officer to 25 index look-ups (decision 023). A DATABASE_URL that
 * sets `options` itself wins over this.
 */
const plannerSettings = "-c random_page_cost=1.1";

function createPrismaClient(): PrismaClient {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: poolSize } = env();
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide a database.");
  }
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize, options: plannerSettings }),
  });
}

/** The one Prisma client. Created on first use so that `next build` needs no database. */
export function getDb(): PrismaClient {
  globalForPrisma.exchangeDeskPrisma ??= createPrismaClient();
  return globalForPrisma.exchangeDeskPrisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
