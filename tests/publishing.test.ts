import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../src/build.ts";
import { copyFixture, readPage, writeFiles } from "./support/fixture-site.ts";
import { jsonFeedValidator } from "./support/json-feed-schema.ts";
import { RFC_3339, RFC_822 } from "./support/formats.ts";
import { NEWS_SITEMAP_XSD, parseXml, SITEMAP_XSD, textOf, xmllint } from "./support/xml.ts";

// 27 November 2026, noon UTC, as in build.test.ts: the fixture's draft and future articles stay out.
const NOW = Date.UTC(2026, 10, 27, 12);
const SITE = "https://gazette.example.org";
const HOSTILE = "</script><script>alert(1)</script> ]]> <!-- & “quoted”";

// Articles that must never reach a feed or a sitemap: the draft, the future one, the expired one.
const HIDDEN = [
  { url: "/2026/11/26/draft-story/", title: "A draft nobody should see" },
  { url: "/2099/01/01/future-story/", title: "A story from the future" },
  { url: "/2026/10/05/expired-story/", title: "Road closure on the bridge this weekend" },
];

type Node = Record<string, unknown>;

/** The newsroom fixture plus a logo, a story from yesterday evening, a year-old story, an expired one and a hostile one. */
function publishingFixture(): string {
  const root = copyFixture("newsroom");
  const config = readFileSync(path.join(root, "tidings.config.yml"), "utf8");
  mkdirSync(path.join(root, "public"), { recursive: true });
  copyFileSync(path.resolve(import.meta.dirname, "..", "public", "logo.png"), path.join(root, "public", "logo.png"));
  writeFiles(root, {
    "tidings.config.yml": `${config}logo: /logo.png\n`,
    "content/articles/2026/recent-story.md": [
      "---",
      "title: Evening meeting backs river clean-up",
      "date: 2026-11-26 20:00",
      "byline: Priya Raman",
      "tags: [River]",
      "---",
      "Councillors agreed a clean-up plan. See [the minutes](#minutes) and [the flood wall story](/2026/11/24/flood-wall/).",
      "",
      "## Minutes",
      "",
      "Published next week.",
    ].join("\n"),
    "content/articles/2026/expired-story.md": [
      "---",
      "title: Road closure on the bridge this weekend",
      "date: 2026-10-05 07:00",
      "expires: 2026-11-01",
      "byline: Priya Raman",
      "tags: [River, Council]",
      "sources:",
      "  - name: Planning committee minutes",
      "    url: https://council.example/minutes/2026-11-24",
      "---",
      "The Town Bridge is closed to traffic on Saturday and Sunday.",
    ].join("\n"),
    "content/articles/2025/old-story.md":
      "---\ntitle: Library opening hours change\ndate: 2025-06-01 09:00\nbyline: Priya Raman\ntags: [Council]\n---\nThe library opens later on Mondays.\n",
    "content/articles/2026/hostile.md": [
      "---",
      `title: ${JSON.stringify(HOSTILE)}`,
      "date: 2026-11-26 09:00",
      `byline: ${JSON.stringify(HOSTILE)}`,
      "tags: [River]",
      "---",
      "A body that says ]]> and `</script>` in plain text.",
    ].join("\n"),
  });
  return root;
}

