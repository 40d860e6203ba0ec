import type { NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { getRequestContext } from "@/lib/request-context";
import { respondWithOwnCalendar } from "@/features/schedule/feed";

// proxy.ts does not require a session under /api/calendar, so this handler checks it: the signed-in user's own
// schedule, nobody else's.
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to download your calendar.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (!hasPermission(user, "calendarFeed:manage")) return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return respondWithOwnCalendar(user, await getRequestContext(), { includeHolidays: request.nextUrl.searchParams.get("holidays") !== "none" });
}
