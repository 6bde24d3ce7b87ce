import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { lineOf } from "../content/yaml-document.ts";
import { STANDARD_POLICIES } from "../config/standards-schema.ts";
import { formatDate } from "../content/dates.ts";
import { closestMatch } from "../core/describe-value.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RenderedEntry, SiteInput } from "../site/site-input.ts";
import { contentAddresses } from "../model/content-addresses.ts";
import { classifyLink } from "../model/content-links.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import type { SitePath } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { CORRECTIONS_PATH } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import { configLanguages } from "../config/language-config.ts";
import { isPublicFile } from "../site/public-files.ts";

// Pages the templates publish that are not in the model's lists (the topics and authors indexes, search, 404, corrections), which editors may link to.
const TEMPLATE_PAGES: readonly SitePath[] = ["/tags/", "/authors/", "/search/", "/404.html", CORRECTIONS_PATH];

/** A page made from a content file, published now or not, as a link target. */
interface ContentPage {
  file: string;
  draft: boolean;
  /** When it goes live, ms since the epoch (-Infinity for pages and authors, which have no date). */
  liveFrom: number;
  /** Ids a link may point at: the body's, and the page template's. */
  ids: ReadonlySet<string>;
}

/** Everything a link can lead to in this build. */
interface LinkTargets {
  /** Project path → address, for every content file. */
  addresses: ReadonlyMap<string, SitePath>;
  /** Address → the content file published there (drafts and scheduled articles included). */
  contentPages: ReadonlyMap<SitePath, ContentPage>;
  /** List pages, feeds and copied images: addresses without a content file. */
  otherPages: ReadonlySet<SitePath>;
}

/** One link to check: where it is written and when readers first see it. */
interface Link {
  href: string;
  file: string;
  /** The address of the page the link is on, which relative links resolve against. */
  pageUrl: SitePath;
  line?: number | undefined;
  field?: string | undefined;
  /** When readers first see the link; undefined for drafts, whose links only have to lead somewhere. */
  liveFrom: number | undefined;
}

/** What a failed link check says. */
interface Problem {
  code: string;
  message: string;
  fix: string;
}

/**
 * Check every internal link in every content file and in the config (its navigation, the donation
 * page, the newsroom's standards, each at its line): the address must be published (an article,
 * page, author, list page, feed or a file in public/), a `#fragment` must name a section of a
 * content page, and, in production, the target must be live by the time the linking page is: not
 * a draft, not scheduled after it. A relative link to another article's Markdown file is checked
 * the same way once it is resolved to that file.
 */
export function checkLinks(site: Site, input: SiteInput): Diagnostic[] {
  const targets = linkTargets(site, input);
  const links: Link[] = [];
  for (const entry of [...input.articles, ...input.pages, ...input.authors]) {
    const fm = entry.frontMatter as { draft?: boolean; date?: { epochMs: number } };
    const liveFrom = fm.draft === true ? undefined : Math.max(input.now, fm.date?.epochMs ?? -Infinity);
    const pageUrl = targets.addresses.get(entry.file) ?? "/";
    for (const link of entry.links) links.push({ href: link.url, file: entry.file, pageUrl, line: link.line, liveFrom });
  }
  // A link in the config is reported at its line, when the config was read from its file.
  const fromConfig = (href: string, field: string, fieldPath: readonly (string | number)[]): Link => ({
    href,
    file: CONFIG_FILE,
    pageUrl: "/",
    field,
    line: input.configLines === undefined ? undefined : lineOf(input.configLines, fieldPath),
    liveFrom: input.now,
  });
  input.config.navigation.forEach((item, index) => links.push(fromConfig(item.url, `navigation[${index + 1}].url`, ["navigation", index, "url"])));
  if (input.config.donation.enabled) links.push(fromConfig(input.config.donation.url, "donation.url", ["donation", "url"]));
  // The newsroom's published standards must be pages readers (and the publisher's structured data) can open.
  for (const policy of STANDARD_POLICIES) {
    const address = input.config.standards?.[policy];
    if (address !== undefined) links.push(fromConfig(address, `standards.${policy}`, ["standards", policy]));
  }

  const host = new URL(input.config.url).hostname;
  return links.flatMap((link) => {
    const problem = checkLink(link, targets, host, input);
    return problem ? [error(problem.code, link.file, problem.message, { line: link.line, field: link.field, fix: problem.fix })] : [];
  });
}

