import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions, currentAuditAction, legacyAuditActions, storedAuditActionNames } from "@/lib/audit-actions";
import { locales } from "@/lib/i18n/locales";

// lib/audit.ts accepts only the names in lib/audit-actions.ts (a typed union), so every action written through it is
// one of them. These tests hold the rest: every name has a label in every language, one tense, and nothing writes to
// the log around lib/audit.ts with a name of its own.

const root = path.resolve(import.meta.dirname, "../..");
const catalog = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", locale, "audit.json"), "utf8")) as { actions: Record<string, unknown> };

function labelOf(actions: Record<string, unknown>, name: string): unknown {
  return name.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), actions);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".spec.ts") ? [full] : [];
  });
}

describe("audit action names", () => {
  it.each(locales)("each has a label in %s", (locale) => {
    const { actions } = catalog(locale);
    const missing = auditActions.filter((name) => typeof labelOf(actions, name) !== "string" || !(labelOf(actions, name) as string).trim());
    expect(missing).toEqual([]);
  });

  it("are in one tense: <record>.<verb> with the verb in its base form", () => {
    const notBaseForm = auditActions.filter((name) => !/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/.test(name) || name.split(".").some((part) => /(?<!e)ed$/.test(part)));
    expect(notBaseForm).toEqual([]);
  });

  it("read older stored names as the current ones, and query both", () => {
    for (const [legacy, current] of Object.entries(legacyAuditActions)) {
      expect(auditActions).toContain(current);
      expect(auditActions).not.toContain(legacy);
      expect(currentAuditAction(legacy)).toBe(current);
      expect(storedAuditActionNames(current)).toContain(legacy);
    }
    expect(storedAuditActionNames("calendarFeed.fetch").sort()).toEqual(["calendarFeed.fetch", "calendarFeed.fetched"]);
    expect(currentAuditAction("officer.update")).toBe("officer.update");
  });

  it("are written only through lib/audit.ts, or with a registered name where a script cannot load it", () => {
    const direct = ["app", "features", "lib", "scripts", "prisma", "bench"]
      .flatMap((folder) => sourceFiles(path.join(root, folder)))
      .filter((file) => !file.endsWith(path.join("lib", "audit.ts")))
      .filter((file) => /auditLog\.(create|createMany)\(|INSERT INTO "AuditLog"/.test(readFileSync(file, "utf8")));
    expect(direct.map((file) => path.relative(root, file)).sort()).toEqual(["scripts/data/scale-data.ts", "scripts/user-create.ts"]);
    for (const file of direct) {
      const text = readFileSync(file, "utf8");
      const written = [...text.matchAll(/action: "([^"]+)"|VALUES \('[^']*', '([^']+)'/g)].map((match) => match[1] ?? match[2]);
      expect(written.length).toBeGreaterThan(0);
      for (const name of written) expect(auditActions).toContain(name);
    }
  });
});
