import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The convention of docs/decisions (README, "Decisions"): `NNN-title.md`, a `# NNN — Title` heading, then `Date:` and
// `Status:` lines before the first section.
const folder = path.resolve(import.meta.dirname, "../docs/decisions");
const records = readdirSync(folder).filter((name) => name.endsWith(".md"));

describe("decision records", () => {
  it("are there to check", () => {
    expect(records.length).toBeGreaterThan(0);
  });

  it.each(records)("%s has the heading, date and status", (name) => {
    const number = /^(\d{3})-[a-z0-9-]+\.md$/.exec(name)?.[1];
    expect(number, "file name NNN-title.md").toBeDefined();
    const lines = readFileSync(path.join(folder, name), "utf8").split("\n");
    expect(lines[0]).toMatch(new RegExp(`^# ${number} — \\S`));
    const head = lines.slice(1, lines.findIndex((line, index) => index > 0 && line.startsWith("#")));
    expect(head.filter((line) => /^Date: \d{4}-\d{2}-\d{2}$/.test(line))).toHaveLength(1);
    expect(head.filter((line) => /^Status: (accepted|superseded by \d{3}|(accepted, )?partly superseded by \d{3}|proposed)$/.test(line))).toHaveLength(1);
  });
});
