import type { z } from "zod";

/** The "errors" catalog key (and its values) for a zod issue; schemas may name a key directly as "errors.<key>". */
export function issueMessageKey(issue: z.core.$ZodIssue): { key: string; values?: Record<string, string | number> } {
  if (issue.message?.startsWith("errors.")) return { key: issue.message.slice("errors.".length) };
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 && issue.origin === "string" ? { key: "required" } : { key: "tooSmall", values: { minimum: Number(issue.minimum) } };
    case "too_big":
      return { key: "tooBig", values: { maximum: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "invalidEmail" : "invalidValue" };
    default:
      return { key: "invalidValue" };
  }
}
