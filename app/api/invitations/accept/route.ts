import { defineRoute } from "@/lib/route";
import { handleAcceptInvitation } from "@/features/accounts/accept-route";

export const POST = defineRoute({
  name: "invitation.accept",
  permission: "public",
  handle: (request, { request: context, t }) => handleAcceptInvitation(request, { request: context, t }),
});
