import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";
import { locales } from "./locales";
import { pickMessages, sharedClientMessages } from "./client-messages";

// Client components no longer get every catalog: a namespace they read must be sent by the root layout or by a
// <ClientMessages> island, or the screen shows raw keys. This reads the source to catch a forgotten one.
const root = process.cwd();

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = ["app", "features", "components"].flatMap((directory) => sourceFiles(path.join(root, directory)));
const sources = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
const clientFiles = files.filter((file) => /^["']use client["']/.test(sources.get(file)!.trimStart()));
const wrappedNamespaces = (source: string) =>
  [...source.matchAll(/<ClientMessages namespaces=\{\[([^\]]*)\]\}/g)].flatMap((match) => [...match[1].matchAll(/"([^"]+)"/g)].map((name) => name[1]));

/** The namespaces the <ClientMessages> islands around a client component send: those of the files importing it. */
function islandNamespacesFor(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const specifier = new RegExp(`from "[^"]*/${path.basename(file).replace(/\.tsx?$/, "").replace(/\./g, "\\.")}"`);
  return files
    .filter((importer) => specifier.test(sources.get(importer)!))
    .flatMap((importer) => [...wrappedNamespaces(sources.get(importer)!), ...(clientFiles.includes(importer) ? islandNamespacesFor(importer, seen) : [])]);
}
const covers = (paths: string[], namespace: string) => paths.some((entry) => namespace === entry || namespace.startsWith(`${entry}.`));

describe("catalogs for client components", () => {
  it("finds the client components and the islands", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    expect(islandNamespacesFor(clientFiles.find((file) => file.endsWith("approve-button.client.tsx"))!)).toEqual(["placements"]);
  });

  it.each(clientFiles.map((file) => [path.relative(root, file)]))("%s reads only namespaces that are sent to it", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(source, "useTranslations() without a namespace would need every catalog").not.toMatch(/useTranslations\(\s*\)/);
    const sent = [...sharedClientMessages, ...islandNamespacesFor(path.join(root, file))];
    for (const [, name, namespace] of source.matchAll(/(\w+) = useTranslations\(\s*"([^"]+)"\s*\)/g)) {
      if (covers(sent, namespace)) continue;
      // Only some keys of the namespace are sent (app/error.tsx): then every call must name one of them literally.
      for (const [call, key] of source.matchAll(new RegExp(`\\b${name}\\(\\s*(?:"([^"]+)")?`, "g"))) {
        expect(key && covers(sent, `${namespace}.${key}`), `${call}… reads "${namespace}", which is neither shared nor in an island`).toBe(true);
      }
    }
  });

  it.each(locales.map((locale) => [locale]))("every shared entry exists in %s", (locale) => {
    const messages = loadMessages(locale);
    for (const entry of sharedClientMessages) expect(pickMessages(messages, [entry]), entry).not.toEqual({});
  });
});
