import type { SiteConfig } from "../config/config.ts";
import type { PageFrontMatter } from "../content/schemas.ts";
import { compareText, error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { AskView } from "../donation/ask-view.ts";
import { entrySlug } from "../model/content-addresses.ts";
import type { Page } from "../model/types.ts";
import { pagePath } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import { isReservedSlug, type AddressClaim } from "./addresses.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";

/** The standalone pages that are published (drafts only in the preview), sorted by slug, with the addresses they claim and the problems of slugs the site itself uses. */
export function buildPages(
  input: SiteInput,
  asks: ReadonlyMap<string, AskView>,
): { pages: Page[]; published: RenderedEntry<PageFrontMatter>[]; claims: AddressClaim[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const claims: AddressClaim[] = [];
  const pages: Page[] = [];
  const published = input.pages.filter((entry) => input.mode === "preview" || entry.frontMatter.draft !== true);
  for (const entry of published) {
    const page = toPage(entry, input.config, asks, input.language?.base ?? "/");
    if (isReservedSlug(page.slug)) {
      diagnostics.push(
        error("site/reserved-slug", page.file, `the address /${page.slug}/ is used by the site itself`, {
          line: entry.lines.get("slug"),
          fix: "Give the page another `slug` (or rename its file).",
        }),
      );
    } else {
      claims.push({ sitePath: page.url, file: page.file, line: entry.lines.get("slug") });
    }
    pages.push(page);
  }
  pages.sort((a, b) => compareText(a.slug, b.slug));
  return { pages, published, claims, diagnostics };
}

function toPage(entry: RenderedEntry<PageFrontMatter>, config: SiteConfig, asks: ReadonlyMap<string, AskView>, base: string): Page {
  const fm = entry.frontMatter;
  const slug = entrySlug(entry);
  const url = inLanguage(base, pagePath(slug));
  // The donate page shows the tiers and the campaign in full, and never an ask for itself.
  const isDonatePage = config.donation.enabled && url === config.donation.url;
  const page: Page = {
    kind: "page",
    file: entry.file,
    slug,
    url,
    title: fm.title,
    language: fm.language ?? config.language,
    summary: fm.summary ?? entry.firstParagraph,
    body: entry.html.parts().join(""),
    draft: fm.draft === true,
    showDonation: config.donation.enabled && fm.donate === true && !isDonatePage,
  };
  const ask = asks.get("default");
  if (ask && isDonatePage) page.donatePage = ask;
  else if (ask && page.showDonation) page.ask = ask;
  return page;
}
