import { clsx } from "clsx";

type ScrollRegionProps = React.HTMLAttributes<HTMLDivElement> & {
  className?: string;
  /** A bordered white box (the default); off inside a card that is one already. */
  framed?: boolean;
  children: React.ReactNode;
} & (
    | { label: string; labelledBy?: never }
    | { labelledBy: string; label?: never }
  );

/**
 * Every box that may scroll sideways (a wide table on a narrow screen): a named region that keyboard users can
 * focus and scroll with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`). `relative` makes it the
 * containing block of screen-reader-only text inside, which would otherwise be placed against the page and widen it.
 */
export function ScrollRegion({ label, labelledBy, framed = true, className, children, ...props }: ScrollRegionProps) {
  return (
    <div
      role="region"
      tabIndex={0}
      aria-label={label}
      aria-labelledby={labelledBy}
      className={clsx("relative overflow-x-auto focus-visible:outline-offset-[-3px]", framed && "rounded border border-slate-300 bg-white", className)}
      {...props}
    >
      {children}
    </div>
  );
}
