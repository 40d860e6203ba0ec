import { Prisma } from "@/generated/prisma/client";

// SQL pieces the raw statements share, so each is written once.

/**
 * The trilingual name of the row under `alias` as a JSON object that reads as a TrilingualName
 * (`{ nameEn, nameZhHant, nameZhHans }`), with the row's `id` first when asked. `alias` is a table alias of the
 * statement, never user input.
 */
export function trilingualJson(alias: string, options: { withId?: boolean } = {}): Prisma.Sql {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const id = options.withId ? `'id', ${alias}."id", ` : "";
  return Prisma.raw(`json_build_object(${id}'nameEn', ${alias}."nameEn", 'nameZhHant', ${alias}."nameZhHant", 'nameZhHans', ${alias}."nameZhHans")`);
}
