import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { writeOutcomesDigestPdf, type DigestDocument, type DigestEntryContent } from "./pdf";

// The digest's layout without a database: contents that run over more than one page still point at the right pages,
// and the entries are read in exactly two passes (measure, then write), never collected.

function digestOf(count: number, passes: { count: number }): DigestDocument {
  return {
    locale: "en",
    title: "Outcomes digest — Test cohort",
    preamble: ["Cohort: T — Test cohort"],
    labels: { contents: "Contents", noReports: "No accepted final reports match these filters.", page: "Page {page} of {pages}" },
    author: "Tester",
    generatedAt: new Date("2026-12-03T10:00:00Z"),
    entries: async function* () {
      passes.count += 1;
      for (let index = 1; index <= count; index += 1) {
        const entry: DigestEntryContent = {
          heading: `Host unit ${index} — Post ${index}`,
          details: [`Period: ${index}`],
          sections: [{ label: "Work done", markdown: index % 7 === 0 ? Array.from({ length: 60 }, (_, line) => `Line ${line} of a long report.`).join("\n\n") : `Report **${index}** text.` }],
        };
        yield entry;
      }
    },
  };
}

async function render(digest: DigestDocument): Promise<string[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeOutcomesDigestPdf(digest, output);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = (await parser.getText()).text;
    return text.split(/\n-- \d+ of \d+ --\n/).map((page) => page.trim()).filter((page) => page !== "");
  } finally {
    await parser.destroy();
  }
}

describe("the outcomes digest layout", () => {
  it("numbers a contents list longer than a page with the page each report starts on", async () => {
    const passes = { count: 0 };
    const pages = await render(digestOf(45, passes));
    expect(passes.count).toBe(2);
    const contentsPages = pages.slice(0, pages.findIndex((page) => page.startsWith("1. Host unit 1 — Post 1\n")));
    expect(contentsPages.length).toBeGreaterThan(1);
    for (const number of [1, 7, 8, 45]) {
      const startsOn = pages.findIndex((page) => page.startsWith(`${number}. Host unit ${number} — Post ${number}\n`)) + 1;
      expect(startsOn, `report ${number}`).toBeGreaterThan(contentsPages.length);
      expect(pages.slice(0, contentsPages.length).join("\n")).toMatch(new RegExp(`^${number}\\. Host unit ${number} — Post ${number} ${startsOn}$`, "m"));
    }
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  }, 120_000);

  it("is one page saying so when no report matches", async () => {
    const passes = { count: 0 };
    const pages = await render(digestOf(0, passes));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("No accepted final reports match these filters.");
    expect(pages[0]).toContain("Page 1 of 1");
  }, 60_000);
});
