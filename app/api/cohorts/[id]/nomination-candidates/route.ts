import { getLocale } from "next-intl/server";
import { defineRoute } from "@/lib/route";
import type { AppLocale } from "@/lib/i18n/locales";
import { findNominationChoices } from "@/features/placements/nomination-choices";

// The nominate dialog's officer choices, fetched when the dialog opens and on each search: GET ?q=.
export const dynamic = "force-dynamic";

export const GET = defineRoute<{ id: string }>({
  name: "placements.nominationCandidates",
  permission: "placement:nominate",
  async handle(request, { user, params }) {
    const candidates = await findNominationChoices(user, params.id, request.nextUrl.searchParams.get("q"), (await getLocale()) as AppLocale);
    return Response.json({ candidates }, { headers: { "Cache-Control": "no-store" } });
  },
});
