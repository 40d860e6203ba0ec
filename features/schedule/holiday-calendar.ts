import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { formatDateOnly } from "@/lib/dates";
import { createHolidayCalendar, type HolidayCalendar, type HolidayOverride, type Side } from "./holidays";

const kinds = { HOLIDAY: "holiday", MAKE_UP_WORKDAY: "makeUpWorkday", WORKING_DAY: "workingDay" } as const;

/**
 * Every admin holiday entry (a few dozen rows a year), unscoped on purpose: holidays are public facts every role sees.
 * The database's check constraints guarantee side and kind.
 */
export async function findHolidayOverridesUnsafe(client: Pick<Prisma.TransactionClient, "holiday"> = db): Promise<HolidayOverride[]> {
  const rows = await client.holiday.findMany({ orderBy: [{ date: "asc" }, { side: "asc" }] });
  return rows.map((row) => ({
    date: formatDateOnly(row.date),
    side: row.side as Side,
    kind: kinds[row.kind as keyof typeof kinds],
    name: { en: row.nameEn, zhHant: row.nameZhHant, zhHans: row.nameZhHans },
  }));
}

/** The merged holiday calendar read through a given client (the worker's own, a transaction). */
export async function readHolidayCalendar(client: Pick<Prisma.TransactionClient, "holiday">): Promise<HolidayCalendar> {
  return createHolidayCalendar(await findHolidayOverridesUnsafe(client));
}

/** The merged holiday calendar (package data + admin entries), read once per request. */
export const loadHolidayCalendar: () => Promise<HolidayCalendar> = cache(async () => createHolidayCalendar(await findHolidayOverridesUnsafe()));