function linkTargets(site: Site, input: SiteInput): LinkTargets {
  const addresses = contentAddresses(input, configLanguages(input.config));
  const contentPages = new Map<SitePath, ContentPage>();
  // A live page's updates have anchors of their own, made from their times by buildSite.
  const updateIds = new Map(site.articles.map((article) => [article.file, article.live?.updates.map((update) => update.id) ?? []]));
  const add = (entry: RenderedEntry<unknown>, draft: boolean, liveFrom: number) => {
    const url = addresses.get(entry.file);
    // Two files at one address are reported by buildSite; the first one stands for both here.
    if (url !== undefined && !contentPages.has(url)) {
      contentPages.set(url, { file: entry.file, draft, liveFrom, ids: new Set([...entry.ids, ...PAGE_IDS, ...(updateIds.get(entry.file) ?? [])]) });
    }
  };
  for (const entry of input.articles) add(entry, entry.frontMatter.draft === true, entry.frontMatter.date.epochMs);
  for (const entry of input.pages) add(entry, entry.frontMatter.draft === true, -Infinity);
  for (const entry of input.authors) add(entry, false, -Infinity);
  const otherPages = new Set<SitePath>([
    // Each language's part of the site has its own fixed pages (`/cy/search/`).
    ...(site.editions ?? [site]).flatMap((part) => TEMPLATE_PAGES.map((page) => inLanguage(part.language?.base ?? "/", page))),
    ...site.outputFiles.map((file) => file.path),
    ...site.homePages.map((page) => page.url),
    ...site.fronts.map((front) => front.url),
    ...site.sectionPages.map((page) => page.url),
    ...site.tagPages.map((page) => page.url),
    ...site.authorPages.map((page) => page.url),
    ...site.correctionPages.map((page) => page.url),
    ...site.series.map((series) => series.url),
    ...site.assets.map((asset) => asset.to),
  ]);
  return { addresses, contentPages, otherPages };
}

/** The problem with one link, or undefined when it leads somewhere readers can go. */
function checkLink(link: Link, targets: LinkTargets, host: string, input: SiteInput): Problem | undefined {
  const { config } = input;
  const { href } = link;
  const target = classifyLink(href, { file: link.file, pageUrl: link.pageUrl, host, pathPrefix: config.pathPrefix });
  if (target.kind === "elsewhere") return undefined;
  let sitePath: SitePath;
  if (target.kind === "content") {
    const address = targets.addresses.get(target.file);
    if (address === undefined) {
      const suggestion = closestMatch(target.file, [...targets.addresses.keys()]);
      return {
        code: "site/broken-link",
        message: `the link to ${href} leads nowhere: ${target.file} is not an article, page or author file`,
        fix: suggestion
          ? `Did you mean ${path.posix.relative(path.posix.dirname(link.file), suggestion)}?`
          : "Check the file name and folder: a link to another article's file is written relative to this file, e.g. ../2025/flood-warnings.md.",
      };
    }
    sitePath = address;
  } else {
    sitePath = target.path.endsWith("/index.html") ? target.path.slice(0, -"index.html".length) : target.path;
  }

  const page = targets.contentPages.get(sitePath);
  if (page) return checkTiming(link, page, input) ?? checkFragment(href, target.fragment, page);
  // Hosts redirect `/about` to `/about/`.
  const published = (candidate: SitePath) => targets.otherPages.has(candidate) || targets.contentPages.has(candidate);
  if (published(sitePath) || published(`${sitePath}/`) || isPublicFile(sitePath, input)) return undefined;

  const suggestion = closestMatch(sitePath, [...targets.contentPages.keys(), ...targets.otherPages]);
  const prefix = config.pathPrefix;
  return {
    code: "site/broken-link",
    message: `the link to ${href} leads nowhere: nothing is published at ${sitePath}`,
    fix: suggestion
      ? `Did you mean ${suggestion}?`
      : prefix !== "/" && `${sitePath}/`.startsWith(prefix)
        ? `Write site addresses without ${prefix}: the site adds it.`
        : "Copy the address from the published page, or link to the article's Markdown file (e.g. ../2025/flood-warnings.md).",
  };
}

/** In production, a link must not go live before its target: no drafts, nothing scheduled later. */
function checkTiming(link: Link, page: ContentPage, input: SiteInput): Problem | undefined {
  if (input.mode === "preview" || link.liveFrom === undefined || page.file === link.file) return undefined;
  if (page.draft) {
    return {
      code: "site/link-to-draft",
      message: `the link to ${link.href} points at ${page.file}, which is a draft: readers would get "page not found"`,
      fix: "Publish that article first (remove `draft: true`), or remove the link.",
    };
  }
  if (page.liveFrom <= link.liveFrom) return undefined;
  const { config } = input;
  const day = formatDate(page.liveFrom, config.timeZone, config.language, config.dateFormat);
  const time = formatDate(page.liveFrom, config.timeZone, config.language, config.timeFormat);
  const after = link.liveFrom > input.now ? ", after this article goes live" : "";
  return {
    code: "site/link-to-scheduled",
    message: `the link to ${link.href} points at ${page.file}, which is not published until ${day} at ${time}${after}: until then readers would get "page not found"`,
    fix: "Add the link once that article is published, or schedule this one for the same time or later.",
  };
}

/** A `#fragment` must name an element of the page: a heading, a footnote, or one of the template's ids. */
function checkFragment(href: string, fragment: string, page: ContentPage): Problem | undefined {
  if (fragment === "" || page.ids.has(fragment)) return undefined;
  const sections = [...page.ids].filter((id) => !PAGE_IDS.includes(id));
  const suggestion = closestMatch(fragment, sections);
  const listed = sections.slice(0, 8).map((id) => `#${id}`);
  return {
    code: "site/broken-fragment",
    message: `the link to ${href} points at a section #${fragment} that ${page.file} does not have`,
    fix: suggestion
      ? `Did you mean #${suggestion}?`
      : sections.length > 0
        ? `Sections you can link to there: ${listed.join(", ")}${sections.length > listed.length ? " …" : ""}.`
        : "Link to the page without a #section, or add a subhead (##) to that page and link to its id.",
  };
}
