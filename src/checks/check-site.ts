import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteInput } from "../site/site-input.ts";
import { checkBylines } from "./check-bylines.ts";
import { checkLinks } from "./check-links.ts";
import { checkTagSpellings } from "./check-tag-spellings.ts";
import type { Site } from "../site/site.ts";

/**
 * The checks only a whole-site view can make, run by `buildSite` so `build`, `check` and the
 * preview report exactly the same problems: internal links and their #sections (errors: the site
 * must have no broken internal link), bylines that look like a misspelt author (warnings) and tags
 * spelt differently only in case (warnings). Missing images are reported while the model is built.
 */
export function checkSite(site: Site, input: SiteInput): Diagnostic[] {
  return [...checkLinks(site, input), ...checkBylines(input), ...checkTagSpellings(input)];
}
