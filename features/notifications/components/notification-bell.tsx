import { ClientMessages } from "@/components/client-messages";
import type { Actor } from "@/lib/authorization";
import { hasPermission } from "@/lib/authorization";
import { countUnreadNotifications } from "../queries";
import { BellLink } from "./bell-link";

/** The header's bell, for every signed-in page (a small, self-contained piece of the shell). */
export async function NotificationBell({ user }: { user: Actor }) {
  if (!hasPermission(user, "notification:view")) return null;
  const count = await countUnreadNotifications(user);
  return (
    <ClientMessages namespaces={["notifications.bell", "notifications.bellUnread"]}>
      <BellLink initialCount={count} />
    </ClientMessages>
  );
}
