import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, dropping falsy ones, and lets a later Tailwind class win over an earlier conflicting one.
 * tailwind-merge is ~10 kB gzipped: the primitives client components use (components/ui, DataTable) join with
 * plain `clsx` and take variants as props instead of conflicting classes, so it stays out of the browser bundle
 * (docs/decisions/030-ui-kit.md).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
