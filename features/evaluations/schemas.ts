import { z } from "zod";
import { text } from "@/lib/text";
import { versionField } from "@/lib/version-field";

// Importable by client components: no server-only imports here.

/** The stated criteria a supervisor rates from 1 to 5 (decision 092; labels in messages/<locale>/evaluations.json). */
export const evaluationCriteria = ["knowledge", "initiative", "collaboration", "communication", "professionalism"] as const;
export type EvaluationCriterion = (typeof evaluationCriteria)[number];

export const ratingColumn = {
  knowledge: "ratingKnowledge",
  initiative: "ratingInitiative",
  collaboration: "ratingCollaboration",
  communication: "ratingCommunication",
  professionalism: "ratingProfessionalism",
} as const satisfies Record<EvaluationCriterion, string>;

const id = z.string().trim().min(1, "errors.required");
const rating = z.coerce.number({ error: "errors.required" }).int("errors.invalidChoice").min(1, "errors.invalidChoice").max(5, "errors.invalidChoice");
const optionalVersion = z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), versionField.nullable());

export const saveEvaluationSchema = z.object({
  placementId: id,
  /** The evaluation's version the edit started from; null when writing the first one. */
  version: optionalVersion,
  knowledge: rating,
  initiative: rating,
  collaboration: rating,
  communication: rating,
  professionalism: rating,
  comments: text(8_000).default(""),
});
export type SaveEvaluationInput = z.output<typeof saveEvaluationSchema>;

export const releaseEvaluationSchema = z.object({ placementId: id, version: versionField });
export type ReleaseEvaluationInput = z.output<typeof releaseEvaluationSchema>;
