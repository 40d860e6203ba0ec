import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";

const root = path.join(import.meta.dirname);

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === "string") entries.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(k, v);
  }
  return entries;
}

function catalog(locale: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(path.join(root, locale)).filter((name) => name.endsWith(".json"))) {
    const namespace = path.basename(file, ".json");
    for (const [key, value] of flatten(JSON.parse(readFileSync(path.join(root, locale, file), "utf8")), namespace)) all.set(key, value);
  }
  return all;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();

describe("message catalogs", () => {
  const reference = catalog("en");

  it("has English messages", () => {
    expect(reference.size).toBeGreaterThan(50);
  });

  for (const locale of locales) {
    const messages = catalog(locale);
    it(`${locale} has exactly the English keys`, () => {
      expect([...reference.keys()].filter((key) => !messages.has(key))).toEqual([]);
      expect([...messages.keys()].filter((key) => !reference.has(key))).toEqual([]);
    });
    it(`${locale} has no empty message and the same placeholders as English`, () => {
      for (const [key, message] of messages) {
        expect(message.trim(), key).not.toBe("");
        expect(placeholders(message), key).toEqual(placeholders(reference.get(key) ?? ""));
      }
    });
  }

  it("uses only the keys the code asks for in the namespaces it names (smoke check on t() calls)", () => {
    // A cheap guard against typos: every literal key passed to a translator in TSX lives in some namespace.
    const allKeys = new Set([...reference.keys()].map((key) => key.split(".").slice(1).join(".")));
    const sources = ["app", "features", "components"].flatMap((folder) =>
      readdirSync(path.join(root, "..", folder), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".tsx"))
        .map((file) => path.join(folder, file)),
    );
    const missing: string[] = [];
    for (const file of sources) {
      const text = readFileSync(path.join(root, "..", file), "utf8");
      for (const match of text.matchAll(/\b(?:t|common|nav|roles|status|cohortStatus|d)\("([a-zA-Z][\w.]*)"/g)) {
        if (!allKeys.has(match[1]) && ![...allKeys].some((key) => key.endsWith(`.${match[1]}`))) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
