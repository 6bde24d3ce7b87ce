import { englishCatalogue } from "../../src/i18n/catalogues.ts";
import { Messages } from "../../src/i18n/messages.ts";
import { stringify } from "yaml";
import { parseConfig, type SiteConfig } from "../../src/config/config.ts";
import { parseContentDate } from "../../src/content/dates.ts";
import type { ArticleFrontMatter, AuthorFrontMatter, PageFrontMatter } from "../../src/content/schemas.ts";
import type { RenderedEntry, SiteInput } from "../../src/site/site-input.ts";
import { htmlBody } from "./html-body.ts";

/** The settings every test site shares; tests override single fields. */
export const TEST_CONFIG = {
  name: "Test Gazette",
  url: "https://news.example.org",
  timeZone: "Europe/London",
  language: "en-GB",
  articlesPerPage: 2,
  donation: { heading: "Support us", text: "We are reader funded.", button: "Donate", url: "/donate/" },
};

/** A valid config for tests, with top-level fields overridden. */
export function testConfig(overrides: Record<string, unknown> = {}): SiteConfig {
  const result = parseConfig(stringify({ ...TEST_CONFIG, ...overrides }));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.config;
}

/** A rendered article entry built from partial front matter, for site-model tests. */
export function articleEntry(
  file: string,
  frontMatter: Partial<Omit<ArticleFrontMatter, "date">> & { date: string },
  timeZone = "Europe/London",
): RenderedEntry<ArticleFrontMatter> {
  const date = parseContentDate(frontMatter.date, timeZone);
  if (!date.ok) throw new Error(date.problem);
  return {
    file,
    absolutePath: `/site/${file}`,
    frontMatter: { title: "Untitled", byline: ["Reporter"], ...frontMatter, date: date.value } as ArticleFrontMatter,
    body: "Body.",
    bodyLine: 5,
    lines: new Map(),
    html: htmlBody("<p>Body.</p>"),
    firstParagraph: "Body.",
    wordCount: 1,
    images: [],
    links: [],
    ids: [],
  };
}

/** A rendered entry of any kind whose body is one paragraph of `text`. */
function renderedEntry<FrontMatter>(file: string, frontMatter: FrontMatter, text: string): RenderedEntry<FrontMatter> {
  return {
    file,
    absolutePath: `/site/${file}`,
    frontMatter,
    body: "",
    bodyLine: 4,
    lines: new Map(),
    html: htmlBody(`<p>${text}</p>`),
    firstParagraph: text,
    wordCount: 1,
    images: [],
    links: [],
    ids: [],
  };
}

/** A rendered author entry. */
export function authorEntry(file: string, frontMatter: AuthorFrontMatter): RenderedEntry<AuthorFrontMatter> {
  return renderedEntry(file, frontMatter, "Bio.");
}

/** A rendered page entry. */
export function pageEntry(file: string, frontMatter: PageFrontMatter): RenderedEntry<PageFrontMatter> {
  return renderedEntry(file, frontMatter, "Page.");
}

/** A complete SiteInput with sensible defaults. */
export function siteInput(overrides: Partial<SiteInput>): SiteInput {
  return {
    config: testConfig(),
    messages: new Messages("en-GB", englishCatalogue()),
    articles: [],
    authors: [],
    pages: [],
    mode: "production",
    now: Date.UTC(2026, 10, 27, 12),
    root: "/site",
    fileExists: () => true,
    ...overrides,
  };
}
