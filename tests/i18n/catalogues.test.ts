import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/core/files.ts";
import { englishCatalogue, shippedCatalogue, shippedLanguages } from "../../src/i18n/catalogues.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/** Every message name the templates and the code ask for: `"name" | t`, `"name" | tText`, `messages.text("name"`, `messages.html("name"`. */
function usedNames(): Map<string, string> {
  const used = new Map<string, string>();
  const files = [...listFiles(path.join(REPOSITORY, "templates")), ...listFiles(path.join(REPOSITORY, "src"))].filter((file) => /\.(njk|ts|js)$/.test(file));
  // Templates, the code, and the page scripts (search.js says its messages with `say("name"`).
  const patterns = [/"([a-z][\w.]*)"\s*\|\s*t(?:Text)?\b/g, /\bmessages\.(?:text|html)\(\s*"([a-z][\w.]*)"/g, /\bsay\(\s*"([a-z][\w.]*)"/g];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (match[1]) used.set(match[1], path.relative(REPOSITORY, file));
  }
  return used;
}

/** The placeholders a message fills, by name, whatever its words. */
function argumentNames(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat["getAst"]>) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== 0) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(pattern, "en").getAst());
  return [...names].sort();
}

describe("the message catalogues", () => {
  const used = usedNames();

  it("find every message the templates and the code use in English, and English has none that nothing uses", () => {
    const english = englishCatalogue();
    expect([...used].filter(([name]) => !Object.hasOwn(english, name)).map(([name, file]) => `${name} (${file})`)).toEqual([]);
    expect(Object.keys(english).filter((name) => !used.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(80);
  });

  it.each(shippedLanguages())("has in %s every message used, each valid ICU with English's placeholders", (language) => {
    const catalogue = shippedCatalogue(language) ?? {};
    const english = englishCatalogue();
    expect([...used.keys()].filter((name) => !Object.hasOwn(catalogue, name))).toEqual([]);
    expect(Object.keys(catalogue).filter((name) => !Object.hasOwn(english, name))).toEqual([]);
    for (const [name, pattern] of Object.entries(catalogue)) {
      expect(() => new IntlMessageFormat(pattern, language), name).not.toThrow();
      expect(argumentNames(pattern), name).toEqual(argumentNames(english[name] ?? ""));
    }
  });
});
