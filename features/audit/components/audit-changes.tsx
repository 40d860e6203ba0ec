import Link from "next/link";
import type { ChangeLine, DisplayValue } from "../presentation";

function Values({ values }: { values: DisplayValue[] }) {
  return values.map((value, index) => (
    <span key={index}>
      {index > 0 && ", "}
      {value.href ? (
        <Link href={value.href} className="text-brand-700 underline">
          {value.text}
        </Link>
      ) : (
        value.text
      )}
    </span>
  ));
}

/**
 * An entry's changes, side by side and wrapping: "Host unit: was Sham Shui Po District Office → now Kwun Tong District Office".
 * A new record lists the values it was given. The arrow is for the eye; "was"/"now" are for screen readers.
 */
export function AuditChanges({ changes, labels }: { changes: ChangeLine[]; labels: { empty: string; was: string; now: string } }) {
  if (changes.length === 0) return <span className="text-slate-600">{labels.empty}</span>;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-0.5 [overflow-wrap:anywhere]" data-testid="audit-changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="font-medium text-slate-800">{change.label}</span>
          {": "}
          {change.before && (
            <>
              <span className="sr-only">{labels.was} </span>
              <del className="text-red-800">
                <Values values={change.before} />
              </del>
              {change.after && <span aria-hidden="true"> → </span>}
            </>
          )}
          {change.after && (
            <>
              {change.before && <span className="sr-only"> {labels.now} </span>}
              <ins className="text-green-800 no-underline">
                <Values values={change.after} />
              </ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
