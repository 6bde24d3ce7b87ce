import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OutputPage, SiteChrome } from "../pages/page-views.ts";
import { outputFileFor } from "../model/urls.ts";
import { listFiles } from "../core/files.ts";
import { canonicalHash } from "./output-manifest.ts";
import type { SiteAssets } from "../model/types.ts";

/** A page with the file it is written to (relative to the output folder) and the key of everything its HTML is made from. */
export type KeyedPage = OutputPage & { file: string; key: string };

/** What every page's HTML depends on besides its own view. */
export interface PageKeyInputs {
  /** Fingerprint of the code that renders pages (templates' filters, Eleventy and its configuration). */
  code: string;
  templatesDir: string;
  /** The furniture of each language's part of the site (a change to one language's renders every page again: rare, and never stale). */
  chrome: SiteChrome[];
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
  const partKeys = new Map<object, string>();
  const partKey = (part: object): string => {
    let key = partKeys.get(part);
    if (key === undefined) {
      key = createHash("sha256").update(JSON.stringify(part)).digest("base64");
      partKeys.set(part, key);
    }
    return key;
  };
  return pages.map((page) => ({
    ...page,
    file: outputFileFor(page.url).slice(1),
    key: createHash("sha256")
      .update(base)
      .update("\0")
      .update(page.template)
      .update("\0")
      .update(page.url)
      .update("\0")
      .update(viewJson(page, partKey))
      .digest("hex"),
  }));
}

// Views are plain trees of data built in a fixed order (src/pages/page-views.ts), so
// JSON.stringify is canonical for them, and much faster than toCanonicalJson; a replacer that
// guarded against a Map or Set (written as {}, so dropped from the key) made it several times
// slower, so tests/publish/page-keys.test.ts checks that every view of a rich site is plain data.
// Parts that many pages share stand in a view's JSON as the hash of theirs, computed once a
// build: a list's article cards (each article is on the home page, its tags' and its authors'
// lists) and the donation ask (one object for every article that shows it, about a third of
// each article's JSON), so the keys' work stays about the size of the archive. An article's
// body stands as its key.
function viewJson(page: OutputPage, partKey: (part: object) => string): string {
  switch (page.template) {
    case "home":
    case "section":
    case "tag":
    case "author":
      return JSON.stringify({ ...page.view, items: page.view.items.map(partKey) });
    case "series":
      return JSON.stringify({ ...page.view, parts: page.view.parts.map(partKey) });
    case "front":
      return JSON.stringify({ ...page.view, containers: page.view.containers.map((container) => ({ ...container, items: container.items.map(partKey) })) });
    case "article": {
      // The body, most of an article's HTML, stands as its key (see BodyHtml): its text is not even read.
      const { ask, body } = page.view;
      return JSON.stringify({ ...page.view, body: body.key, ask: ask && partKey(ask) });
    }
    case "page": {
      const { ask, donatePage } = page.view;
      if (ask === undefined && donatePage === undefined) return JSON.stringify(page.view);
      return JSON.stringify({ ...page.view, ask: ask && partKey(ask), donatePage: donatePage && partKey(donatePage) });
    }
    default:
      return JSON.stringify(page.view);
  }
}
