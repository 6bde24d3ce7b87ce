import { createHash } from "node:crypto";
import { IntlMessageFormat } from "intl-messageformat";

/** Message patterns by name, in ICU MessageFormat: `"{count, plural, one {# article} other {# articles}}"`. */
export type Catalogue = Readonly<Record<string, string>>;

/** A value that is HTML already (a link, a `<time>`), put into a message's HTML as it is; every other value is escaped. */
export class RawHtml {
  /** The HTML, trusted: it comes from a template's own markup or from the sanitised body. */
  constructor(readonly html: string) {}
}

/** What a message's placeholders are filled with. */
export type MessageValues = Readonly<Record<string, string | number | Date | RawHtml>>;

/**
 * The words of one language: each message by name, formatted with the language's own rules for
 * plurals, numbers and dates (intl-messageformat, which reads ICU MessageFormat through the
 * platform's Intl). A name the catalogue lacks is a programming error, so it throws: the shipped
 * English catalogue has every name, and a site's catalogue falls back to it name by name.
 */
export class Messages {
  readonly #compiled = new Map<string, IntlMessageFormat>();
  // Plain-text messages already formatted, by name and values: a site's articles ask for the same
  // few ("3 min read", "more than 2 years old") thousands of times, and formatting is the slow part.
  readonly #formatted = new Map<string, string>();
  // A list's words and their order depend only on how many items it has: the parts are found once per length.
  readonly #listShapes = new Map<number, ReturnType<Intl.ListFormat["formatToParts"]>>();
  #key: string | undefined;

  /** `language` is the BCP 47 tag the formats follow; `patterns` every message by name. */
  constructor(
    readonly language: string,
    readonly patterns: Catalogue,
  ) {}

  /** The message as plain text (for attributes, feeds, JSON-LD and the like). */
  text(name: string, values: MessageValues = {}): string {
    const key = memoKey(name, values);
    if (key === undefined) return String(this.#format(name, plainValues(values)));
    let text = this.#formatted.get(key);
    if (text === undefined) {
      text = String(this.#format(name, plainValues(values)));
      // Values that are never repeated (titles, names) must not grow the memo without bound.
      if (this.#formatted.size >= MEMO_LIMIT) this.#formatted.clear();
      this.#formatted.set(key, text);
    }
    return text;
  }

  /** The message as HTML: its own words escaped, RawHtml values as they are, other values escaped. */
  html(name: string, values: MessageValues = {}): string {
    // Each RawHtml value becomes a token no message contains, found again after escaping.
    const raw: string[] = [];
    const tokens: Record<string, string | number | Date> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value instanceof RawHtml) {
        tokens[key] = `\u{E000}${raw.length}\u{E001}`;
        raw.push(value.html);
      } else tokens[key] = value;
    }
    return escapeHtml(String(this.#format(name, tokens))).replace(
      /\u{E000}(\d+)\u{E001}/gu,
      (_, index: string) => raw[Number(index)] ?? "",
    );
  }

  /** Items joined as the language joins a list ("A, B and C", « A, B et C »), as HTML: RawHtml items as they are, the rest escaped. */
  list(items: readonly (string | RawHtml)[]): string {
    let parts = this.#listShapes.get(items.length);
    if (parts === undefined) {
      // Placeholders stand in for the items, which are put back after formatting.
      parts = new Intl.ListFormat(this.language, { type: "conjunction" }).formatToParts(items.map((_, index) => `\u{E000}${index}\u{E001}`));
      this.#listShapes.set(items.length, parts);
    }
    return parts
      .map((part) => {
        if (part.type === "literal") return escapeHtml(part.value);
        const item = items[Number(part.value.slice(1, -1))];
        return item instanceof RawHtml ? item.html : escapeHtml(item ?? "");
      })
      .join("");
  }

  /** The patterns whose names start with `prefix` (`"search."`), for words that travel on their own: to a page's script, to the Markdown workers. */
  patternsStartingWith(prefix: string): Catalogue {
    return Object.fromEntries(Object.entries(this.patterns).filter(([name]) => name.startsWith(prefix)));
  }

  /** A digest of the language and every pattern, computed once: what caches that hold these words key on. */
  get key(): string {
    return (this.#key ??= createHash("sha256")
      .update(JSON.stringify([this.language, this.patterns]))
      .digest("base64url"));
  }

  /** True when the catalogue has a message of this name. */
  has(name: string): boolean {
    return Object.hasOwn(this.patterns, name);
  }

  #format(name: string, values: Record<string, string | number | Date>): string | string[] {
    let compiled = this.#compiled.get(name);
    if (compiled === undefined) {
      const pattern = this.patterns[name];
      if (pattern === undefined) throw new Error(`No message named "${name}"`);
      compiled = new IntlMessageFormat(pattern, this.language);
      this.#compiled.set(name, compiled);
    }
    return compiled.format(values) as string | string[];
  }
}

// How many formatted texts one language keeps; a clear past it costs only formatting again.
const MEMO_LIMIT = 4096;

// The memo's key for a message with short numbers and strings only; undefined for anything else (dates, HTML, long text).
function memoKey(name: string, values: MessageValues): string | undefined {
  let key = name;
  for (const field of Object.keys(values)) {
    const value = values[field];
    // A string is quoted, so "3" and 3 (which plural rules treat apart) never share a key.
    if (typeof value === "number" && !Object.is(value, -0)) key += `\u0000${field}\u0000${value}`;
    else if (typeof value === "string" && value.length <= 64) key += `\u0000${field}\u0000${JSON.stringify(value)}`;
    else return undefined;
  }
  return key;
}

function plainValues(values: MessageValues): Record<string, string | number | Date> {
  const plain: Record<string, string | number | Date> = {};
  for (const [key, value] of Object.entries(values)) plain[key] = value instanceof RawHtml ? value.html : value;
  return plain;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
