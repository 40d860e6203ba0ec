import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A catalog entry no code reads is a string translators keep up for nothing (issue 12: the old officer picker left a
// dozen in placements.json). Grep-based, so it is cheap and errs on the side of "used": an entry counts as used when
// the source holds its full key ("placements.post"), or its key below a namespace the source names
// (useTranslations("schedule.delete") + "question"), or starts with a prefix the source builds keys from at run time
// (`materialChange.${change}`), or that the allow-list below names. Checked for the namespaces of the placement, schedule
// and import screens; other namespaces can join the list once they are clean.
const checkedNamespaces = ["placements", "board", "nominate", "bulkApproval", "approvals", "import", "schedule", "followUpNotices"];

/** Keys built at run time from a value: the prefix, and where the values come from. */
const dynamicPrefixes: Record<string, string> = {};

const root = path.resolve(import.meta.dirname, "..");

function sourceText(): string {
  const files = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) return files(full);
      return /\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  return ["app", "features", "components", "lib", "i18n"].flatMap((directory) => files(path.join(root, directory))).map((file) => readFileSync(file, "utf8")).join("\n");
}

function leaves(messages: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === "object" ? leaves(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Whether the source reads `key` (full path, namespace first) in one of the ways described above. */
function isKeyUsed(key: string, source: string): boolean {
  if (Object.keys(dynamicPrefixes).some((prefix) => key.startsWith(prefix))) return true;
  const parts = key.split(".");
  // A key built in a template literal from one of its parent paths: t(`columnHelp.${column}`), `import.problems.${key}`.
  for (let end = 1; end < parts.length; end += 1) {
    for (let start = 0; start < end; start += 1) if (source.includes(`\`${parts.slice(start, end).join(".")}.\${`)) return true;
  }
  for (let split = 1; split < parts.length; split += 1) {
    const namespace = parts.slice(0, split).join(".");
    const rest = parts.slice(split).join(".");
    const namesNamespace = split === 1 ? source.includes(`"${namespace}"`) || source.includes(`"${namespace}.`) : source.includes(`"${namespace}"`);
    if (namesNamespace && (source.includes(`"${rest}"`) || source.includes(`'${rest}'`))) return true;
  }
  return source.includes(`"${key}"`) || source.includes(`\`${key}\``);
}

describe("catalog entries are used", () => {
  const source = sourceText();
  it.each(checkedNamespaces)("every entry of %s.json is read by some code", (namespace) => {
    const messages = JSON.parse(readFileSync(path.join(root, "messages", "en", `${namespace}.json`), "utf8")) as Record<string, unknown>;
    const keys = leaves(messages, `${namespace}.`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !isKeyUsed(key, source))).toEqual([]);
  });

  it("tells a used key from an unused one", () => {
    expect(isKeyUsed("placements.noSuchEntry", source)).toBe(false);
    expect(isKeyUsed("placements.post", source)).toBe(true);
    expect(isKeyUsed("placements.materialChange.hostUnit", source)).toBe(true);
  });
});
