import { defineRoute } from "@/lib/route";
import { calendarTokenFromPath, respondWithCalendarFeed } from "@/features/schedule/feed";

// Calendar apps subscribe without a session (proxy.ts lets /api/calendar through): the secret token in the path
// is the only credential, checked in respondWithCalendarFeed. Any token that is not a current one answers 404.
export const dynamic = "force-dynamic";

export const GET = defineRoute<{ token: string }>({
  name: "calendar.feed",
  permission: "public",
  handle: (request, { request: context, params }) =>
    respondWithCalendarFeed(calendarTokenFromPath(params.token), context, {
      includeHolidays: request.nextUrl.searchParams.get("holidays") !== "none",
      ifNoneMatch: request.headers.get("if-none-match"),
    }),
});
