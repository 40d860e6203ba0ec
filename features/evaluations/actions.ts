"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { releaseEvaluation, saveEvaluation } from "./mutations";
import { releaseEvaluationSchema, saveEvaluationSchema } from "./schemas";

export const saveEvaluationAction = defineAction({
  name: "evaluation.save",
  schema: saveEvaluationSchema,
  permission: "evaluation:write",
  run: async (input, { user, request }) => {
    const outcome = await saveEvaluation({ actor: user, request }, input);
    revalidatePath(`/placements/${outcome.placementId}/reports`);
    return outcome;
  },
  notice: (_outcome, { t }) => t("evaluations.notices.saved"),
});

export const releaseEvaluationAction = defineAction({
  name: "evaluation.release",
  schema: releaseEvaluationSchema,
  permission: "evaluation:release",
  run: async (input, { user, request }) => {
    const outcome = await releaseEvaluation({ actor: user, request }, input);
    revalidatePath(`/placements/${outcome.placementId}/reports`);
    return outcome;
  },
  notice: (_outcome, { t }) => t("evaluations.notices.released"),
});
