import "server-only";
import { cache } from "react";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { formatDateOnly } from "@/lib/dates";
import { createHolidayCalendar, type HolidayCalendar, type HolidayOverride, type Side } from "./holidays";

/** Any Prisma client or transaction: the worker passes its own client, pages use the app's. */
export type HolidayReader = Pick<PrismaClient, "holiday">;

const kinds = { HOLIDAY: "holiday", MAKE_UP_WORKDAY: "makeUpWorkday", WORKING_DAY: "workingDay" } as const;

/**
 * Every admin holiday entry (a few dozen rows a year), unscoped on purpose: holidays are public facts every role sees.
 * The database's check constraints guarantee side and kind.
 */
export async function findHolidayOverridesUnsafe(client: HolidayReader = db): Promise<HolidayOverride[]> {
  const rows = await client.holiday.findMany({ orderBy: [{ date: "asc" }, { side: "asc" }] });
  return rows.map((row) => ({
    date: formatDateOnly(row.date),
    side: row.side as Side,
    kind: kinds[row.kind as keyof typeof kinds],
    name: { en: row.nameEn, zhHant: row.nameZhHant, zhHans: row.nameZhHans },
  }));
}

/** The merged holiday calendar (package data + admin entries), read once per request. */
export const loadHolidayCalendar: () => Promise<HolidayCalendar> = cache(async () => createHolidayCalendar(await findHolidayOverridesUnsafe()));

/** The same merged calendar read through a given client (the notification worker's scans). */
export async function loadHolidayCalendarFrom(client: HolidayReader): Promise<HolidayCalendar> {
  return createHolidayCalendar(await findHolidayOverridesUnsafe(client));
}
