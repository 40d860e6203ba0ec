import { useTranslations } from "next-intl";
import type { PlacementDisplayStatus } from "../display-status";

const badgeStyles: Record<PlacementDisplayStatus, string> = {
  NOMINATED: "border-slate-500 bg-slate-50 text-slate-800",
  ASSIGNED: "border-amber-700 bg-amber-50 text-amber-900",
  CONFIRMED: "border-green-700 bg-green-50 text-green-900",
  ACTIVE: "border-brand-700 bg-brand-50 text-brand-800",
  COMPLETED: "border-slate-500 bg-white text-slate-800",
  WITHDRAWN: "border-red-700 bg-red-50 text-red-800",
};

// Synchronous on purpose: the board renders three of these per row, and an async component per cell made React
// stream each row as a chunk of its own.

/** The status as text in a bordered badge: colour only repeats what the word says. */
export function StatusBadge({ status }: { status: PlacementDisplayStatus }) {
  const t = useTranslations("status.placement");
  return (
    <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-semibold ${badgeStyles[status]}`} data-testid="placement-status">
      {t(status)}
    </span>
  );
}
