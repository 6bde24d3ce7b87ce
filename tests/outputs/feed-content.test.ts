import { describe, expect, it } from "vitest";
import { toAbsoluteUrl } from "../../src/outputs/absolute-url.ts";
import { feedContentHtml } from "../../src/outputs/feed-content.ts";
import { shareImage } from "../../src/outputs/share-image.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { articleEntry, siteInput, testConfig } from "../support/site-input.ts";

describe("toAbsoluteUrl", () => {
  it("resolves site paths under the site's folder and percent-encodes what URLs require", () => {
    expect(toAbsoluteUrl("/2026/11/24/x/", "https://news.example.org")).toBe("https://news.example.org/2026/11/24/x/");
    expect(toAbsoluteUrl("/feed.xml", "https://example.github.io/gazette")).toBe("https://example.github.io/gazette/feed.xml");
    expect(toAbsoluteUrl("https://café.example/é?q=ü#x", "https://news.example.org")).toBe("https://xn--caf-dma.example/%C3%A9?q=%C3%BC#x");
  });
});

describe("feedContentHtml", () => {
  function articleWith(html: string, config = testConfig()) {
    const entry = { ...articleEntry("content/articles/a.md", { date: "2026-11-20", summary: "Standfirst." }), html: [html] as [string] };
    const { site } = buildSite(siteInput({ config, articles: [entry] }));
    return { article: site.articles[0]!, config: site.config };
  }

  it("makes every link and image absolute so the content works away from the site", () => {
    // In a sub-folder site the Markdown pipeline has already put the folder in front of body links.
    const { article, config } = articleWith(
      '<p><a href="#note">note</a> <a href="/gazette/tags/x/">tag</a> <a href="../other/">other</a> <a href="https://x.example/">out</a> <img src="/gazette/media/m.png" alt="m"></p>',
      testConfig({ url: "https://example.github.io/gazette" }),
    );
    expect(feedContentHtml(article, config)).toBe(
      '<p>Standfirst.</p><p><a href="https://example.github.io/gazette/2026/11/20/a/#note">note</a> <a href="https://example.github.io/gazette/tags/x/">tag</a> <a href="https://example.github.io/gazette/2026/11/20/other/">other</a> <a href="https://x.example/">out</a> <img src="https://example.github.io/gazette/media/m.png" alt="m"></p>',
    );
  });

  it("puts the lead image, a site path, under the site's address with its caption and credit", () => {
    const entry = articleEntry("content/articles/a.md", {
      date: "2026-11-20",
      summary: "S.",
      image: { src: "images/w.jpg", alt: "W", caption: "C.", credit: "Staff" },
    });
    const { site } = buildSite(siteInput({ config: testConfig({ url: "https://example.github.io/gazette" }), articles: [entry] }));
    expect(feedContentHtml(site.articles[0]!, site.config)).toBe(
      '<figure><img src="https://example.github.io/gazette/media/articles/images/w.jpg" alt="W"><figcaption>C. Staff</figcaption></figure><p>S.</p><p>Body.</p>',
    );
  });

  it("leaves a body with only absolute links exactly as rendered", () => {
    const body = '<p>Text with <a href="https://x.example/" rel="noopener noreferrer">a link</a> &#x26; more.</p>';
    const { article, config } = articleWith(body);
    expect(feedContentHtml(article, config)).toBe(`<p>Standfirst.</p>${body}`);
  });
});

describe("shareImage", () => {
  it("is the lead image, absolute, with its alt text and type; none without a lead image", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("content/articles/a.md", { date: "2026-11-20", image: { src: "images/p.webp", alt: "A picture" } }),
          articleEntry("content/articles/b.md", { date: "2026-11-21" }),
        ],
      }),
    );
    const [b, a] = site.articles;
    expect(shareImage(a!, site.config)).toEqual({
      url: "https://news.example.org/media/articles/images/p.webp",
      alt: "A picture",
      type: "image/webp",
    });
    expect(shareImage(b!, site.config)).toBeUndefined();
  });
});
