"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import { defineAction } from "@/lib/action";
import { acceptMatchingRun, discardMatchingRun, proposeMatchingRun } from "./mutations";
import { acceptSchema, discardSchema, proposeSchema } from "./schemas";
import { proposedMatchingView } from "./components/matching-view";

// Thin: the schema parses, defineAction checks the role-level permission, the mutation loads the cohort or run in
// the actor's scope and checks the side (decision 110).

/** Accepting assigns placements: every view of them. Discarding changes only the matching page. */
function revalidateMatchingViews({ placementsChanged }: { placementsChanged: boolean }) {
  revalidatePath("/cohorts/[id]/matching", "page");
  if (!placementsChanged) return;
  revalidatePath("/cohorts/[id]", "page");
  revalidatePath("/approvals");
  revalidatePath("/");
}

export const proposeMatchingAction = defineAction({
  name: "matchingRun.propose",
  schema: proposeSchema,
  permission: "matchingRun:propose",
  // No redirect and no revalidation here: the answer carries the new run's view alone, which the page shows at once in
  // place of its own and then refreshes behind it (ProposalSlot; decision 118).
  run: async (input, { user, request }) => {
    const proposed = await proposeMatchingRun({ actor: user, request }, input);
    const view = await proposedMatchingView(user, proposed, (await getLocale()) as AppLocale);
    const { id, cohortId, createdAt, assigned, unassigned } = proposed;
    return { id, cohortId, assigned, unassigned, view, proposedAt: createdAt.getTime(), url: `/cohorts/${cohortId}/matching?run=${id}` };
  },
  notice: (result, { t }) => t("matchingRuns.notices.proposed", { assigned: result.assigned, unassigned: result.unassigned }),
});

export const acceptMatchingAction = defineAction({
  name: "matchingRun.accept",
  schema: acceptSchema,
  permission: "matchingRun:accept",
  run: async (input, { user, request }) => {
    const result = await acceptMatchingRun({ actor: user, request }, input);
    revalidateMatchingViews({ placementsChanged: true });
    return result;
  },
  notice: (result, { t }) => t("matchingRuns.notices.accepted", { accepted: result.accepted, refused: result.refused.length }),
});

export const discardMatchingAction = defineAction({
  name: "matchingRun.discard",
  schema: discardSchema,
  permission: "matchingRun:discard",
  run: async (input, { user, request }) => {
    const result = await discardMatchingRun({ actor: user, request }, input);
    revalidateMatchingViews({ placementsChanged: false });
    return result;
  },
  notice: (_result, { t }) => t("matchingRuns.notices.discarded"),
});
