import { defineRoute } from "@/lib/route";
import { countUnreadNotifications } from "@/features/notifications/queries";

export const dynamic = "force-dynamic";

/** The signed-in user's unread count, for the header's bell. */
export const GET = defineRoute({
  name: "notifications.unread",
  permission: "notification:view",
  async handle(_request, { user }) {
    return Response.json({ count: await countUnreadNotifications(user) }, { headers: { "Cache-Control": "no-store" } });
  },
});
