import type { SiteConfig } from "../config/config.ts";
import { STANDARD_POLICIES } from "../config/standards-schema.ts";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import type { Article, Byline, LiveCoverage } from "../model/types.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { toRfc3339 } from "./feed-dates.ts";
import { shareImage } from "./share-image.ts";

/**
 * The schema.org `NewsArticle` for an article page (https://schema.org/NewsArticle, as Google's
 * Article structured data reads it): headline, description, dates with offsets, every byline as a
 * `Person` (with the author page as `url` when the name has an author file), the newsroom as a
 * `NewsMediaOrganization` publisher with its logo and its published standards, the share image, the sources as `citation`
 * and each correction as a `CorrectionComment`; the dateline as `dateline` and `locationCreated`,
 * the note on how it was reported as `backstory`, and what each author knows as `knowsAbout`. A live page is a `LiveBlogPosting` instead
 * (https://schema.org/LiveBlogPosting, as Google reads it): the same properties, plus when
 * coverage started and ended and every update as a `BlogPosting`. A part of a series names it
 * as `isPartOf`, a `CreativeWorkSeries`.
 */
export function toNewsArticleJsonLd(article: Article, config: SiteConfig): Record<string, unknown> {
  const url = toAbsoluteUrl(article.url, config.url);
  const image = shareImage(article, config);
  return {
    "@context": "https://schema.org",
    "@type": article.live === undefined ? "NewsArticle" : "LiveBlogPosting",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    headline: article.title,
    description: article.summary,
    datePublished: toRfc3339(article.date),
    dateModified: toRfc3339(article.updated ?? article.date),
    inLanguage: article.language,
    ...translationLinks(article, config.url),
    // Its record of changes since publication (src/history/), a page of its own.
    ...(article.history === undefined ? {} : { subjectOf: { "@type": "WebPage", url: toAbsoluteUrl(article.history, config.url) } }),
    // The section the article is filed in; a site without sections files it by its type.
    articleSection: article.section?.name ?? article.type.label,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(image ? { image: [image.url] } : {}),
    author: article.bylines.map((byline) => toPerson(byline, config.url)),
    publisher: {
      "@type": "NewsMediaOrganization",
      "@id": `${toAbsoluteUrl("/", config.url)}#publisher`,
      name: config.name,
      url: toAbsoluteUrl("/", config.url),
      ...(config.logo !== undefined ? { logo: { "@type": "ImageObject", url: toAbsoluteUrl(config.logo, config.url) } } : {}),
      ...standardsProperties(config),
    },
    ...(article.sources.length > 0
      ? {
          citation: article.sources.map((source) => ({
            "@type": "CreativeWork",
            name: source.name,
            ...(source.url !== undefined ? { url: toAbsoluteUrl(source.url, config.url) } : {}),
            ...(source.note !== undefined ? { description: source.note } : {}),
          })),
        }
      : {}),
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            "@type": "CorrectionComment",
            text: correction.text,
            datePublished: toRfc3339(correction.date),
          })),
        }
      : {}),
    // Where the reporting was done, as readers see it and as a place (https://schema.org/dateline).
    ...(article.dateline !== undefined ? { dateline: article.dateline, locationCreated: { "@type": "Place", name: article.dateline } } : {}),
    // How the story was reported (https://schema.org/backstory, from the Trust Project's methods indicator).
    ...(article.methods !== undefined ? { backstory: article.methods.join("\n\n") } : {}),
    ...(article.live !== undefined ? liveProperties(article.live, article, url) : {}),
    ...(article.series !== undefined
      ? { isPartOf: { "@type": "CreativeWorkSeries", name: article.series.title, url: toAbsoluteUrl(article.series.url, config.url) } }
      : {}),
  };
}

/**
 * The newsroom's published standards as schema.org names them on a NewsMediaOrganization (the
 * Trust Project's properties, https://schema.org/correctionsPolicy and its siblings): each the
 * absolute address of its page, in the order of STANDARD_POLICIES.
 */
function standardsProperties(config: SiteConfig): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const policy of STANDARD_POLICIES) {
    const address = config.standards?.[policy];
    if (address !== undefined) properties[policy] = toAbsoluteUrl(address, config.url);
  }
  return properties;
}

/** Google shows at most this many characters of a headline. */
const HEADLINE_LENGTH = 110;

/** The LiveBlogPosting properties: coverage start (the page's date) and end, and each update, newest first. */
function liveProperties(live: LiveCoverage, article: Article, url: string): Record<string, unknown> {
  return {
    coverageStartTime: toRfc3339(article.date),
    ...(live.ended !== undefined ? { coverageEndTime: toRfc3339(live.ended) } : {}),
    liveBlogUpdate: live.updates.map((update) => {
      const text = toString(fromHtml(update.html, { fragment: true })).replace(/\s+/g, " ").trim();
      return {
        "@type": "BlogPosting",
        "@id": `${url}#${update.id}`,
        url: `${url}#${update.id}`,
        headline: update.title ?? shorten(text === "" ? article.title : text, HEADLINE_LENGTH),
        datePublished: toRfc3339(update.time),
        articleBody: text,
      };
    }),
  };
}

/** The text cut at a word to at most `length` characters, with an ellipsis when cut. */
function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * How schema.org links an article to its translations: the first version (the main language's, as
 * the site orders its languages) is the work, with each other as a `workTranslation`; each other
 * version names it as its `translationOfWork`.
 */
function translationLinks(article: Article, siteUrl: string): Record<string, unknown> {
  const [original, ...others] = article.translations ?? [];
  if (original === undefined) return {};
  const ref = (version: { url: string; language: string }) => {
    const url = toAbsoluteUrl(version.url, siteUrl);
    return { "@id": `${url}#article`, url, inLanguage: version.language };
  };
  if (original.current === true) return { workTranslation: others.map(ref) };
  return { translationOfWork: ref(original) };
}

/** The NewsArticle JSON-LD as text that is safe inside `<script type="application/ld+json">`. */
export function renderNewsArticleJsonLd(article: Article, config: SiteConfig): string {
  return toScriptJson(toNewsArticleJsonLd(article, config));
}

/**
 * JSON that cannot end or disturb the script element holding it: `<`, `>` and `&` become `\u`
 * escapes (so no `</script>` or `<!--` can appear), as do U+2028 and U+2029. The escapes are
 * inside JSON strings (the only place these characters occur), so the value parses unchanged.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function toPerson(byline: Byline, siteUrl: string): Record<string, unknown> {
  const author = byline.author;
  if (!author) return { "@type": "Person", name: byline.name };
  return {
    "@type": "Person",
    // The name as the byline prints it, so the data matches what readers see.
    name: byline.name,
    url: toAbsoluteUrl(author.url, siteUrl),
    ...(author.role !== undefined ? { jobTitle: author.role } : {}),
    ...(author.sameAs.length > 0 ? { sameAs: author.sameAs } : {}),
    ...(author.knowsAbout !== undefined ? { knowsAbout: author.knowsAbout } : {}),
  };
}
