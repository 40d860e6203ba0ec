import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Decision 046: client components translate with lib/i18n/client.tsx, so use-intl's message parser and formatter
// (about 11 kB of compressed script, plus next-intl's client provider) stay out of every page. One "use client" module
// importing next-intl would bring them back into the pages that use it; the page-weight budget would catch it later
// and less precisely.
const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("client components' translations", () => {
  it("no client module imports next-intl", () => {
    const clientModules = ["app", "features", "components", "lib"]
      .flatMap((directory) => sourceFiles(path.join(root, directory)))
      .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
    expect(clientModules.length).toBeGreaterThan(20);
    const offenders = clientModules.filter((file) => /from\s+["']next-intl(\/[^"']*)?["']|import\(\s*["']next-intl/.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
