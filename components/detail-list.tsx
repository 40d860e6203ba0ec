import { cn } from "@/lib/cn";

/** Label–value pairs of one record, as a description list: labels in a column beside their values on wide screens. */
export function DetailList({ items, className, testId }: { items: [label: string, value: React.ReactNode][]; className?: string; testId?: string }) {
  return (
    <dl className={cn("grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]", className)} data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
