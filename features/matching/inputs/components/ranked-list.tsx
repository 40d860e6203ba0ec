import { EmptyState } from "@/components/empty-state";
import type { RankedItem } from "./ranked-list-editor.client";

/** A ranked list as read-only text: first choice first. */
export function RankedList({ items, emptyMessage, labelledBy }: { items: RankedItem[]; emptyMessage: string; labelledBy: string }) {
  if (items.length === 0) return <EmptyState message={emptyMessage} />;
  return (
    <ol aria-labelledby={labelledBy} className="flex list-decimal flex-col gap-2 pl-6">
      {items.map((item) => (
        <li key={item.id} className="break-words">
          <span className="font-medium">{item.label}</span>
          <span className="block text-sm text-slate-700">{item.detail}</span>
        </li>
      ))}
    </ol>
  );
}
