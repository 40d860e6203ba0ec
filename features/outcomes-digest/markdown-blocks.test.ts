import { describe, expect, it } from "vitest";
import { markdownBlocks } from "./markdown-blocks";

describe("a report section's Markdown as PDF blocks", () => {
  it("keeps headings, paragraphs and bold / italic runs, in any script", () => {
    const blocks = markdownBlocks("## 前海 plan\n\nWe **agreed** on *joint* ***training***.");
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 2, runs: [{ text: "前海 plan", style: "regular" }], indent: 0 });
    expect(blocks[1].kind).toBe("paragraph");
    expect(blocks[1].runs).toEqual([
      { text: "We ", style: "regular" },
      { text: "agreed", style: "bold" },
      { text: " on ", style: "regular" },
      { text: "joint", style: "italic" },
      { text: " ", style: "regular" },
      { text: "training", style: "boldItalic" },
      { text: ".", style: "regular" },
    ]);
  });

  it("numbers ordered lists from their start, marks bullets, and indents nested lists", () => {
    const blocks = markdownBlocks("3. three\n4. four\n   - inner\n\n- 一\n- 二");
    expect(blocks.map((block) => [block.marker, block.indent, block.runs.map((run) => run.text).join("")])).toEqual([
      ["3.", 1, "three"],
      ["4.", 1, "four"],
      ["•", 2, "inner"],
      ["•", 1, "一"],
      ["•", 1, "二"],
    ]);
  });

  it("starts a new line at a line break, and prints a link's address after its text", () => {
    const blocks = markdownBlocks("first line\nsecond [site](https://example.test)");
    expect(blocks.map((block) => [block.runs.map((run) => run.text).join(""), block.continued ?? false])).toEqual([
      ["first line", false],
      ["second site (https://example.test)", true],
    ]);
  });

  it("keeps typed HTML as literal text, never as markup", () => {
    const blocks = markdownBlocks("<b>not bold</b> <script>x</script>");
    expect(blocks).toHaveLength(1);
    expect(blocks[0].runs.map((run) => run.text).join("")).toBe("<b>not bold</b> <script>x</script>");
    expect(blocks[0].runs.every((run) => run.style === "regular")).toBe(true);
  });

  it("prints code blocks line by line, tables row by row with a bold header, and rules", () => {
    const blocks = markdownBlocks("```\nstep 1\nstep 2\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n---");
    expect(blocks.map((block) => [block.kind, block.runs.map((run) => run.text).join("")])).toEqual([
      ["code", "step 1"],
      ["code", "step 2"],
      ["paragraph", "A | B"],
      ["paragraph", "1 | 2"],
      ["rule", ""],
    ]);
    expect(blocks[2].runs.every((run) => run.style === "bold")).toBe(true);
  });
});
