import Link from "next/link";
import { useId } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { PresentedEntry } from "../presentation";
import { AuditChanges } from "./audit-changes";

export interface AuditTableLabels {
  caption: string;
  whenAndWho: string;
  action: string;
  changes: string;
  empty: string;
  was: string;
  now: string;
}

// Three columns, so the changes get most of the width and a row stays a few lines tall: when and who, what (with
// which record and where the request came from), the changes. From 768 px a fixed-layout table; below, each row is
// a card whose cells carry their column's name (data-label), so a phone never scrolls sideways. One markup for both.
const tableClass = [
  "w-full text-left text-sm md:table-fixed",
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
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={tableClass}>
        <caption id={captionId} className="sr-only">
          {labels.caption}
        </caption>
        <thead className="bg-slate-100 max-md:hidden">
          <tr>
            <th scope="col" className="md:w-60">
              {labels.whenAndWho}
            </th>
            <th scope="col" className="md:w-64">
              {labels.action}
            </th>
            <th scope="col">{labels.changes}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200" data-testid={testId}>
              <td data-label={labels.whenAndWho} className="[overflow-wrap:anywhere]">
                <span className="block">{entry.time}</span>
                <span className="block text-slate-700">{entry.actorName}</span>
                {!compact && entry.actorEmail && entry.actorEmail !== entry.actorName && <span className="block text-xs text-slate-600">{entry.actorEmail}</span>}
              </td>
              <th scope="row" data-label={labels.action} className="font-normal [overflow-wrap:anywhere]">
                <span className="block font-medium">{entry.actionLabel}</span>
                {!compact && (
                  <span className="block text-xs text-slate-600">
                    {entry.recordType}
                    {entry.record && ": "}
                    {entry.record &&
                      (entry.record.href ? (
                        <Link href={entry.record.href} className="text-brand-700 underline">
                          {entry.record.text}
                        </Link>
                      ) : (
                        entry.record.text
                      ))}
                  </span>
                )}
                {!compact && (entry.ipAddress || entry.requestId) && (
                  <span className="block font-mono text-xs text-slate-600">{[entry.ipAddress, entry.requestId].filter(Boolean).join(" · ")}</span>
                )}
              </th>
              <td data-label={labels.changes}>
                <AuditChanges changes={entry.changes} labels={{ empty: labels.empty, was: labels.was, now: labels.now }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
