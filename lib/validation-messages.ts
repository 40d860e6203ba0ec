import type { z } from "zod";

/**
 * The "errors" catalog key (and its values) for a zod issue; schemas may name a key directly as "errors.<key>".
 * A length limit is always stated: "Must be at most 200 characters", never "This field is required".
 */
export function issueMessageKey(issue: z.core.$ZodIssue): { key: string; values?: Record<string, string | number> } {
  if (issue.message?.startsWith("errors.")) return { key: issue.message.slice("errors.".length) };
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? { key: "required" } : { key: "tooShort", values: { minimum } };
      return { key: "tooSmall", values: { minimum } };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return { key: "tooLong", values: { maximum } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooManyItems", values: { maximum } };
      return { key: "tooBig", values: { maximum } };
    }
    case "invalid_format":
      return { key: issue.format === "email" ? "invalidEmail" : "invalidValue" };
    default:
      return { key: "invalidValue" };
  }
}
