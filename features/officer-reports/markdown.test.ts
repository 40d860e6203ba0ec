import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("report Markdown", () => {
  it("renders emphasis, lists and links, in any script", () => {
    const html = renderMarkdown("**前海** work\n\n- one\n- two\n\n[site](https://example.test)");
    expect(html).toContain("<strong>前海</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.test" rel="noopener noreferrer nofollow" target="_blank">site</a>');
  });

  it("never outputs typed HTML, scripts, event handlers or javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="javascript:alert(4)">y</a>');
    // Typed tags come out as text (&lt;script&gt;), never as elements or attributes.
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|<a [^>]*href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
