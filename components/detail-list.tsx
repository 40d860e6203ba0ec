/** Label–value pairs of one record, as a description list: labels in a column beside their values on wide screens. */
export function DetailList({ items, className = "" }: { items: [label: string, value: React.ReactNode][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr] ${className}`}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
