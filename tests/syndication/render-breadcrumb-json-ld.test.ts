import { describe, expect, it } from "vitest";
import { renderBreadcrumbJsonLd, toBreadcrumbJsonLd } from "../../src/syndication/render-breadcrumb-json-ld.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";

const site = richSite();
const origin = site.config.url;

describe("toBreadcrumbJsonLd", () => {
  it("counts the crumbs from 1 at the home page, each with its absolute address", () => {
    const trail = [
      { name: "Home", url: "/" },
      { name: "News", url: "/news/" },
    ];
    expect(toBreadcrumbJsonLd(trail, site.config)).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Home", item: `${origin}/` },
        { "@type": "ListItem", position: 2, name: "News", item: `${origin}/news/` },
      ],
    });
  });

  it("cannot be ended early by a headline in the trail, and gives it back unchanged", () => {
    const json = renderBreadcrumbJsonLd([{ name: HOSTILE_TITLE, url: "/2026/11/27/x/" }], site.config);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(json) as { itemListElement: { name: string }[] };
    expect(parsed.itemListElement[0]?.name).toBe(HOSTILE_TITLE);
  });
});
