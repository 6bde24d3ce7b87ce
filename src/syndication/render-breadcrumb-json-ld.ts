import type { SiteConfig } from "../config/config.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { toScriptJson } from "./render-json-ld.ts";

/** One step of a breadcrumb trail: what it is called and where it is. */
export interface Crumb {
  name: string;
  url: string;
}

/**
 * The schema.org `BreadcrumbList` for a page's trail (https://schema.org/BreadcrumbList, as
 * Google's breadcrumb structured data reads it): one `ListItem` per crumb, counted from 1 at the
 * home page, each with the crumb's absolute address, so search results can show the section.
 */
export function toBreadcrumbJsonLd(trail: readonly Crumb[], config: SiteConfig): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: toAbsoluteUrl(crumb.url, config.url),
    })),
  };
}

/** The BreadcrumbList JSON-LD as text that is safe inside `<script type="application/ld+json">`. */
export function renderBreadcrumbJsonLd(trail: readonly Crumb[], config: SiteConfig): string {
  return toScriptJson(toBreadcrumbJsonLd(trail, config));
}
