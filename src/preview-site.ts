import { loadConfig, parseConfig, type SiteConfig } from "./config/config.ts";
import { hasErrors } from "./diagnostics/diagnostic.ts";
import type { LoadedSite } from "./load-site.ts";
import { loadMessages } from "./i18n/load-messages.ts";
import { buildSite } from "./site/build-site.ts";
import type { Site } from "./site/site.ts";

/** Which site the preview shows after a load. */
export type PreviewChoice = "current" | "last-good" | "empty";

/** The site to render for one preview load, and which one it is. */
export interface PreviewSite {
  site: Site;
  shown: PreviewChoice;
}

// Only used when the real config is broken and there has never been a good preview: just enough
// for the page templates to render the list of problems.
const FALLBACK_CONFIG = `
name: Preview
url: http://localhost:8080
donation: { enabled: false, heading: Donate, text: Donate, button: Donate, url: / }
`;

/**
 * Choose what the preview shows after loading the content: the new site when it has no errors;
 * otherwise the last good one, or an empty site when there has never been one (the server keeps
 * running instead of dying). Every problem, warnings included, is attached so every page lists it.
 */
export function choosePreviewSite(loaded: LoadedSite, lastGood: Site | undefined, emptySite: () => Site): PreviewSite {
  const withProblems = (site: Site): Site => (loaded.diagnostics.length > 0 ? { ...site, problems: loaded.diagnostics } : site);
  if (loaded.site && !hasErrors(loaded.diagnostics)) return { site: withProblems(loaded.site), shown: "current" };
  if (lastGood) return { site: withProblems(lastGood), shown: "last-good" };
  return { site: withProblems(emptySite()), shown: "empty" };
}

/** A site with no content, in preview mode, from the project's config (or a fallback when it is broken). */
export function emptyPreviewSite(root: string, now: number): Site {
  const loaded = loadConfig(root);
  const config: SiteConfig = loaded.ok ? loaded.config : fallbackConfig();
  return buildSite({ config, messages: loadMessages(root, config.language).messages, articles: [], authors: [], pages: [], mode: "preview", now, root, fileExists: () => false }).site;
}

function fallbackConfig(): SiteConfig {
  const parsed = parseConfig(FALLBACK_CONFIG);
  if (!parsed.ok) throw new Error("the built-in preview config is invalid");
  return parsed.config;
}
