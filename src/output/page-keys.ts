import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleCard, OutputPage, SiteChrome } from "../site/output-pages.ts";
import { outputFileFor } from "../site/urls.ts";
import { listFiles } from "./files.ts";
import { canonicalHash } from "./output-manifest.ts";
import type { SiteAssets } from "./static-files.ts";

/** A page with the file it is written to (relative to the output folder) and the key of everything its HTML is made from. */
export type KeyedPage = OutputPage & { file: string; key: string };

/** What every page's HTML depends on besides its own view. */
export interface PageKeyInputs {
  /** Fingerprint of the code that renders pages (templates' filters, Eleventy and its configuration). */
  code: string;
  templatesDir: string;
  chrome: SiteChrome;
  assets: SiteAssets;
}

/**
 * The part of every page's key that all pages share: the rendering code, the text of every
 * template (any template change renders every page again: simple, and never stale), the site's
 * furniture and the fingerprinted asset addresses.
 */
export function pageBaseKey(inputs: PageKeyInputs): string {
  const hash = createHash("sha256").update(inputs.code).update("\0");
  for (const file of listFiles(inputs.templatesDir)) {
    hash.update(path.relative(inputs.templatesDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.update(canonicalHash({ chrome: inputs.chrome, assets: inputs.assets })).digest("hex");
}

/**
 * Give each page its output file and key: a hash of the shared base, the template, the address and
 * the page's view, which is all a template can read (the Eleventy glue hands it nothing else), so
 * two builds that give a page the same key write the same bytes for it.
 */
export function keyPages(pages: readonly OutputPage[], base: string): KeyedPage[] {
  const cardKeys = new Map<ArticleCard, string>();
  const cardKey = (card: ArticleCard): string => {
    let key = cardKeys.get(card);
    if (key === undefined) {
      key = createHash("sha256").update(JSON.stringify(card)).digest("base64");
      cardKeys.set(card, key);
    }
    return key;
  };
  return pages.map((page) => ({
    ...page,
    file: outputFileFor(page.url).slice(1),
    key: createHash("sha256").update(base).update("\0").update(page.template).update("\0").update(page.url).update("\0").update(viewJson(page, cardKey)).digest("hex"),
  }));
}

// Views are plain trees of data built in a fixed order (src/site/output-pages.ts), so
// JSON.stringify is canonical for them, and much faster than toCanonicalJson; a replacer that
// guarded against a Map or Set (written as {}, so dropped from the key) made it several times
// slower, so tests/output/page-keys.test.ts checks that every view of a rich site is plain data.
// A list's cards stand in its JSON as the hash of theirs: each article's card is on several lists
// (home, each tag, each author), and hashing it once per build keeps the keys' work at about the
// size of the archive rather than of every list that shows it.
function viewJson(page: OutputPage, cardKey: (card: ArticleCard) => string): string {
  if (page.template === "home" || page.template === "tag" || page.template === "author") {
    return JSON.stringify({ ...page.view, items: page.view.items.map(cardKey) });
  }
  return JSON.stringify(page.view);
}
