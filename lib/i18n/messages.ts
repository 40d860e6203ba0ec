import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AppLocale } from "./locales";
import { env } from "@/lib/env";

export type Messages = Record<string, unknown>;

const messagesRoot = path.join(process.cwd(), "messages");
const cache = new Map<AppLocale, Messages>();

/** Catalogs are one JSON file per namespace (messages/<locale>/<namespace>.json), so features own their strings. */
export function loadMessages(locale: AppLocale): Messages {
  const cached = cache.get(locale);
  if (cached && env().NODE_ENV === "production") return cached;
  const directory = path.join(messagesRoot, locale);
  const messages: Messages = {};
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".json")).sort()) {
    messages[path.basename(file, ".json")] = JSON.parse(readFileSync(path.join(directory, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
