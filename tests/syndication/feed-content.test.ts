import fc from "fast-check";
import type { ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { describe, expect, it } from "vitest";
import { walk } from "../../src/markdown/walk.ts";
import { toAbsoluteUrl } from "../../src/syndication/absolute-url.ts";
import { feedContentHtml, splitSrcset } from "../../src/syndication/feed-content.ts";
import { shareImage } from "../../src/syndication/share-image.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { articleEntry, siteInput, testConfig } from "../support/site-input.ts";
import { englishMessages } from "../../src/i18n/catalogues.ts";
import { htmlBody } from "../support/html-body.ts";

describe("toAbsoluteUrl", () => {
  it("resolves site paths under the site's folder and percent-encodes what URLs require", () => {
    expect(toAbsoluteUrl("/2026/11/24/x/", "https://news.example.org")).toBe("https://news.example.org/2026/11/24/x/");
    expect(toAbsoluteUrl("/feed.xml", "https://example.github.io/gazette")).toBe("https://example.github.io/gazette/feed.xml");
    expect(toAbsoluteUrl("https://café.example/é?q=ü#x", "https://news.example.org")).toBe("https://xn--caf-dma.example/%C3%A9?q=%C3%BC#x");
  });
});

describe("feedContentHtml", () => {
  function articleWith(html: string, config = testConfig()) {
    const entry = { ...articleEntry("content/articles/a.md", { date: "2026-11-20", summary: "Standfirst." }), html: htmlBody(html) };
    const { site } = buildSite(siteInput({ config, articles: [entry] }));
    return { article: site.articles[0]!, config: site.config };
  }

  it("makes every link and image absolute so the content works away from the site", () => {
    // In a sub-folder site the Markdown pipeline has already put the folder in front of body links.
    const { article, config } = articleWith(
      '<p><a href="#note">note</a> <a href="/gazette/tags/x/">tag</a> <a href="../other/">other</a> <a href="https://x.example/">out</a> <img src="/gazette/media/m.png" alt="m"></p>',
      testConfig({ url: "https://example.github.io/gazette" }),
    );
    expect(feedContentHtml(article, config, englishMessages())).toBe(
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
    expect(feedContentHtml(site.articles[0]!, site.config, englishMessages())).toBe(
      '<figure><img src="https://example.github.io/gazette/media/articles/images/w.jpg" alt="W"><figcaption>C. Staff</figcaption></figure><p>S.</p><p>Body.</p>',
    );
  });

  it("uses the resized lead image when src/media/ made one (its address already carries the folder)", () => {
    const entry = articleEntry("content/articles/a.md", { date: "2026-11-20", summary: "S.", image: { src: "images/w.jpg", alt: "W" } });
    const { site } = buildSite(siteInput({ config: testConfig({ url: "https://example.github.io/gazette" }), articles: [entry] }));
    const article = site.articles[0]!;
    article.image!.picture = {
      sources: [],
      src: "/gazette/media/articles/images/w-0123456789-800.jpeg",
      srcset: "",
      sizes: "",
      width: 800,
      height: 500,
      thumbnail: { sources: [], src: "/gazette/media/articles/images/w-0123456789-400.jpeg", width: 400, height: 250 },
    };
    expect(feedContentHtml(article, site.config, englishMessages())).toContain(
      '<img src="https://example.github.io/gazette/media/articles/images/w-0123456789-800.jpeg" alt="W">',
    );
  });

  it("makes every candidate of a responsive picture's srcset absolute", () => {
    const { article, config } = articleWith(
      '<picture><source type="image/avif" srcset="/gazette/media/x-400.avif 400w, /gazette/media/x-800.avif 800w"><img src="/gazette/media/x-800.jpeg" alt="x"></picture>',
      testConfig({ url: "https://example.github.io/gazette" }),
    );
    expect(feedContentHtml(article, config, englishMessages())).toBe(
      '<p>Standfirst.</p><picture><source type="image/avif" srcset="https://example.github.io/gazette/media/x-400.avif 400w, https://example.github.io/gazette/media/x-800.avif 800w"><img src="https://example.github.io/gazette/media/x-800.jpeg" alt="x"></picture>',
    );
  });

  it("leaves an image CDN's picture, whose every address is absolute, exactly as rendered", () => {
    const body =
      '<picture><img src="https://cdn.example/cdn-cgi/image/width=800,f=auto/media/x.jpg" srcset="https://cdn.example/cdn-cgi/image/width=400,f=auto/media/x.jpg 400w, https://cdn.example/cdn-cgi/image/width=800,f=auto/media/x.jpg 800w" alt="x"></picture>';
    const { article, config } = articleWith(body);
    expect(feedContentHtml(article, config, englishMessages())).toBe(`<p>Standfirst.</p>${body}`);
  });

  it("rewrites a srcset with one relative candidate among absolute ones", () => {
    const { article, config } = articleWith(
      '<img src="https://cdn.example/x-800.jpg" srcset="https://cdn.example/x-400.jpg 400w, /gazette/media/x-800.jpg 800w" alt="x">',
      testConfig({ url: "https://example.github.io/gazette" }),
    );
    expect(feedContentHtml(article, config, englishMessages())).toBe(
      '<p>Standfirst.</p><img src="https://cdn.example/x-800.jpg" srcset="https://cdn.example/x-400.jpg 400w, https://example.github.io/gazette/media/x-800.jpg 800w" alt="x">',
    );
  });

  it("still finds a relative link after text that looks like the start of an absolute attribute", () => {
    const { article, config } = articleWith(
      '<p>Type src="https://a.example and then <a href="/gazette/2026/notes/">the notes</a>.</p>',
      testConfig({ url: "https://example.github.io/gazette" }),
    );
    expect(feedContentHtml(article, config, englishMessages())).toContain('<a href="https://example.github.io/gazette/2026/notes/">');
  });

  it("leaves no relative address in any body the serialiser can write, whatever its text holds", () => {
    const address = fc.constantFrom("https://cdn.example/x.jpg", "/gazette/media/x.jpg", "notes/", "#fn-1", "mailto:desk@example.org", "HTTPS://a.example/");
    const text = fc.array(fc.constantFrom(' src="', ' href="', ' srcset="', '"', "https://a.example", " and ", "<", ">", "&", "'"), { maxLength: 6 }).map((pieces) => pieces.join(""));
    const element = fc.oneof(
      text.map((value): ElementContent => ({ type: "text", value })),
      fc.tuple(address, text).map(([href, value]) => h("a", { href }, value)),
      fc.tuple(address, fc.array(address, { minLength: 1, maxLength: 3 })).map(([src, set]) => h("img", { src, srcSet: set.map((one, index) => `${one} ${400 * (index + 1)}w`).join(", "), alt: "" })),
    );
    const config = testConfig({ url: "https://example.github.io/gazette" });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 6 }), (children) => {
        const { article } = articleWith(toHtml(h("p", children)), config);
        const tree = fromHtml(feedContentHtml(article, config, englishMessages()), { fragment: true });
        walk(tree, (node) => {
          if (node.type !== "element") return undefined;
          const srcSet: unknown = node.properties.srcSet;
          const candidates = typeof srcSet === "string" ? splitSrcset(srcSet).map((candidate) => candidate.address) : Array.isArray(srcSet) ? splitSrcset(srcSet.map(String).join(",")).map((candidate) => candidate.address) : [];
          for (const value of [node.properties.href, node.properties.src, ...candidates]) {
            if (typeof value === "string") expect(value).toMatch(/^(?:https?:\/\/|mailto:)/i);
          }
          return undefined;
        });
      }),
      { numRuns: 300 },
    );
  });

  it("leaves a body with only absolute links exactly as rendered", () => {
    const body = '<p>Text with <a href="https://x.example/" rel="noopener noreferrer">a link</a> &#x26; more.</p>';
    const { article, config } = articleWith(body);
    expect(feedContentHtml(article, config, englishMessages())).toBe(`<p>Standfirst.</p>${body}`);
  });
});

