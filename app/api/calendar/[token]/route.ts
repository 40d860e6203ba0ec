import type { NextRequest } from "next/server";
import { getRequestContext } from "@/lib/request-context";
import { respondWithCalendarFeed } from "@/features/schedule/feed";

// Calendar apps subscribe without a session (proxy.ts lets /api/calendar through): the secret token in the path
// is the only credential, checked in respondWithCalendarFeed. Any token that is not a current one answers 404.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return respondWithCalendarFeed(token.replace(/\.ics$/, ""), await getRequestContext(), {
    includeHolidays: request.nextUrl.searchParams.get("holidays") !== "none",
    ifNoneMatch: request.headers.get("if-none-match"),
  });
}
