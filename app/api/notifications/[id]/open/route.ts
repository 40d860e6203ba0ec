import { defineRoute } from "@/lib/route";
import { openNotification } from "@/features/notifications/mutations";

export const dynamic = "force-dynamic";

/** Opens a notification: marks it read and goes to its record. Only its recipient can (others get 404). */
export const GET = defineRoute<{ id: string }>({
  name: "notifications.open",
  permission: "notification:view",
  async handle(request, { user, params }) {
    const link = await openNotification(user, params.id);
    return new Response(null, { status: 303, headers: { Location: new URL(link, request.nextUrl.origin).toString(), "Cache-Control": "no-store" } });
  },
});
