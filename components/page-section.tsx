import { cn } from "@/lib/cn";

/**
 * A titled section of a page; the heading labels the section for screen-reader navigation. `intro` is a line under
 * the heading; `className` styles the section (a card, a column of cards).
 */
export function PageSection({
  id,
  title,
  intro,
  className,
  testId,
  children,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  const heading = (
    <h2 id={`${id}-heading`} className={cn("text-lg font-semibold", !intro && "mb-3")}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className={className} data-testid={testId}>
      {intro ? (
        <div className="mb-3">
          {heading}
          <p className="text-sm text-slate-700">{intro}</p>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
