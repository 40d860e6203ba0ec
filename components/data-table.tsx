import { useId } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const tableClass = "w-full text-left text-sm";
/** A table whose cells are padded from the table itself: one class, instead of one per cell on long pages. */
export const paddedTableClass = `${tableClass} [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:px-3 [&_th]:py-2 [&_th]:align-top`;

/**
 * A data table in a scroll region named by its caption: the caption for assistive technology (or shown, with
 * `showCaption`), the header cells, the rows. The table pads its cells, so rows need no padding classes of their own.
 */
export function DataTable({
  caption,
  headers,
  children,
  showCaption = false,
  framed,
  className,
  testId,
}: {
  caption: string;
  /** The header cells of the one header row; omit for a table whose rows carry their own headers. */
  headers?: React.ReactNode;
  children: React.ReactNode;
  showCaption?: boolean;
  /** See ScrollRegion. */
  framed?: boolean;
  /** Classes for the scroll region around the table. */
  className?: string;
  testId?: string;
}) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId} framed={framed} className={className}>
      <table className={paddedTableClass} data-testid={testId}>
        <caption id={captionId} className={showCaption ? "px-3 py-2 text-left font-medium text-slate-800" : "sr-only"}>
          {caption}
        </caption>
        {headers && (
          <thead className="bg-slate-100">
            <tr>{headers}</tr>
          </thead>
        )}
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
