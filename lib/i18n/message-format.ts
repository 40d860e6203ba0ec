// The ICU message subset our catalogs use — `{name}`, `{count, plural, =0 {…} one {…} other {…}}` with `#`,
// `{kind, select, a {…} other {…}}`, and ICU apostrophe quoting — formatted the way intl-messageformat formats it.
// Client components translate with this instead of use-intl's IntlMessageFormat and its parser (about 11 kB of
// compressed script on every page; decision 046). message-format.test.ts formats every message of every catalog
// with both and compares. Server code keeps next-intl.

export type MessageValues = Record<string, string | number>;

type MessageNode =
  | string
  | { kind: "argument"; name: string }
  | { kind: "pound" }
  | { kind: "plural"; name: string; options: Record<string, MessageNode[]> }
  | { kind: "select"; name: string; options: Record<string, MessageNode[]> };

export class MessageFormatError extends Error {}

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

/** Parses from `start` until the end of the text or a closing brace of the enclosing option; returns the nodes and where it stopped. */
function parseNodes(text: string, start: number, inPlural: boolean): [MessageNode[], number] {
  const nodes: MessageNode[] = [];
  let literal = "";
  let index = start;
  const flush = () => {
    if (literal) nodes.push(literal);
    literal = "";
  };
  while (index < text.length) {
    const character = text[index];
    if (character === "'") {
      const next = text[index + 1];
      if (next === "'") {
        literal += "'";
        index += 2;
      } else if (next === "{" || next === "}" || (inPlural && next === "#")) {
        // Quoted literal text up to the next lone apostrophe ('' inside stands for one).
        index += 1;
        while (index < text.length) {
          if (text[index] === "'" && text[index + 1] === "'") {
            literal += "'";
            index += 2;
          } else if (text[index] === "'") {
            index += 1;
            break;
          } else literal += text[index++];
        }
      } else {
        literal += "'";
        index += 1;
      }
    } else if (character === "{") {
      flush();
      const [node, end] = parseArgument(text, index + 1);
      nodes.push(node);
      index = end;
    } else if (character === "}") {
      flush();
      return [nodes, index];
    } else if (character === "#" && inPlural) {
      flush();
      nodes.push({ kind: "pound" });
      index += 1;
    } else {
      literal += character;
      index += 1;
    }
  }
  flush();
  return [nodes, index];
}

/** Parses `name}` or `name, plural|select, options}` after an opening brace; returns the node and the index after its closing brace. */
function parseArgument(text: string, start: number): [MessageNode, number] {
  const close = (from: number) => {
    let index = from;
    while (isSpace(text[index])) index += 1;
    return index;
  };
  const readWord = (from: number): [string, number] => {
    let index = close(from);
    const begin = index;
    while (index < text.length && !/[\s,{}]/.test(text[index])) index += 1;
    return [text.slice(begin, index), close(index)];
  };
  const [name, afterName] = readWord(start);
  if (!name) throw new MessageFormatError(`empty argument at ${start}`);
  if (text[afterName] === "}") return [{ kind: "argument", name }, afterName + 1];
  if (text[afterName] !== ",") throw new MessageFormatError(`unexpected character at ${afterName}`);
  const [type, afterType] = readWord(afterName + 1);
  if (type !== "plural" && type !== "select") throw new MessageFormatError(`unsupported argument type "${type}"`);
  if (text[afterType] !== ",") throw new MessageFormatError(`expected options at ${afterType}`);
  const options: Record<string, MessageNode[]> = {};
  let index = afterType + 1;
  for (;;) {
    const [selector, afterSelector] = readWord(index);
    if (!selector) {
      if (text[afterSelector] !== "}") throw new MessageFormatError(`unclosed ${type} at ${afterSelector}`);
      index = afterSelector + 1;
      break;
    }
    if (selector.startsWith("offset:")) throw new MessageFormatError("plural offsets are not supported");
    if (text[afterSelector] !== "{") throw new MessageFormatError(`expected "{" after "${selector}"`);
    const [nodes, end] = parseNodes(text, afterSelector + 1, type === "plural");
    if (text[end] !== "}") throw new MessageFormatError(`unclosed option "${selector}"`);
    options[selector] = nodes;
    index = end + 1;
  }
  if (!options.other) throw new MessageFormatError(`${type} without "other"`);
  return [{ kind: type, name, options }, index];
}

const parsed = new Map<string, MessageNode[]>();

function parse(message: string): MessageNode[] {
  let nodes = parsed.get(message);
  if (!nodes) {
    const [result, end] = parseNodes(message, 0, false);
    if (end !== message.length) throw new MessageFormatError(`unbalanced "}" at ${end}`);
    nodes = result;
    parsed.set(message, nodes);
  }
  return nodes;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const cached = <T>(cache: Map<string, T>, locale: string, create: () => T) => {
  let value = cache.get(locale);
  if (!value) cache.set(locale, (value = create()));
  return value;
};

function valueOf(values: MessageValues, name: string): string | number {
  const value = values[name];
  if (value === undefined) throw new MessageFormatError(`no value for "${name}"`);
  return value;
}

function render(nodes: MessageNode[], values: MessageValues, locale: string, count: number | null): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") out += node;
    else if (node.kind === "argument") out += String(valueOf(values, node.name));
    else if (node.kind === "pound") out += count === null ? "#" : cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(count);
    else if (node.kind === "select") {
      const key = String(valueOf(values, node.name));
      out += render(node.options[key] ?? node.options.other, values, locale, count);
    } else {
      const number = Number(valueOf(values, node.name));
      const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(number);
      out += render(node.options[`=${number}`] ?? node.options[category] ?? node.options.other, values, locale, number);
    }
  }
  return out;
}

/** Formats one catalog message; throws MessageFormatError on syntax outside the subset or a missing value. */
export function formatMessage(message: string, values: MessageValues = {}, locale: string): string {
  return render(parse(message), values, locale, null);
}