describe("shareImage", () => {
  it("is the lead image's share version, absolute, with alt text, type and size; none without one", () => {
    const { site } = buildSite(
      siteInput({
        config: testConfig({ url: "https://example.github.io/gazette" }),
        articles: [
          articleEntry("content/articles/a.md", { date: "2026-11-20", image: { src: "images/p.webp", alt: "A picture" } }),
          articleEntry("content/articles/b.md", { date: "2026-11-21" }),
          articleEntry("content/articles/c.md", { date: "2026-11-22", image: { src: "https://elsewhere.example/c.jpg", alt: "Remote" } }),
        ],
      }),
    );
    const [c, b, a] = site.articles;
    expect(shareImage(a!, site.config)).toBeUndefined();
    a!.image!.share = { url: "/media/articles/images/p-0123456789-1200.jpeg", width: 1200, height: 800 };
    expect(shareImage(a!, site.config)).toEqual({
      url: "https://example.github.io/gazette/media/articles/images/p-0123456789-1200.jpeg",
      alt: "A picture",
      type: "image/jpeg",
      width: 1200,
      height: 800,
    });
    expect(shareImage(b!, site.config)).toBeUndefined();
    // An image on another website gets no share version, so link previews never point at it.
    expect(shareImage(c!, site.config)).toBeUndefined();
  });
});

describe("splitSrcset", () => {
  it("keeps the commas image CDNs put inside addresses, as browsers do", () => {
    const cdn = "https://x.org/cdn-cgi/image/width=400,f=auto/a.jpg 400w, https://x.org/cdn-cgi/image/width=800,f=auto/a.jpg 800w";
    expect(splitSrcset(cdn)).toEqual([
      { address: "https://x.org/cdn-cgi/image/width=400,f=auto/a.jpg", descriptor: "400w" },
      { address: "https://x.org/cdn-cgi/image/width=800,f=auto/a.jpg", descriptor: "800w" },
    ]);
  });

  it("reads candidates without spaces after the commas, and without descriptors", () => {
    expect(splitSrcset("a.jpg 1x,b.jpg 2x")).toEqual([
      { address: "a.jpg", descriptor: "1x" },
      { address: "b.jpg", descriptor: "2x" },
    ]);
    expect(splitSrcset("a.jpg, b.jpg 2x")).toEqual([
      { address: "a.jpg", descriptor: "" },
      { address: "b.jpg", descriptor: "2x" },
    ]);
  });
});
