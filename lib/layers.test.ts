import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs (decision 042), run through ESLint's own API on snippets placed, by file path,
// in each layer. A forbidden import must fail lint; the ordinary imports of the same layer must not.

const projectRoot = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

// Loading the project's configuration (Next.js and typescript-eslint plugins) takes seconds on a busy machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: projectRoot });
  await eslint.calculateConfigForFile(path.join(projectRoot, "lib/x.ts"));
  await eslint.lintText("export {};\n", { filePath: path.join(projectRoot, "lib/x.ts") });
}, 60_000);

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, filePath) });
  return result.messages
    .filter((message) => message.ruleId === "no-restricted-imports" || message.ruleId === "no-restricted-syntax")
    .map((message) => `${message.line}:${message.ruleId}`);
}

const featureImports = [
  'import { attemptSignIn } from "@/features/auth/sign-in";',
  'import type { MutationContext } from "../features/cohorts/mutations";',
  'export { findOfficers } from "../../features/officers/queries";',
  'export const load = () => import("@/features/officers/queries");',
].join("\n");

const toolingImports = [
  'import { createUser } from "@/tests/factories";',
  'import { startEmbeddedDatabase } from "../../scripts/db/embedded.ts";',
  'import { withBenchDatabase } from "@/bench/database";',
  'export const load = () => import("../../tests/factories/index.ts");',
].join("\n");

describe("layer rules", () => {
  it.each(["lib/x.ts", "lib/auth/x.ts", "components/x.tsx", "components/ui/x.tsx"])("refuse a feature import in %s", async (filePath) => {
    expect(await layerErrors(filePath, featureImports)).toEqual([
      "1:no-restricted-imports",
      "2:no-restricted-imports",
      "3:no-restricted-imports",
      "4:no-restricted-syntax",
    ]);
  });

  it.each(["features/x/y.ts", "features/x/components/y.tsx"])("refuse tests/, scripts/ and bench/ imports in %s", async (filePath) => {
    expect(await layerErrors(filePath, toolingImports)).toEqual([
      "1:no-restricted-imports",
      "2:no-restricted-imports",
      "3:no-restricted-imports",
      "4:no-restricted-syntax",
    ]);
  });

  it("leave a layer's ordinary imports alone", async () => {
    expect(await layerErrors("lib/x.ts", 'import { db } from "@/lib/db";\nimport { featureFlag } from "./featuresettings";\nexport const y = [db, featureFlag];')).toEqual([]);
    expect(await layerErrors("features/x/y.ts", 'import { db } from "@/lib/db";\nimport { findOfficers } from "@/features/officers/queries";\nexport const y = [db, findOfficers];')).toEqual([]);
    expect(await layerErrors("features/x/y.int.test.ts", 'import { createUser } from "@/tests/factories";\nexport const y = createUser;')).toEqual([]);
    expect(await layerErrors("app/x/page.tsx", 'import { findOfficers } from "@/features/officers/queries";\nexport const y = findOfficers;')).toEqual([]);
  });
});
