import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales } from "./locales";
import { loadMessages, type Messages } from "./messages";
import { formatMessage, MessageFormatError } from "./message-format";

// The client's formatter (decision 046) must write every catalog message exactly as next-intl (IntlMessageFormat)
// writes it on the server: for each message of each language, each plural argument is tried with 0, 1, 2 and 1234,
// each select argument with each of its options, and plain arguments with a marker.

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : value && typeof value === "object" ? leaves(value as Messages, `${prefix}${key}.`) : [],
  );
}

/** Every combination of values worth trying for a message's arguments. */
function valueSets(message: string): Record<string, string | number>[] {
  const plural = [...message.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((match) => match[1]);
  const selects = [...message.matchAll(/\{\s*(\w+)\s*,\s*select\s*,([^]*)/g)].map((match) => ({
    name: match[1],
    options: [...new Set([...match[2].matchAll(/(\w+)\s*\{/g)].map((option) => option[1])), "unlisted"],
  }));
  const plain = [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((match) => match[1]);
  let sets: Record<string, string | number>[] = [Object.fromEntries(plain.map((name) => [name, `«${name}»`]))];
  for (const name of plural) sets = sets.flatMap((set) => [0, 1, 2, 1234].map((count) => ({ ...set, [name]: count })));
  for (const { name, options } of selects) sets = sets.flatMap((set) => options.map((option) => ({ ...set, [name]: option })));
  return sets;
}

describe("the client's message formatter", () => {
  for (const locale of locales) {
    it(`writes every ${locale} message as next-intl does`, () => {
      const messages = loadMessages(locale);
      const t = createTranslator({ locale, messages, onError: (error) => { throw error; } });
      let compared = 0;
      for (const [path, message] of leaves(messages)) {
        // Rich text (<tag>…</tag>) is rendered by server components only (t.rich); the client formatter has no tags.
        if (/<\w+>/.test(message)) continue;
        for (const values of valueSets(message)) {
          expect(formatMessage(message, values, locale), `${path} with ${JSON.stringify(values)}`).toBe(t(path as never, values as never));
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  it("quotes with apostrophes as ICU does, and refuses what it does not support", () => {
    expect(formatMessage("It''s '{literal}' and {name}'s", { name: "Wong" }, "en")).toBe("It's {literal} and Wong's");
    expect(formatMessage("{n, plural, =0 {none} one {# item} other {# items '#'}}", { n: 1234 }, "en")).toBe("1,234 items #");
    expect(() => formatMessage("{when, date, medium}", { when: 1 }, "en")).toThrow(MessageFormatError);
    expect(() => formatMessage("Hello {name}", {}, "en")).toThrow(MessageFormatError);
    expect(() => formatMessage("unbalanced }", {}, "en")).toThrow(MessageFormatError);
  });
});
