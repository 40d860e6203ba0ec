import "server-only";
import { hasPermission, type Actor } from "@/lib/authorization";
import { formatDateOnly, parseDateOnly } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createHolidayCalendar, packageHasYear, packageHolidaysOfYear, type HolidayEntry, type HolidayName } from "@/features/schedule/holidays";
import { findHolidayOverridesUnsafe } from "@/features/schedule/holiday-calendar";
import type { HolidayKind, HolidaySide } from "./schemas";

export interface AdminHoliday {
  id: string;
  date: string;
  kind: HolidayKind;
  name: HolidayName;
  version: number;
  /** What the package says on that date, when it says anything: the entry this one overrides. */
  replaces: HolidayEntry | null;
}

export interface HolidayYear {
  side: HolidaySide;
  year: number;
  adminEntries: AdminHoliday[];
  /** The package's entries of the year, each marked when an admin entry overrides it. */
  packageEntries: (HolidayEntry & { overridden: boolean })[];
  packageHasYear: boolean;
  /** The merged rule the schedule pages and .ics use. */
  hasData: boolean;
}

/** One side's year as the admin page shows it: the admin's entries and the package's, side by side. */
export async function findHolidayYear(actor: Actor, side: HolidaySide, year: number): Promise<HolidayYear> {
  if (!hasPermission(actor, "holiday:manage")) throw new ForbiddenError();
  const rows = await db.holiday.findMany({
    where: { side, date: { gte: parseDateOnly(`${year}-01-01`), lte: parseDateOnly(`${year}-12-31`) } },
    orderBy: { date: "asc" },
  });
  const packageEntries = packageHolidaysOfYear(side, year);
  const overridden = new Set(rows.map((row) => formatDateOnly(row.date)));
  const calendar = createHolidayCalendar(await findHolidayOverridesUnsafe());
  return {
    side,
    year,
    adminEntries: rows.map((row) => {
      const date = formatDateOnly(row.date);
      return {
        id: row.id,
        date,
        kind: row.kind as HolidayKind,
        name: { en: row.nameEn, zhHant: row.nameZhHant, zhHans: row.nameZhHans },
        version: row.version,
        replaces: packageEntries.find((entry) => entry.date === date) ?? null,
      };
    }),
    packageEntries: packageEntries.map((entry) => ({ ...entry, overridden: overridden.has(entry.date) })),
    packageHasYear: packageHasYear(side, year),
    hasData: calendar.hasHolidayData(side, `${year}-01-01`),
  };
}

/** An admin entry to edit, or null. */
export async function findHoliday(actor: Actor, id: string) {
  if (!hasPermission(actor, "holiday:manage")) throw new ForbiddenError();
  const row = await db.holiday.findUnique({ where: { id } });
  return row && { ...row, date: formatDateOnly(row.date) };
}
