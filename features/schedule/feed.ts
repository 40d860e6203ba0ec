import "server-only";
import { createHash } from "node:crypto";
import { createTranslator } from "next-intl";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { storedAuditActionNames } from "@/lib/audit-actions";
import { hasPermission, type Actor } from "@/lib/authorization";
import { fromDatabaseLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { formatOfficerName } from "@/features/officers/names";
import { loadHolidayCalendar } from "./holiday-calendar";
import { scheduleItemFeedSelect } from "./item-select";
import { buildIcsCalendar, type IcsHoliday, type IcsItem, type IcsReportDue } from "./ics";
import { findReportDueEntries } from "@/features/officer-reports/queries";
import { hashCalendarToken } from "./mutations";
import { scopeWhere } from "@/lib/scopes";
import { itemDateRange } from "./time";
import { addDays, formatDateOnly, instantInHongKong, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { runStatement, sqlBuilder } from "@/lib/kysely";
import { advisoryLock } from "@/lib/sql-fragments";

/** A feed never lists more than this many items; a coordinator's feed covers the last year's cohorts. */
const maximumItems = 5000;
/** Holidays are listed for at most this many days around the schedule. */
const maximumHolidayDays = 800;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type FeedOwner = Actor & { locale: AppLocale };

type Translate = (key: string, values?: Record<string, string>) => string;

export interface FeedOptions {
  includeHolidays: boolean;
  ifNoneMatch?: string | null;
}

/**
 * The owner of a subscription token. Deliberately not scoped by a session: the token is the credential. Only the
 * SHA-256 is compared (through the unique index), a deactivated account or a role without feeds gets nothing.
 */
export async function findCalendarFeedOwnerUnsafe(token: string): Promise<FeedOwner | null> {
  if (!tokenPattern.test(token)) return null;
  const user = await db.user.findUnique({ where: { calendarTokenHash: hashCalendarToken(token) } });
  if (!user || !user.active) return null;
  const owner: FeedOwner = { ...actorFromUser(user), locale: fromDatabaseLocale(user.locale) };
  return hasPermission(owner, "calendarFeed:manage") ? owner : null;
}

function feedWindow(owner: Actor, today: string): Prisma.ScheduleItemWhereInput {
  if (owner.role === "COORDINATOR" || owner.role === "ADMIN") return { cohort: { endDate: { gte: parseDateOnly(addDays(today, -365)) } } };
  return {};
}

/** The owner's schedule as iCalendar text: exactly what their own schedule pages show them. */
export async function buildCalendarFeed(owner: FeedOwner, options: { includeHolidays: boolean; today?: string }): Promise<string> {
  const today = options.today ?? todayInHongKong();
  // The owner's saved language, not the request's: a calendar app polling the link has no session or cookie.
  const t = createTranslator({ locale: owner.locale, messages: loadMessages(owner.locale), namespace: "schedule" }) as unknown as Translate;
  const [rows, placements] = await Promise.all([
    db.scheduleItem.findMany({
      where: { AND: [scopeWhere("scheduleItem", owner), feedWindow(owner, today)] },
      select: scheduleItemFeedSelect,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: maximumItems,
    }),
    owner.role === "OFFICER" ? db.placement.findMany({ where: scopeWhere("schedulePlacement", owner), select: { id: true, startDate: true, endDate: true } }) : Promise.resolve([]),
  ]);
  // An officer's feed is about themselves: their own name would only repeat on every item.
  const showOfficer = owner.role !== "OFFICER";
  const items: IcsItem[] = rows.map((row) => ({
    ...row,
    ...itemDateRange(row),
    typeLabel: t(`types.${row.type}`),
    officerName: showOfficer && row.placement ? formatOfficerName(row.placement.officer) : null,
  }));

  // An officer's own report due dates, as their agenda shows them.
  const reportsDue: IcsReportDue[] = (await findReportDueEntries(owner, placements.map((placement) => placement.id))).map((report) => ({
    ...report,
    label: report.isDone ? t(`reportDone.${report.kind}`) : t(`reportDue.${report.kind}`),
  }));

  let holidays: IcsHoliday[] = [];
  let description: string | null = null;
  const dates = [
    ...items.flatMap((item) => [item.startDate, item.endDate]),
    ...placements.flatMap((placement) => [formatDateOnly(placement.startDate), formatDateOnly(placement.endDate)]),
  ].sort();
  if (options.includeHolidays && dates.length > 0) {
    const to = dates.at(-1)!;
    const earliest = addDays(to, -maximumHolidayDays);
    const from = dates[0] < earliest ? earliest : dates[0];
    const holidayCalendar = await loadHolidayCalendar();
    // The same rule as the web page's note (HolidayDataNote): a year neither the package nor an admin has given.
    const missingYears = holidayCalendar.yearsWithoutData("MAINLAND", [{ startDate: from, endDate: to }]);
    if (missingYears.length > 0) description = t("holidays.mainlandDataMissing", { years: missingYears.join(", ") });
    holidays = holidayCalendar.listHolidays(from, to).map((entry) => ({
      entry,
      label: t(entry.kind === "holiday" ? "holidays.holidayLabel" : "holidays.makeUpLabel", {
        side: t(`holidays.sides.${entry.side}`),
        name: owner.locale === "zh-Hant" ? entry.name.zhHant : owner.locale === "zh-Hans" ? entry.name.zhHans : entry.name.en,
      }),
    }));
  }
  return buildIcsCalendar({ name: t("feed.calendarName", { name: owner.name }), description, items, holidays, reportsDue, generatedAt: new Date() });
}

/**
 * Audits a feed access. A download from the app is one person's deliberate act and is audited each time. A
 * subscription is polled by calendar apps (hourly or more often, on every device), so it is audited once per owner
 * per Hong Kong day — enough to answer "was this link used, and from where" without flooding the append-only log;
 * every poll still goes to the application log with its request id.
 */
export async function recordCalendarFeedAccess(owner: Actor, request: RequestContext, via: "download" | "subscription"): Promise<void> {
  logger.info("calendar feed served", { via, userId: owner.userId, requestId: request.requestId });
  if (via === "download") {
    await db.$transaction((tx) => writeAudit(tx, owner, request, { action: "calendarFeed.download", entityType: "User", entityId: owner.userId }));
    return;
  }
  const startOfDay = instantInHongKong(todayInHongKong());
  await db.$transaction(async (tx) => {
    // Serialises concurrent polls of one owner so that only the first of the day writes an entry.
    await runStatement(sqlBuilder.selectNoFrom(advisoryLock(`calendarFeed:${owner.userId}`).as("locked")), tx);
    const already = await tx.auditLog.count({
      where: { entityType: "User", entityId: owner.userId, action: { in: storedAuditActionNames("calendarFeed.fetch") }, createdAt: { gte: startOfDay } },
    });
    if (already === 0) await writeAudit(tx, owner, request, { action: "calendarFeed.fetch", entityType: "User", entityId: owner.userId });
  });
}

/** The token in a feed URL: "<token>.ics", the extension in any case (some clients upper-case it), or bare. */
export function calendarTokenFromPath(segment: string): string {
  return segment.replace(/\.ics$/i, "");
}

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });

