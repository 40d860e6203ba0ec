import { useId } from "react";
import { clsx } from "clsx";
import { ScrollRegion } from "@/components/ui/scroll-region";
// Global, not a CSS module: one namespaced class, and no module typings needed before `next build` writes them.
import "./data-table-cards.css";

export const tableClass = "w-full text-left text-sm";
/** A table whose cells are padded from the table itself: one class, instead of one per cell on long pages. */
export const paddedTableClass = `${tableClass} [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:px-3 [&_th]:py-2 [&_th]:align-top`;

/**
 * What a table needs to show its rows as cards below 768 px (data-table-cards.css): each column's label by position,
 * the row header's included; `null` for a column whose cells need no label (the row header, the action).
 */
function cardStyle(labels: readonly (string | null | undefined)[]): React.CSSProperties {
  const style: Record<string, string> = {};
  labels.forEach((label, index) => {
    // JSON's string quoting is also valid CSS string quoting for labels (no line breaks).
    if (label) style[`--column-${index + 1}`] = JSON.stringify(label);
  });
  return style as React.CSSProperties;
}

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
  cardLabels,
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
  /**
   * Show the rows as cards below 768 px, each cell under its column's label (by position, one per cell of a row);
   * from 768 px the table fits its box, long values wrapping anywhere. Other lanes: pass the column labels.
   */
  cardLabels?: readonly (string | null | undefined)[];
}) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId} framed={framed} className={className}>
      <table className={clsx(paddedTableClass, cardLabels && "data-table-cards")} style={cardLabels && cardStyle(cardLabels)} data-testid={testId}>
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
