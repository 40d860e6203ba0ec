import "server-only";
import type { Token } from "markdown-it";
import { parseMarkdown } from "@/features/officer-reports/markdown";
import type { TextRun } from "@/features/reports/export/wrap";

// A report section's Markdown as blocks of styled text that a PDF writer lays out (decision 114). Parsed by the same
// markdown-it instance and options as the web page (features/officer-reports/markdown.ts: raw HTML is kept as
// literal text, never interpreted), so the digest shows what the library page shows, in print.

export type InlineStyle = "regular" | "bold" | "italic" | "boldItalic";

export interface MarkdownBlock {
  kind: "heading" | "paragraph" | "code" | "rule";
  /** 1–6 for a heading. */
  level?: number;
  runs: TextRun<InlineStyle>[];
  /** How deep in lists and quotations the block sits. */
  indent: number;
  /** A list item's "•" or "3.", written before its first line. */
  marker?: string;
  /** The next line of the same paragraph after a line break: no space above it. */
  continued?: boolean;
}

function styleOf(bold: number, italic: number): InlineStyle {
  if (bold > 0 && italic > 0) return "boldItalic";
  if (bold > 0) return "bold";
  return italic > 0 ? "italic" : "regular";
}

/** An inline token's children as lines of runs (a line break starts a new line). */
function inlineLines(children: Token[]): TextRun<InlineStyle>[][] {
  const lines: TextRun<InlineStyle>[][] = [[]];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  let linkText = "";
  const push = (text: string, style = styleOf(bold, italic)) => {
    if (text) lines[lines.length - 1].push({ text, style });
  };
  for (const token of children) {
    switch (token.type) {
      case "text":
      case "code_inline":
        push(token.content);
        if (href !== null) linkText += token.content;
        break;
      case "strong_open":
        bold += 1;
        break;
      case "strong_close":
        bold -= 1;
        break;
      case "em_open":
        italic += 1;
        break;
      case "em_close":
        italic -= 1;
        break;
      case "softbreak":
      case "hardbreak":
        lines.push([]);
        break;
      case "link_open":
        href = token.attrGet("href");
        linkText = "";
        break;
      case "link_close":
        // Print has no links to follow: the address follows its text unless the text is the address.
        if (href && linkText.trim() !== href && `mailto:${linkText.trim()}` !== href) push(` (${href})`, "regular");
        href = null;
        break;
      case "image":
        push(token.content);
        break;
      default:
        break;
    }
  }
  return lines;
}

/** A report section's Markdown as blocks: headings, paragraphs, list items, code lines and rules. */
export function markdownBlocks(text: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let quoteDepth = 0;
  let heading: number | null = null;
  let marker: string | undefined;
  let row: TextRun<InlineStyle>[][] | null = null;
  let headerRow = false;
  const indent = () => lists.length + quoteDepth;
  const addLines = (kind: MarkdownBlock["kind"], lines: TextRun<InlineStyle>[][], level?: number) => {
    lines.forEach((runs, index) => {
      blocks.push({ kind, level, runs, indent: indent(), marker: index === 0 ? marker : undefined, continued: index > 0 || undefined });
    });
    marker = undefined;
  };

  for (const token of parseMarkdown(text)) {
    switch (token.type) {
      case "heading_open":
        heading = Number(token.tag.slice(1));
        break;
      case "heading_close":
        heading = null;
        break;
      case "bullet_list_open":
        lists.push({ ordered: false, next: 1 });
        break;
      case "ordered_list_open":
        lists.push({ ordered: true, next: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        marker = list.ordered ? `${list.next}.` : "•";
        list.next += 1;
        break;
      }
      case "blockquote_open":
        quoteDepth += 1;
        break;
      case "blockquote_close":
        quoteDepth -= 1;
        break;
      case "tr_open":
        row = [];
        break;
      case "thead_open":
        headerRow = true;
        break;
      case "thead_close":
        headerRow = false;
        break;
      case "tr_close": {
        // A table prints as one line per row, its cells separated by a bar (a header row in bold).
        const cells = row ?? [];
        const runs = cells.flatMap((cell, index) => [...(index > 0 ? [{ text: " | ", style: "regular" as const }] : []), ...cell]);
        addLines("paragraph", [headerRow ? runs.map((run) => ({ ...run, style: "bold" as const })) : runs]);
        row = null;
        break;
      }
      case "inline": {
        const lines = inlineLines(token.children ?? []);
        if (row) row.push(lines.flat());
        else if (heading !== null) addLines("heading", lines, heading);
        else addLines("paragraph", lines);
        break;
      }
      case "fence":
      case "code_block":
        addLines(
          "code",
          token.content.replace(/\n$/, "").split("\n").map((line) => [{ text: line, style: "regular" }]),
        );
        break;
      case "hr":
        blocks.push({ kind: "rule", runs: [], indent: indent() });
        break;
      default:
        break;
    }
  }
  return blocks;
}
