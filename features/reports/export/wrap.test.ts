import { describe, expect, it } from "vitest";
import { wrapRuns, wrapWords } from "./wrap";

// One unit per character, two for a CJK character: widths are easy to reason about.
const measure = (text: string) => [...text].reduce((width, character) => width + (/[\u3400-\u9FFF]/u.test(character) ? 2 : 1), 0);

describe("wrapWords", () => {
  it("breaks between words, never inside a word that fits on a line", () => {
    expect(wrapWords("Environmental Protection Department", 14, measure)).toEqual(["Environmental", "Protection", "Department"]);
    expect(wrapWords("Environmental Protection Department", 23, measure)).toEqual(["Environmental", "Protection Department"]);
  });

  it("keeps everything on one line when it fits, collapsing runs of white space", () => {
    expect(wrapWords("  CHAN   Tai-man,  Peter ", 40, measure)).toEqual(["CHAN Tai-man, Peter"]);
  });

  it("breaks inside a word only when the word alone is wider than the line", () => {
    expect(wrapWords("Environmental", 6, measure)).toEqual(["Enviro", "nmenta", "l"]);
    expect(wrapWords("Dept of Environmental Protection", 8, measure)).toEqual(["Dept of", "Environm", "ental", "Protecti", "on"]);
  });

  it("breaks Chinese text between characters, without needing spaces", () => {
    expect(wrapWords("深圳市人力资源和社会保障局", 10, measure)).toEqual(["深圳市人力", "资源和社会", "保障局"]);
    expect(wrapWords("陳大文 CHAN", 8, measure)).toEqual(["陳大文", "CHAN"]);
    expect(wrapWords("Policy 研究", 10, measure)).toEqual(["Policy 研", "究"]);
  });

  it("gives a narrow column at least one character per line", () => {
    expect(wrapWords("陳大", 1, measure)).toEqual(["陳", "大"]);
  });

  it("has no lines for an empty or blank text", () => {
    expect(wrapWords("", 10, measure)).toEqual([]);
    expect(wrapWords("   ", 10, measure)).toEqual([]);
  });
});

describe("wrapRuns", () => {
  // Bold text (spaces too) is measured one unit wider per character, so a style change shows in the breaks.
  const measureStyled = (text: string, style: "regular" | "bold") => measure(text) + (style === "bold" ? [...text].length : 0);

  it("keeps each piece's style, with the space between runs on the piece after it", () => {
    const lines = wrapRuns([{ text: "Plan ", style: "regular" }, { text: "together", style: "bold" }, { text: " early.", style: "regular" }], 40, measureStyled);
    expect(lines).toEqual([[{ text: "Plan", style: "regular" }, { text: " together", style: "bold" }, { text: " early.", style: "regular" }]]);
  });

  it("breaks where the styled widths no longer fit, and continues a word across runs without a space", () => {
    const lines = wrapRuns([{ text: "ab ", style: "regular" }, { text: "cd", style: "bold" }, { text: "ef gh", style: "regular" }], 8, measureStyled);
    expect(lines.map((line) => line.map((piece) => piece.text).join(""))).toEqual(["ab cd", "ef gh"]);
    expect(lines[0][1]).toEqual({ text: " cd", style: "bold" });
  });

  it("breaks Chinese runs between characters like wrapWords", () => {
    const lines = wrapRuns([{ text: "跨境", style: "bold" }, { text: "協作平台", style: "regular" }], 6, measureStyled);
    expect(lines.map((line) => line.map((piece) => piece.text).join(""))).toEqual(["跨境", "協作平", "台"]);
  });
});
