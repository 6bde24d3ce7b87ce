import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { listFiles } from "../../src/core/files.ts";
import { englishCatalogue, shippedCatalogue } from "../../src/i18n/catalogues.ts";
import { copySampleSite } from "../support/fixture-site.ts";
import { recordSampleHistory, SAMPLE_SITE_NOW } from "../support/sample-site.ts";

// The sample site in these languages, as a newsroom writing in them would publish it.
const LANGUAGES = [
  ["fr-FR", "fr"],
  ["de-DE", "de"],
  ["nb-NO", "nb"],
  ["ar", "ar"],
] as const;

/**
 * The words of each English message that a page in `catalogue`'s language must not show: the
 * literal runs between its placeholders, of at least two words or a word of six letters, and not
 * also in the translation (a word like "Sources" can be the same in both).
 */
function englishPhrases(catalogue: Readonly<Record<string, string>>): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const [name, pattern] of Object.entries(englishCatalogue())) {
    const translation = catalogue[name] ?? "";
    for (const run of pattern.split(/[{}#]/)) {
      const phrase = run.replace(/\s+/g, " ").trim().replace(/^[,.:;—–-]+\s*|\s*[,.:;—–-]+$/g, "");
      const words = phrase.split(" ").filter((word) => /\p{L}/u.test(word));
      if (words.length < 2 && !(words.length === 1 && (words[0]?.length ?? 0) >= 6)) continue;
      if (translation.includes(phrase)) continue;
      // Only whole words count: "Monthly" must not match "Monthlyfest" (a name in the content).
      phrases.set(phrase, name);
    }
  }
  return phrases;
}

/** A page's words that are Tidings' own or the reader hears: its text outside the newsroom's own writing, and accessible names. */
function interfaceText(html: string): string {
  const $ = load(html);
  // The newsroom's own writing (articles, pages, author bios, headlines of stories in lists, the
  // navigation's labels from its config, the title that repeats a headline, a curated front's
  // title and container names, the words of corrections, how a story was reported) is in English:
  // it is not Tidings' words.
  $("title, .site-nav, .sources li, .page-front h1, .front-container > h2, .corrections li, .corrections-index li, .methods p, .article-body, .standfirst, .headline, .card-title, .card-summary, .author-bio, .live-update-title, .key-event-title, .correction-article, .source-note, figcaption, .related a, .series-links a, script, style").remove();
  // Pictures' alt text is the newsroom's (Tidings' own pictures are decorative, with empty alt).
  const names = $("[aria-label], [title], [placeholder]")
    .map((_, element) => ["aria-label", "title", "placeholder"].map((attribute) => $(element).attr(attribute) ?? "").join(" "))
    .get();
  return `${$("body").text()} ${names.join(" ")}`.replace(/\s+/g, " ");
}

describe("the sample site in another language", () => {
  it.each(LANGUAGES)("shows no English words of Tidings' own in %s, and says its language on every page", async (language, code) => {
    const catalogue = shippedCatalogue(code);
    expect(catalogue, `a shipped ${code} catalogue`).toBeDefined();
    const root = copySampleSite();
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, readFileSync(config, "utf8").replace(/^language: .*$/m, `language: ${language}`));
    // A history, so a history page's words are among those checked.
    recordSampleHistory(root);
    const result = await build({ root, now: SAMPLE_SITE_NOW });
    expect(result.ok).toBe(true);
    expect(existsSync(path.join(result.outputDir, "2026/11/24/flood-wall-approved/history/index.html"))).toBe(true);
    expect(result.diagnostics.filter((d) => d.code.startsWith("messages/"))).toEqual([]);
    const phrases = englishPhrases(catalogue ?? {});
    const found: string[] = [];
    const pages = listFiles(result.outputDir).filter((file) => file.endsWith(".html") && !file.includes(`${path.sep}admin${path.sep}`));
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      expect(load(html)("html").attr("lang"), page).toBe(language);
      const text = interfaceText(html);
      for (const [phrase, name] of phrases) {
        if (new RegExp(`(?<!\\p{L})${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u").test(text)) found.push(`${path.relative(result.outputDir, page)}: "${phrase}" (${name})`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
