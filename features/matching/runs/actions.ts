"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { acceptMatchingRun, discardMatchingRun, proposeMatchingRun } from "./mutations";
import { acceptSchema, discardSchema, proposeSchema } from "./schemas";

// Thin: the schema parses, defineAction checks the role-level permission, the mutation loads the cohort or run in
// the actor's scope and checks the side (decision 110).

/** Accepting assigns placements: every view of them. Proposing and discarding change only the matching page. */
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
  run: async (input, { user, request }) => {
    const result = await proposeMatchingRun({ actor: user, request }, input);
    revalidateMatchingViews({ placementsChanged: false });
    return result;
  },
  notice: (result, { t }) => t("matchingRuns.notices.proposed", { assigned: result.assigned, unassigned: result.unassigned }),
  redirectTo: (result) => `/cohorts/${result.cohortId}/matching?run=${result.id}`,
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
