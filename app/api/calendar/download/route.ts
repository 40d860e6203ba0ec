import { defineRoute } from "@/lib/route";
import { respondWithOwnCalendar } from "@/features/schedule/feed";

// proxy.ts does not require a session under /api/calendar, so the session is checked here (defineRoute): the
// signed-in user's own schedule, nobody else's.
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "calendar.download",
  permission: "calendarFeed:manage",
  handle: (request, { user, request: context }) =>
    respondWithOwnCalendar(user, context, { includeHolidays: request.nextUrl.searchParams.get("holidays") !== "none" }),
});
