/** Renders an entry's difference as "field: before → after"; a create shows only the new values. */
export function AuditChanges({ before, after, labels }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; labels: { empty: string } }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="text-slate-600">{labels.empty}</span>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
      {keys.map((key) => (
        <div key={key} className="contents">
          <dt className="font-mono text-slate-700">{key}</dt>
          <dd className="break-all">
            {before && key in before && (
              <>
                <del className="text-red-800">{show(before[key])}</del>
                <span aria-hidden="true"> → </span>
              </>
            )}
            {after && key in after && <ins className="text-green-800 no-underline">{show(after[key])}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.map(show).join(", ") || "∅";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