/** Every file under a folder, as site paths (`/tags/river/feed.xml`). */
function sitePaths(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

describe("publishing (feeds, sitemaps, structured data) on the newsroom fixture", () => {
  let result: BuildResult;
  let out: string;
  let files: string[];
  const read = (sitePath: string) => readFileSync(path.join(out, sitePath), "utf8");

  beforeAll(async () => {
    result = await build({ root: publishingFixture(), now: NOW });
    out = result.outputDir;
    files = sitePaths(out);
  });

  it("builds without errors", () => {
    // The fixture's second story spells its tag "river" on purpose: that warning is the whole-site check's.
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["site/tag-case"]);
    expect(result.ok).toBe(true);
  });

  it("writes the site feeds, a feed per tag and per author, the corrections feeds, both sitemaps and robots.txt", () => {
    expect(files.filter((file) => /\.(xml|json|txt)$/.test(file) && !file.startsWith("/pagefind/"))).toEqual([
      "/atom.xml",
      "/authors/priya-raman/feed.xml",
      "/corrections/atom.xml",
      "/corrections/feed.json",
      "/corrections/feed.xml",
      "/feed.json",
      "/feed.xml",
      "/news-sitemap.xml",
      "/robots.txt",
      "/sitemap.xml",
      "/tags/c-plus-plus/feed.xml",
      "/tags/council/feed.xml",
      "/tags/river/feed.xml",
      "/tags/schools/feed.xml",
    ]);
  });

  it("writes only well-formed XML, as libxml2 reads it", () => {
    const xml = files.filter((file) => file.endsWith(".xml")).map((file) => path.join(out, file));
    expect(xmllint(["--noout", ...xml])).toEqual({ status: 0, output: "" });
  });

  it("writes every RSS feed of articles with the channel's and each item's fields, and RFC 822 dates", () => {
    // The corrections feed's items are corrections, not articles: tests/trust/corrections-build.test.ts reads it.
    const rssFiles = files.filter((file) => file.endsWith("/feed.xml") && !file.startsWith("/corrections/"));
    expect(rssFiles.length).toBeGreaterThan(4);
    for (const file of rssFiles) {
      const rss = parseXml(read(file))["rss"] as Node;
      expect(rss["@version"], file).toBe("2.0");
      const channel = rss["channel"] as Node;
      for (const field of ["title", "link", "description"]) expect(typeof channel[field], `${file} channel ${field}`).toBe("string");
      expect((channel["atom:link"] as Node)["@href"]).toBe(`${SITE}${file}`);
      for (const item of (channel["item"] as Node[] | undefined) ?? []) {
        expect(String(item["link"]), file).toMatch(new RegExp(`^${SITE}/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$`));
        expect(textOf(item["guid"])).toBe(item["link"]);
        expect(item["pubDate"], file).toMatch(RFC_822);
        expect(textOf(item["title"]).length).toBeGreaterThan(0);
        expect(textOf(item["content:encoded"]).length).toBeGreaterThan(0);
        expect((item["dc:creator"] as string[]).length).toBeGreaterThan(0);
        if (item["dcterms:modified"] !== undefined) expect(item["dcterms:modified"]).toMatch(RFC_3339);
      }
    }
  });

  it("writes the Atom feed with its required elements and RFC 3339 dates", () => {
    const feed = parseXml(read("/atom.xml"))["feed"] as Node;
    expect(feed["id"]).toBe(`${SITE}/atom.xml`);
    expect(feed["updated"]).toMatch(RFC_3339);
    const entries = feed["entry"] as Node[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(String(entry["id"])).toMatch(new RegExp(`^${SITE}/`));
      expect(entry["updated"]).toMatch(RFC_3339);
      expect(entry["published"]).toMatch(RFC_3339);
      expect((entry["author"] as Node[]).every((author) => typeof author["name"] === "string")).toBe(true);
      expect((entry["content"] as Node)["@type"]).toBe("html");
    }
  });

  it("writes a JSON Feed that is valid against the JSON Feed 1.1 schema", () => {
    const validate = jsonFeedValidator();
    const feed = JSON.parse(read("/feed.json")) as Node;
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    expect(feed["feed_url"]).toBe(`${SITE}/feed.json`);
    expect(feed["icon"]).toBe(`${SITE}/logo.png`);
  });

  it("carries the newest published articles in every format, in the same order, with full content", () => {
    const rssTitles = (((parseXml(read("/feed.xml"))["rss"] as Node)["channel"] as Node)["item"] as Node[]).map((item) =>
      textOf(item["title"]),
    );
    const atomTitles = ((parseXml(read("/atom.xml"))["feed"] as Node)["entry"] as Node[]).map((entry) => textOf(entry["title"]));
    const json = JSON.parse(read("/feed.json")) as { items: { title: string; content_html: string; url: string }[] };
    expect(rssTitles).toEqual([
      "Evening meeting backs river clean-up",
      HOSTILE,
      "Council approves “riverside” flood wall — after six-hour debate",
      "Second story",
      "Third story",
      "Library opening hours change",
    ]);
    expect(atomTitles).toEqual(rssTitles);
    expect(json.items.map((item) => item.title)).toEqual(rssTitles);
    const recent = json.items[0];
    expect(recent?.content_html).toContain(`<a href="${SITE}/2026/11/26/recent-story/#minutes">the minutes</a>`);
    expect(recent?.content_html).toContain(`<a href="${SITE}/2026/11/24/flood-wall/">the flood wall story</a>`);
  });

  it("points every link and image in feed content at a file the build wrote", () => {
    const items = (JSON.parse(read("/feed.json")) as { items: { content_html: string }[] }).items;
    const addresses = items.flatMap((item) => {
      const $ = load(item.content_html);
      const srcset = $("[srcset]")
        .map((_, el) => ($(el).attr("srcset") ?? "").split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""))
        .get();
      return [
        ...$("[href]")
          .map((_, el) => $(el).attr("href"))
          .get(),
        ...$("[src]")
          .map((_, el) => $(el).attr("src"))
          .get(),
        ...srcset,
      ];
    });
    const local = addresses.filter((address) => address.startsWith(`${SITE}/`));
    expect(local.some((address) => address.includes("/media/"))).toBe(true);
    for (const address of local) {
      const { pathname } = new URL(address);
      expect(existsSync(path.join(out, pathname.endsWith("/") ? `${pathname}index.html` : pathname)), address).toBe(true);
    }
  });

  it("never lets a draft, a future or an expired article into a feed or a sitemap", () => {
    const outputs = files.filter((file) => /\.(xml|json|txt)$/.test(file) && !file.startsWith("/pagefind/"));
    for (const file of outputs) {
      const text = read(file);
      for (const hidden of HIDDEN) {
        expect(text.includes(hidden.url), `${hidden.url} in ${file}`).toBe(false);
        expect(text.includes(hidden.title), `${hidden.title} in ${file}`).toBe(false);
      }
    }
    // The expired article still has its page; only lists, feeds and sitemaps drop it.
    expect(existsSync(path.join(out, "2026/10/05/expired-story/index.html"))).toBe(true);
  });

  it("keeps a hostile headline, byline and body as text in every feed", () => {
    const item = (((parseXml(read("/feed.xml"))["rss"] as Node)["channel"] as Node)["item"] as Node[])[1] as Node;
    expect(textOf(item["title"])).toBe(HOSTILE);
    expect(item["dc:creator"]).toEqual([HOSTILE]);
    expect(read("/feed.xml")).toContain("]]]]><![CDATA[>");
    // The CDATA section survived the `]]>`: the content parses back to the same words.
    expect(load(textOf(item["content:encoded"]))("p").last().text()).toBe("A body that says ]]> and </script> in plain text.");
    const entry = ((parseXml(read("/atom.xml"))["feed"] as Node)["entry"] as Node[])[1] as Node;
    expect(textOf(entry["title"])).toBe(HOSTILE);
    expect((JSON.parse(read("/feed.json")) as { items: { title: string }[] }).items[1]?.title).toBe(HOSTILE);
  });

  it("writes a sitemap that is valid against the sitemap XSD, listing every public page with a real lastmod", () => {
    expect(xmllint(["--noout", "--schema", SITEMAP_XSD, path.join(out, "sitemap.xml")]).status).toBe(0);
    const urls = (parseXml(read("/sitemap.xml"))["urlset"] as Node)["url"] as Node[];
    const byLoc = new Map(urls.map((url) => [String(url["loc"]), url["lastmod"]]));
    const pages = files.filter((file) => file.endsWith("/index.html")).map((file) => file.replace(/index\.html$/, ""));
    // The search page is a form with no content of its own: search engines are not sent to it.
    const expected = pages
      .filter((page) => page !== "/search/" && !HIDDEN.some((hidden) => hidden.url === page))
      .map((page) => `${SITE}${page}`);
    expect([...byLoc.keys()].sort()).toEqual(expected.sort());
    expect(byLoc.get(`${SITE}/2026/11/24/flood-wall/`)).toBe("2026-11-25T09:15:00+00:00");
    expect(byLoc.get(`${SITE}/2026/11/20/second-story/`)).toBe("2026-11-20T00:00:00+00:00");
    for (const lastmod of byLoc.values()) if (lastmod !== undefined) expect(lastmod).toMatch(RFC_3339);
  });

  it("writes a news sitemap of the last two days' articles that is valid against the news sitemap schema", () => {
    expect(xmllint(["--noout", "--schema", NEWS_SITEMAP_XSD, path.join(out, "news-sitemap.xml")]).status).toBe(0);
    const urls = (parseXml(read("/news-sitemap.xml"))["urlset"] as Node)["url"] as Node[];
    expect(urls.map((url) => url["loc"])).toEqual([`${SITE}/2026/11/26/recent-story/`, `${SITE}/2026/11/26/hostile/`]);
    expect(urls.length).toBeLessThanOrEqual(1000);
    for (const url of urls) {
      const news = url["news:news"] as Node;
      expect(news["news:publication"]).toEqual({ "news:name": "The Test Gazette", "news:language": "en" });
      const published = Date.parse(String(news["news:publication_date"]));
      expect(news["news:publication_date"]).toMatch(RFC_3339);
      expect(NOW - published).toBeLessThanOrEqual(2 * 86_400_000);
      expect(textOf(news["news:title"]).length).toBeGreaterThan(0);
    }
  });

  it("names both sitemaps in robots.txt", () => {
    const robots = read("/robots.txt").split("\n");
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
  });

  it("gives every page one absolute canonical URL and the site's feed links, each pointing at a written file", () => {
    const pages = files.filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const $ = readPage(out, file);
      const canonical = $('link[rel="canonical"]');
      expect(canonical, file).toHaveLength(1);
      expect(canonical.attr("href"), file).toMatch(new RegExp(`^${SITE}/`));
      const feeds = $('link[rel="alternate"]')
        .map((_, link) => `${$(link).attr("type")} ${$(link).attr("href")}`)
        .get();
      expect(feeds.slice(0, 3), file).toEqual([
        "application/rss+xml /feed.xml",
        "application/atom+xml /atom.xml",
        "application/feed+json /feed.json",
      ]);
      for (const feed of feeds) expect(files, `${feed} on ${file}`).toContain(feed.split(" ")[1]);
    }
    const river = readPage(out, "/tags/river/");
    expect(river('link[rel="alternate"][type="application/rss+xml"]').last().attr("href")).toBe("/tags/river/feed.xml");
    const priya = readPage(out, "/authors/priya-raman/");
    expect(priya('link[rel="alternate"][type="application/rss+xml"]').last().attr("href")).toBe("/authors/priya-raman/feed.xml");
  });

  it("gives every article page one NewsArticle JSON-LD block with the required fields", () => {
    const articles = files.filter((file) => /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(file));
    expect(articles.length).toBeGreaterThan(5);
    for (const file of articles) {
      const $ = readPage(out, file);
      const blocks = $('script[type="application/ld+json"]');
      expect(blocks, file).toHaveLength(1);
      const data = JSON.parse(blocks.text()) as Node;
      expect(data["@type"]).toBe("NewsArticle");
      expect(data["headline"]).toBe($("h1").text());
      expect(data["datePublished"], file).toMatch(RFC_3339);
      expect(data["dateModified"], file).toMatch(RFC_3339);
      expect((data["author"] as Node[]).every((author) => author["@type"] === "Person" && typeof author["name"] === "string")).toBe(true);
      expect(data["publisher"]).toMatchObject({
        "@type": "NewsMediaOrganization",
        name: "The Test Gazette",
        logo: { "@type": "ImageObject", url: `${SITE}/logo.png` },
      });
    }
    const flood = JSON.parse(readPage(out, "/2026/11/24/flood-wall/")('script[type="application/ld+json"]').text()) as Node;
    expect(flood["author"]).toEqual([
      { "@type": "Person", name: "Priya Raman", url: `${SITE}/authors/priya-raman/`, jobTitle: "Local democracy reporter" },
      { "@type": "Person", name: "Staff reporter" },
    ]);
    // The 1200-pixel share version src/media/ made of the lead image.
    expect(flood["image"]).toEqual([
      expect.stringMatching(new RegExp(`^${SITE}/media/articles/2026/images/wall-[0-9a-f]{10}-1200\\.jpeg$`)),
    ]);
    expect((flood["citation"] as Node[]).map((c) => c["name"])).toEqual([
      "Planning committee minutes",
      "Interview with the flood study’s author",
    ]);
    expect(flood["correction"]).toEqual([
      {
        "@type": "CorrectionComment",
        text: "An earlier version gave the wall’s length as 400 metres. It is 340 metres.",
        datePublished: "2026-11-25T00:00:00+00:00",
      },
    ]);
  });

  it("keeps a hostile headline from ending the JSON-LD script element", () => {
    const html = read("/2026/11/26/hostile/index.html");
    const $ = load(html);
    // The one inline script element is the JSON-LD (the other is the donation ask's file, with no text).
    const inline = $("script").not("[src]");
    expect(inline).toHaveLength(1);
    expect($('script[src]').map((_, script) => $(script).attr("src")).get()).toEqual([expect.stringMatching(/^\/assets\/ask\.[0-9a-f]{10}\.js$/)]);
    expect(JSON.parse(inline.text())["headline"]).toBe(HOSTILE);
    expect($("h1").text()).toBe(HOSTILE);
  });

  it("tags article pages for sharing: OpenGraph article:* and a Twitter card", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    const meta = (key: string) =>
      $(`meta[property="${key}"], meta[name="${key}"]`)
        .map((_, m) => $(m).attr("content"))
        .get();
    expect(meta("og:type")).toEqual(["article"]);
    expect(meta("og:url")).toEqual([`${SITE}/2026/11/24/flood-wall/`]);
    expect(meta("og:image")).toEqual([
      expect.stringMatching(new RegExp(`^${SITE}/media/articles/2026/images/wall-[0-9a-f]{10}-1200\\.jpeg$`)),
    ]);
    expect([meta("og:image:type"), meta("og:image:width"), meta("og:image:height")]).toEqual([["image/jpeg"], ["1200"], ["750"]]);
    expect(meta("article:published_time")).toEqual(["2026-11-24T18:40:00+00:00"]);
    expect(meta("article:modified_time")).toEqual(["2026-11-25T09:15:00+00:00"]);
    expect(meta("article:author")).toEqual([`${SITE}/authors/priya-raman/`]);
    expect(meta("article:tag")).toEqual(["Council", "River", "C++"]);
    expect(meta("twitter:card")).toEqual(["summary_large_image"]);
    expect(existsSync(path.join(out, new URL(meta("og:image")[0] ?? "").pathname))).toBe(true);
  });

  it("lists every correction on /corrections/, linking to the notice on its article", () => {
    const $ = readPage(out, "/corrections/");
    const items = $(".corrections-index li");
    expect(items).toHaveLength(1);
    expect(items.find("a").attr("href")).toBe("/2026/11/24/flood-wall/#corrections");
    expect(items.find("time").attr("datetime")).toBe("2026-11-25");
    expect(readPage(out, "/2026/11/24/flood-wall/")("#corrections li").text()).toContain("It is 340 metres.");
  });

  it("ends each article with related articles that share its tags or sources, never hidden ones", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    const related = $("#related");
    expect(related.attr("aria-labelledby")).toBe("related-heading");
    const links = related
      .find("a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links).toEqual(["/2026/11/26/recent-story/", "/2026/11/26/hostile/", "/2026/11/20/second-story/"]);
    for (const link of links) expect(existsSync(path.join(out, link, "index.html"))).toBe(true);
    for (const file of files.filter((f) => f.endsWith("/index.html"))) {
      const hrefs = readPage(
        out,
        file,
      )("#related a")
        .map((_, a) => load("")(a).attr("href"))
        .get();
      for (const hidden of HIDDEN) expect(hrefs, file).not.toContain(hidden.url);
    }
  });

  it("shows an age notice near the top of old articles only, and never in feeds", () => {
    const old = readPage(out, "/2025/06/01/old-story/");
    const notice = old('.article-header [role="note"].age-notice');
    expect(notice.text()).toBe("This article is more than a year old. It was first published on 1 June 2025.");
    expect(readPage(out, "/2026/11/24/flood-wall/")(".age-notice")).toHaveLength(0);
    for (const file of ["/feed.xml", "/atom.xml", "/feed.json"]) expect(read(file)).not.toContain("This article is more than");
  });
});

describe("publishing in a preview build", () => {
  it("still keeps drafts and future articles out of feeds and sitemaps, and crawlers out of the site", async () => {
    const root = publishingFixture();
    const preview = await build({ root, now: NOW, mode: "preview", outputDir: "_preview" });
    expect(preview.ok).toBe(true);
    // The preview shows the draft's page, marked…
    expect(existsSync(path.join(preview.outputDir, "2026/11/26/draft-story/index.html"))).toBe(true);
    // …but nothing it writes for machines carries it.
    for (const file of ["/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml", "/tags/river/feed.xml"]) {
      const text = readFileSync(path.join(preview.outputDir, file), "utf8");
      for (const hidden of HIDDEN) expect(text.includes(hidden.url), `${hidden.url} in preview ${file}`).toBe(false);
    }
    expect(readFileSync(path.join(preview.outputDir, "robots.txt"), "utf8")).toContain("Disallow: /");
  });
});
