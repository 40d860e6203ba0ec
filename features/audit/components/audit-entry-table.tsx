import Link from "next/link";
import { useId } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { PresentedEntry } from "../presentation";
import { AuditChanges } from "./audit-changes";

export interface AuditTableLabels {
  caption: string;
  time: string;
  actor: string;
  action: string;
  record: string;
  changes: string;
  origin: string;
  empty: string;
  was: string;
  now: string;
}

// A table from 768 px up; below, each row is a card whose cells carry their column's name (data-label), so a phone
// never scrolls sideways. One markup for both: no second copy of 50 entries in the page.
const tableClass = [
  "w-full text-left text-sm",
  "md:[&_td]:px-3 md:[&_td]:py-1.5 md:[&_td]:align-top md:[&_th]:px-3 md:[&_th]:py-1.5 md:[&_th]:align-top",
  "max-md:block max-md:[&_tbody]:block max-md:[&_tr]:block max-md:[&_td]:block max-md:[&_th]:block",
  "max-md:[&_tbody>tr]:border-b max-md:[&_tbody>tr]:border-slate-200 max-md:[&_tbody>tr]:p-3 max-md:[&_td]:py-0.5 max-md:[&_th]:py-0.5",
  "max-md:[&_[data-label]]:before:block max-md:[&_[data-label]]:before:text-xs max-md:[&_[data-label]]:before:font-normal max-md:[&_[data-label]]:before:text-slate-600 max-md:[&_[data-label]]:before:content-[attr(data-label)]",
].join(" ");

/**
 * Audit entries, newest first: the audit log (with the record and where the request came from) and a record's
 * history (`compact`: the record is the page's own).
 */
export function AuditEntryTable({ entries, labels, compact = false, testId }: { entries: PresentedEntry[]; labels: AuditTableLabels; compact?: boolean; testId: string }) {
  const captionId = useId();
  const columns = compact ? [labels.time, labels.actor, labels.action, labels.changes] : [labels.time, labels.actor, labels.action, labels.record, labels.changes, labels.origin];
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={tableClass}>
        <caption id={captionId} className="sr-only">
          {labels.caption}
        </caption>
        <thead className="bg-slate-100 max-md:hidden">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200" data-testid={testId}>
              <td data-label={labels.time} className="md:whitespace-nowrap">
                {entry.time}
              </td>
              <td data-label={labels.actor}>
                {entry.actorName}
                {!compact && entry.actorEmail && entry.actorEmail !== entry.actorName && <span className="block text-xs text-slate-600 [overflow-wrap:anywhere]">{entry.actorEmail}</span>}
              </td>
              <th scope="row" data-label={labels.action} className="font-medium">
                {entry.actionLabel}
              </th>
              {!compact && (
                <td data-label={labels.record}>
                  <span className="block text-xs text-slate-600">{entry.recordType}</span>
                  {entry.record &&
                    (entry.record.href ? (
                      <Link href={entry.record.href} className="text-brand-700 underline [overflow-wrap:anywhere]">
                        {entry.record.text}
                      </Link>
                    ) : (
                      <span className="[overflow-wrap:anywhere]">{entry.record.text}</span>
                    ))}
                </td>
              )}
              <td data-label={labels.changes}>
                <AuditChanges changes={entry.changes} labels={{ empty: labels.empty, was: labels.was, now: labels.now }} />
              </td>
              {!compact && (
                <td data-label={labels.origin} className="text-xs">
                  {entry.ipAddress ?? "—"}
                  {entry.requestId && <span className="block font-mono text-slate-600 [overflow-wrap:anywhere]">{entry.requestId}</span>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
