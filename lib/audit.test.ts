import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("audit writing", () => {
  it("has one home: no application code inserts into AuditLog except lib/audit.ts", () => {
    const writers = ["app", "features", "lib", "components"]
      .flatMap(sourceFiles)
      // Raw SQL, a Kysely insert or a Prisma create: whichever way a writer is written.
      .filter((file) => /INSERT\s+INTO\s+"?AuditLog"?|insertInto\(\s*["']AuditLog["']|auditLog\.create/i.test(readFileSync(path.join(root, file), "utf8")));
    expect(writers).toEqual([path.join("lib", "audit.ts")]);
  });
});
