import "server-only";
import MarkdownIt, { type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Report sections are Markdown, rendered on the server only (no Markdown code in the browser's script) and
// sanitised on output (decision 093): markdown-it with raw HTML off escapes whatever HTML was typed and refuses
// javascript: links; sanitize-html then keeps only the tags Markdown produces, as a second, independent guard.

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const allowedTags = ["p", "br", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody", "tr", "th", "td"];

export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), {
    allowedTags,
    allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"], th: ["style"], td: ["style"] },
    allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }, true) },
  });
}

/**
 * The Markdown as markdown-it tokens, parsed exactly as renderMarkdown parses it (raw HTML stays text), for writers
 * that are not HTML: the outcomes digest PDF (features/outcomes-digest/markdown-blocks.ts).
 */
export function parseMarkdown(text: string): Token[] {
  return markdown.parse(text, {});
}
