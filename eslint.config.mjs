import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers (docs/decisions/042-layers-and-shared-helpers.md): lib and components are below the features and import none;
// feature code never reaches into tests, scripts or benches. Checked by lib/layers.test.ts, which lints a forbidden
// import as if it sat in each layer, so these rules cannot be dropped or loosened silently.
const featureImport = "^(@/|(\\.\\./)+)features(/|$)";
const toolingImport = "^(@/|(\\.\\./)+)(tests|scripts|bench)(/|$)";

function layerRules(forbidden, message) {
  return {
    "no-restricted-imports": ["error", { patterns: [{ regex: forbidden, message }] }],
    // import("…") is not an import declaration; the same boundary holds for it.
    "no-restricted-syntax": ["error", { selector: `ImportExpression > Literal[value=/${forbidden.replaceAll("/", "\\/")}/]`, message }],
  };
}

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "generated/**", "node_modules/**", ".data/**", "tmp/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**", "components/**"],
    rules: layerRules(featureImport, "lib/ and components/ are shared layers and import no feature: move the shared part out of the feature."),
  },
  {
    files: ["features/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: layerRules(toolingImport, "Feature code imports nothing from tests/, scripts/ or bench/ (only its *.test.ts files may use tests/)."),
  },
]);
