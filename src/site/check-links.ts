import path from "node:path";
import { CONFIG_FILE } from "../config.ts";
import { closestMatch } from "../content/describe-value.ts";
import { formatDate } from "../content/dates.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RenderedEntry, SiteInput } from "./build-site.ts";
import { contentAddresses } from "./content-addresses.ts";
import { classifyLink, type LinkContext } from "./content-links.ts";
import { PAGE_IDS } from "./page-ids.ts";
import type { Site, SitePath } from "./types.ts";

/** Addresses the templates publish besides the model's pages (DESIGN.md §4), which editors may link to. */
export const FIXED_OUTPUTS: readonly SitePath[] = [
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  "/robots.txt",
  "/404.html",
];

/** A page made from a content file, published now or not, as a link target. */
interface ContentPage {
  file: string;
  draft: boolean;
  /** When it goes live, ms since the epoch (-Infinity for pages and authors, which have no date). */
  liveFrom: number;
  ids: ReadonlySet<string>;
}

/** Whether a link can be followed, and when the page it is on goes live. */
interface Source {
  file: string;
  /** When readers first see the link; undefined for drafts, whose links only have to lead somewhere. */
  liveFrom: number | undefined;
}

/**
 * Check every internal link in every content file and in the config's navigation: the address must
 * be published (an article, page, author, list page, feed or a file in public/), a `#fragment`
 * must name a section of a content page, and, in production, the target must be live by the time
 * the linking page is: not a draft, not scheduled after it. A relative link to another article's
 * Markdown file is checked the same way once it is resolved to that file.
 */
export function checkLinks(site: Site, input: SiteInput): Diagnostic[] {
  const { config } = input;
  const preview = input.mode === "preview";
  const diagnostics: Diagnostic[] = [];
  const addresses = contentAddresses(input, config.timeZone);
  const contentPages = new Map<SitePath, ContentPage>();
  const addContentPage = (entry: RenderedEntry<unknown>, draft: boolean, liveFrom: number) => {
    const url = addresses.get(entry.file);
    // Two files at one address are reported by buildSite; the first one stands for both here.
    if (url !== undefined && !contentPages.has(url))
      contentPages.set(url, { file: entry.file, draft, liveFrom, ids: new Set([...entry.ids, ...PAGE_IDS]) });
  };
  for (const entry of input.articles) addContentPage(entry, entry.frontMatter.draft === true, entry.frontMatter.date.epochMs);
  for (const entry of input.pages) addContentPage(entry, entry.frontMatter.draft === true, -Infinity);
  for (const entry of input.authors) addContentPage(entry, false, -Infinity);
  const otherPages = new Set<SitePath>([
    "/tags/",
    "/authors/",
    ...FIXED_OUTPUTS,
    ...site.homePages.map((page) => page.url),
    ...site.tagPages.map((page) => page.url),
    ...site.authorPages.map((page) => page.url),
    ...site.assets.map((asset) => asset.to),
  ]);
  const host = new URL(config.url).hostname;

  const check = (source: Source, href: string, pageUrl: SitePath, line: number | undefined, field?: string) => {
    const context: LinkContext = { file: source.file, pageUrl, host, pathPrefix: config.pathPrefix };
    const target = classifyLink(href, context);
    if (target.kind === "elsewhere") return;
    const report = (code: string, message: string, fix: string) =>
      diagnostics.push(error(code, source.file, message, { line, field, fix }));
    let sitePath: SitePath;
    if (target.kind === "content") {
      const address = addresses.get(target.file);
      if (address === undefined) {
        report(
          "site/broken-link",
          `the link to ${href} leads nowhere: ${target.file} is not an article, page or author file`,
          "Check the file name and folder: a link to another article's file is written relative to this file, e.g. ../2025/flood-warnings.md.",
        );
        return;
      }
      sitePath = address;
    } else {
      sitePath = target.path.endsWith("/index.html") ? target.path.slice(0, -"index.html".length) : target.path;
    }

    const page = contentPages.get(sitePath);
    if (page) {
      if (!preview && source.liveFrom !== undefined && page.file !== source.file) {
        if (page.draft) {
          report(
            "site/link-to-draft",
            `the link to ${href} points at ${page.file}, which is a draft: readers would get "page not found"`,
            "Publish that article first (remove `draft: true`), or remove the link.",
          );
          return;
        }
        if (page.liveFrom > source.liveFrom) {
          const when = `${formatDate(page.liveFrom, config.timeZone, config.language, config.dateFormat)} at ${formatDate(page.liveFrom, config.timeZone, config.language, config.timeFormat)}`;
          report(
            "site/link-to-scheduled",
            `the link to ${href} points at ${page.file}, which is not published until ${when}${source.liveFrom > input.now ? ", after this article goes live" : ""}: until then readers would get "page not found"`,
            "Add the link once that article is published, or schedule this one for the same time or later.",
          );
          return;
        }
      }
      if (target.fragment !== "" && !page.ids.has(target.fragment)) {
        const sections = [...page.ids].filter((id) => !PAGE_IDS.includes(id));
        const suggestion = closestMatch(target.fragment, sections);
        report(
          "site/broken-fragment",
          `the link to ${href} points at a section #${target.fragment} that ${page.file} does not have`,
          suggestion
            ? `Did you mean #${suggestion}?`
            : sections.length > 0
              ? `Sections you can link to there: ${sections
                  .slice(0, 8)
                  .map((id) => `#${id}`)
                  .join(", ")}${sections.length > 8 ? " …" : ""}.`
              : "Link to the page without a #section, or add a subhead (##) to that page and link to its id.",
        );
      }
      return;
    }
    if (otherPages.has(sitePath) || otherPages.has(`${sitePath}/`) || contentPages.has(`${sitePath}/`) || isPublicFile(sitePath, input))
      return;

    const suggestion = closestMatch(sitePath, [...contentPages.keys(), ...otherPages]);
    const prefix = config.pathPrefix;
    report(
      "site/broken-link",
      `the link to ${href} leads nowhere: nothing is published at ${sitePath}`,
      suggestion
        ? `Did you mean ${suggestion}?`
        : prefix !== "/" && `${sitePath}/`.startsWith(prefix)
          ? `Write site addresses without ${prefix}: the site adds it.`
          : "Copy the address from the published page, or link to the article's Markdown file (e.g. ../2025/flood-warnings.md).",
    );
  };

  for (const entry of [...input.articles, ...input.pages, ...input.authors]) {
    const url = addresses.get(entry.file) ?? "/";
    const fm = entry.frontMatter as { draft?: boolean; date?: { epochMs: number } };
    const liveFrom = fm.draft === true ? undefined : Math.max(input.now, fm.date?.epochMs ?? -Infinity);
    for (const link of entry.links) check({ file: entry.file, liveFrom }, link.url, url, link.line);
  }
  const configSource: Source = { file: CONFIG_FILE, liveFrom: input.now };
  config.navigation.forEach((item, index) => check(configSource, item.url, "/", undefined, `navigation[${index + 1}].url`));
  if (config.donation.enabled) check(configSource, config.donation.url, "/", undefined, "donation.url");
  return diagnostics;
}

/** True when a site path is a file copied from public/ (a folder path: its index.html). */
function isPublicFile(sitePath: SitePath, input: SiteInput): boolean {
  const relative = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  const file = path.join(input.root, "public", ...relative.split("/").filter((part) => part !== "" && part !== ".."));
  return input.fileExists(file);
}