function calendarResponse(body: string, options: FeedOptions & { download: boolean }): Response {
  // DTSTAMP lines are left out of the tag: holidays carry the generation time (RFC 5545: when the data was
  // produced), which changes on every request; an item's change shows in its SEQUENCE and LAST-MODIFIED anyway.
  const etag = `"${createHash("sha256").update(body.replace(/^DTSTAMP:.*\r\n/gm, "")).digest("base64url")}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    // Personal data: never stored by shared caches; subscribed apps revalidate with If-None-Match.
    "Cache-Control": options.download ? "private, no-store" : "private, no-cache",
    // The subscription URL carries the secret; keep it out of Referer headers and search engines.
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
  };
  if (!options.download && options.ifNoneMatch && options.ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${options.download ? "attachment" : "inline"}; filename="exchange-desk-schedule.ics"`,
    },
  });
}

/** GET /api/calendar/<token>.ics — answers 404 for any token that is not a current one. */
export async function respondWithCalendarFeed(token: string, request: RequestContext, options: FeedOptions): Promise<Response> {
  const owner = await findCalendarFeedOwnerUnsafe(token);
  if (!owner) return notFound();
  const body = await buildCalendarFeed(owner, options);
  await recordCalendarFeedAccess(owner, request, "subscription");
  return calendarResponse(body, { ...options, download: false });
}

/** GET /api/calendar/download — the signed-in user's own schedule as a file. */
export async function respondWithOwnCalendar(owner: FeedOwner, request: RequestContext, options: FeedOptions): Promise<Response> {
  if (!hasPermission(owner, "calendarFeed:manage")) return notFound();
  const body = await buildCalendarFeed(owner, options);
  await recordCalendarFeedAccess(owner, request, "download");
  return calendarResponse(body, { ...options, download: true });
}
