import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";
import { locales } from "./locales";
import { pickMessages, sharedClientMessages } from "./client-messages";

// Client components no longer get every catalog: a namespace they read must be sent by the root layout or by a
// <ClientMessages> island, or the screen shows raw keys. This reads the module graph — every file parsed by the
// TypeScript compiler, imports resolved with the project's tsconfig (the "@/" paths included) — to catch a forgotten
// one: which modules are "use client", which translators they create, which keys they read, and which importers wrap
// them in an island.
const root = path.resolve(import.meta.dirname, "../..");
const compilerOptions = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config, ts.sys, root).options;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

interface ModuleFacts {
  isClient: boolean;
  /** Resolved project files this module imports or re-exports. */
  imports: string[];
  /** Namespaces of the <ClientMessages namespaces={[…]}> islands this module renders. */
  islands: string[];
  /** Each `const t = useTranslations(…)`: its namespace (null without one) and the first argument of each t(…), t.rich(…), t.has(…) call. */
  translators: { namespace: string | null; keys: (string | null)[] }[];
}

const stringLiteral = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : null);

function readModule(file: string): ModuleFacts {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const isClient = Boolean(first && ts.isExpressionStatement(first) && stringLiteral(first.expression) === "use client");
  const specifiers: string[] = [];
  const islands: string[] = [];
  const translatorNames = new Map<string, { namespace: string | null; keys: (string | null)[] }>();
  const calls: ts.CallExpression[] = [];

  function visit(node: ts.Node) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifiers.push(stringLiteral(node.moduleSpecifier)!);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifiers.push(stringLiteral(node.arguments[0]) ?? "");
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === "ClientMessages") {
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute) || attribute.name.getText(source) !== "namespaces") continue;
        const value = attribute.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
        if (value && ts.isArrayLiteralExpression(value)) islands.push(...value.elements.map((element) => stringLiteral(element) ?? "<not a literal>"));
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      if (ts.isIdentifier(call.expression) && call.expression.text === "useTranslations") {
        translatorNames.set(node.name.text, { namespace: call.arguments.length === 0 ? null : (stringLiteral(call.arguments[0]) ?? "<not a literal>"), keys: [] });
      }
    }
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  }
  visit(source);

  for (const call of calls) {
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : call.expression;
    const translator = ts.isIdentifier(callee) ? translatorNames.get(callee.text) : undefined;
    translator?.keys.push(stringLiteral(call.arguments[0]));
  }
  const imports = specifiers.flatMap((specifier) => {
    const resolved = ts.resolveModuleName(specifier, file, compilerOptions, ts.sys).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport ? [path.resolve(resolved.resolvedFileName)] : [];
  });
  return { isClient, imports, islands, translators: [...translatorNames.values()] };
}

const files = ["app", "features", "components", "lib"].flatMap((directory) => sourceFiles(path.join(root, directory)));
const modules = new Map(files.map((file) => [file, readModule(file)]));
const importers = new Map<string, string[]>();
for (const [file, facts] of modules) for (const imported of facts.imports) importers.set(imported, [...(importers.get(imported) ?? []), file]);
const clientFiles = files.filter((file) => modules.get(file)!.isClient);

/** The namespaces the <ClientMessages> islands around a client component send: those of its importers, up through client modules. */
function islandNamespacesFor(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return (importers.get(file) ?? []).flatMap((importer) => {
    const facts = modules.get(importer)!;
    return [...facts.islands, ...(facts.isClient ? islandNamespacesFor(importer, seen) : [])];
  });
}
const covers = (paths: string[], namespace: string) => paths.some((entry) => namespace === entry || namespace.startsWith(`${entry}.`));

describe("catalogs for client components", () => {
  it("finds the client components, their importers and the islands", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const approveButton = clientFiles.find((file) => file.endsWith("approve-button.client.tsx"))!;
    expect(importers.get(approveButton)?.length).toBeGreaterThan(0);
    expect(islandNamespacesFor(approveButton)).toEqual(["placements", "notices"]);
    expect(clientFiles.some((file) => modules.get(file)!.translators.some((translator) => translator.keys.includes(null) || translator.keys.length > 0))).toBe(true);
  });

  it.each(clientFiles.map((file) => [path.relative(root, file)]))("%s reads only namespaces that are sent to it", (file) => {
    const facts = modules.get(path.join(root, file))!;
    const sent = [...sharedClientMessages, ...islandNamespacesFor(path.join(root, file))];
    for (const { namespace, keys } of facts.translators) {
      expect(namespace, "useTranslations() without a literal namespace would need every catalog").toMatch(/^[\w.]+$/);
      if (covers(sent, namespace!)) continue;
      // Only some keys of the namespace are sent (app/error.tsx): then every call must name one of them literally.
      for (const key of keys) {
        expect(key !== null && covers(sent, `${namespace}.${key}`), `${namespace}.${key ?? "<computed key>"} is neither shared nor in an island`).toBe(true);
      }
    }
  });

  it.each(locales.map((locale) => [locale]))("every shared entry exists in %s", (locale) => {
    const messages = loadMessages(locale);
    for (const entry of sharedClientMessages) expect(pickMessages(messages, [entry]), entry).not.toEqual({});
  });
});
