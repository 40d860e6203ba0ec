import { z } from "zod";
import { text } from "@/lib/text";

// URL search parameters of server-side lists. A list must open whatever is in its URL: an unreadable value falls back
// to "no filter" / the default instead of failing the page — including text with control characters such as NUL,
// which PostgreSQL cannot compare (lib/text.ts).

/** First value of a Next.js search param. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export const listText = (maximum: number) =>
  text(maximum)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);

export const listPage = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

export const listDirection = z.enum(["asc", "desc"]).catch("asc").default("asc");

export const listActiveStatus = z.enum(["active", "inactive", "all"]).catch("active").default("active");
