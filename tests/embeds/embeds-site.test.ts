import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { fromHtml } from "hast-util-from-html";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { EMBEDS_NOW, EMBEDS_PAGE, embedsFixture } from "../support/embed-fixture.ts";
import { readPage, writeFiles } from "../support/fixture-site.ts";
import { headersFor, parseCsp, parseHeadersFile } from "../support/headers-file.ts";
import { thirdPartyLoads } from "../support/third-party-loads.ts";

const SITE = "https://gazette.example.org";

/** An element's text as assistive technology reads it: without aria-hidden parts, whitespace collapsed. */
function readText(element: ReturnType<CheerioAPI>): string {
  const copy = element.clone();
  copy.find("[aria-hidden=true]").remove();
  return copy.text().replace(/\s+/g, " ").trim();
}

describe("a site with an embed of every provider", () => {
  let result: BuildResult;

  beforeAll(async () => {
    result = await build({ root: embedsFixture(), now: EMBEDS_NOW });
  });

  it("builds without a problem about the embeds", () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === "markdown/embed")).toEqual([]);
  });

  it("shows each frame as a facade: a link to the provider's page named by the embed's title, with the iframe's address kept for the click", () => {
    const $ = readPage(result.outputDir, EMBEDS_PAGE);
    const facades = $("figure.embed .embed-box > a.embed-load");
    expect(facades.toArray().map((a) => [$(a).closest("figure").attr("class"), $(a).find(".embed-title").text(), $(a).attr("href"), new URL($(a).attr("data-embed-src") ?? "").origin])).toEqual([
      ["embed embed-youtube", "Video on YouTube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com"],
      ["embed embed-vimeo", "The council vote", "https://vimeo.com/76979871", "https://player.vimeo.com"],
      ["embed embed-datawrapper", "Funding by source", "https://datawrapper.dwcdn.net/Xk3Lm/2/", "https://datawrapper.dwcdn.net"],
      ["embed embed-flourish", "River levels", "https://public.flourish.studio/visualisation/16234501/", "https://flo.uri.sh"],
      ["embed embed-documentcloud", "Planning statement", "https://www.documentcloud.org/documents/24512345-planning-statement", "https://embed.documentcloud.org"],
      ["embed embed-soundcloud", "The meeting", "https://soundcloud.com/lantern/meeting", "https://w.soundcloud.com"],
      ["embed embed-openstreetmap", "The route", "https://www.openstreetmap.org/#map=16/51.5072/-0.1276", "https://www.openstreetmap.org"],
    ]);
    expect($(".embed-datawrapper .embed-box").hasClass("ratio-1x1")).toBe(true);
    for (const facade of facades.toArray()) {
      expect($(facade).attr("data-embed-sandbox")).toMatch(/^allow-scripts /);
      expect($(facade).find("[aria-hidden=true]").text()).toBe("");
    }
    expect($("script[src^='/assets/embed.']")).toHaveLength(1);
  });

  it("shows each frame's kind: a play symbol on video only, an icon and the action in words on the rest, named by its title", () => {
    const $ = readPage(result.outputDir, EMBEDS_PAGE);
    const facades = $("figure.embed a.embed-load").toArray();
    const symbol = (a: (typeof facades)[number]) => [...$(a).find(".embed-play").toArray().map(() => "play"), ...$(a).find(".embed-icon").toArray().map((icon) => $(icon).attr("class") ?? "")];
    expect(facades.map((a) => [symbol(a), $(a).find(".embed-action").text()])).toEqual([
      // Without a title the default one ("Video on YouTube") already names the kind and the provider.
      [["play"], ""],
      [["play"], "Play the video from Vimeo"],
      [["embed-icon embed-icon-chart"], "Load the chart from Datawrapper"],
      [["embed-icon embed-icon-chart"], "Load the chart from Flourish"],
      [["embed-icon embed-icon-document"], "Load the document from DocumentCloud"],
      [["embed-icon embed-icon-audio"], "Play the audio from SoundCloud"],
      [["embed-icon embed-icon-map"], "Load the map from OpenStreetMap"],
    ]);
    for (const a of facades) {
      for (const symbol of $(a).find(".embed-play, .embed-icon").toArray()) expect($(symbol).attr("aria-hidden")).toBe("true");
      // What a screen reader reads as the link's name: the title first, then what selecting it does.
      const title = $(a).attr("data-embed-title") ?? "";
      expect(readText($(a))).toBe([title, $(a).find(".embed-action").text()].join(" ").trim());
    }
  });

  it("quotes a post only in the words the editor gave; without them it is a link by the network's name, saying who posted it", () => {
    const $ = readPage(result.outputDir, EMBEDS_PAGE);
    const quotes = $(".article-body blockquote");
    expect(quotes.toArray().map((quote) => [$(quote).text(), $(quote).attr("cite")])).toEqual([["Work starts in spring.", "https://bsky.app/profile/council.bsky.social/post/3lbq2xyzabc12"]]);
    expect($("figure.embed-card").find("figcaption a").attr("href")).toBe("https://bsky.app/profile/council.bsky.social/post/3lbq2xyzabc12");
    const posts = $(".article-body p.embed-post");
    expect(posts.toArray().map((post) => [$(post).text(), $(post).find("a").text(), $(post).find("a").attr("href")])).toEqual([
      ["Posted by @MillbrookEA: View this post on X", "View this post on X", "https://x.com/MillbrookEA/status/1861234567890123456"],
      // The address does not name who posted it, so nothing is said about it.
      ["View this post on Instagram", "View this post on Instagram", "https://www.instagram.com/p/DCx1AbCdEfG/"],
      ["Posted by @river@mastodon.social: View this post on Mastodon", "View this post on Mastodon", "https://mastodon.social/@river/113456789012345678"],
    ]);
    expect($(".article-body p a[href='https://youtu.be/aqz-KE-bpKQ']")).toHaveLength(1);
  });

  it("has no element that loads a third-party address before the reader asks", () => {
    const html = readFileSync(path.join(result.outputDir, EMBEDS_PAGE, "index.html"), "utf8");
    expect(thirdPartyLoads(fromHtml(html), SITE)).toEqual([]);
    expect(html).not.toMatch(/<iframe/);
  });

  it("publishes _headers whose page policy frames exactly the providers in use", () => {
    const rules = parseHeadersFile(readFileSync(path.join(result.outputDir, "_headers"), "utf8"));
    const policy = headersFor(rules, EMBEDS_PAGE).find(([name]) => name === "Content-Security-Policy")?.[1] ?? "";
    expect(parseCsp(policy).get("frame-src")).toEqual([
      "https://datawrapper.dwcdn.net",
      "https://embed.documentcloud.org",
      "https://flo.uri.sh",
      "https://player.vimeo.com",
      "https://w.soundcloud.com",
      "https://www.openstreetmap.org",
      "https://www.youtube-nocookie.com",
    ]);
    const admin = headersFor(rules, "/admin/").find(([name]) => name === "Content-Security-Policy")?.[1] ?? "";
    expect(parseCsp(admin).has("frame-src")).toBe(false);
  });

  it("gives feeds a link to each embed, with no script", () => {
    const feed = readFileSync(path.join(result.outputDir, "feed.json"), "utf8");
    const item = (JSON.parse(feed) as { items: { url: string; content_html: string }[] }).items.find((entry) => entry.url.endsWith(EMBEDS_PAGE));
    const content = item?.content_html ?? "";
    const $ = load(content);
    // Each frame says what it is and where it is, as a sentence in a feed reader would.
    const links = $("p:not(.embed-post)").filter((_, p) => $(p).children().length === 1 && $(p).text() === $(p).children("a").text());
    expect(links.toArray().map((p) => [$(p).text(), $(p).children("a").attr("href")])).toEqual([
      ["Video on YouTube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"],
      ["The council vote (video on Vimeo)", "https://vimeo.com/76979871"],
      ["Funding by source (chart on Datawrapper)", "https://datawrapper.dwcdn.net/Xk3Lm/2/"],
      ["River levels (chart on Flourish)", "https://public.flourish.studio/visualisation/16234501/"],
      ["Planning statement (document on DocumentCloud)", "https://www.documentcloud.org/documents/24512345-planning-statement"],
      ["The meeting (audio on SoundCloud)", "https://soundcloud.com/lantern/meeting"],
      ["The route (map on OpenStreetMap)", "https://www.openstreetmap.org/#map=16/51.5072/-0.1276"],
    ]);
    expect($("blockquote").text()).toBe("Work starts in spring.");
    expect($("p.embed-post").toArray().map((post) => $(post).text())).toEqual([
      "Posted by @MillbrookEA: View this post on X",
      "View this post on Instagram",
      "Posted by @river@mastodon.social: View this post on Mastodon",
    ]);
    expect(content).not.toMatch(/<iframe|<script|data-embed/);
  });
});

describe("an embed line an editor got wrong", () => {
  it("is an error with the file, the line, what is wrong and the fix, and nothing is written", async () => {
    const root = embedsFixture("Opening.\n\n::embed{url=\"https://example.com/clip\"}\n\n::embed{url=\"https://www.youtube.com/about\"}\n\n::embed{url=\"https://vimeo.com/1\" size=\"big\"}\n");
    writeFiles(root, {});
    const result = await build({ root, now: EMBEDS_NOW });
    expect(result.ok).toBe(false);
    const problems = result.diagnostics.filter((d) => d.code === "markdown/embed");
    expect(problems.map((d) => [d.severity, d.file, d.line])).toEqual([
      ["error", "content/articles/2026/embeds.md", 8],
      ["error", "content/articles/2026/embeds.md", 10],
      ["error", "content/articles/2026/embeds.md", 12],
    ]);
    expect(problems[0]?.message).toContain("“https://example.com/clip” is not on a site Tidings embeds");
    expect(problems[1]?.message).toContain("does not point at one video");
    expect(problems[2]?.message).toContain("`size`");
    for (const problem of problems) expect(problem.fix).not.toBe("");
  });
});

describe("a poster on an embed", () => {
  const VIDEO_WITH_POSTER = 'Opening.\n\n::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The council vote" poster="images/pier.jpg"}\n\n::embed{url="https://datawrapper.dwcdn.net/Xk3Lm/2/" title="Funding by source"}\n';

  it("shows the editor's own picture on the facade, published like the article's other pictures, and loads nothing from the provider", async () => {
    const result = await build({ root: embedsFixture(VIDEO_WITH_POSTER), now: EMBEDS_NOW });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.file.endsWith("embeds.md"))).toEqual([]);
    const html = readFileSync(path.join(result.outputDir, EMBEDS_PAGE, "index.html"), "utf8");
    const $ = readPage(result.outputDir, EMBEDS_PAGE);
    const [video, chart] = $("a.embed-load").toArray().map((a) => $(a));
    // Resized versions in modern formats, as a body picture gets; decorative, since the link's words name it.
    const poster = video?.find("picture > img.embed-poster");
    expect(poster?.attr("alt")).toBe("");
    expect(poster?.attr("loading")).toBe("lazy");
    expect(poster?.attr("src")).toMatch(/^\/media\/articles\/2026\/images\/pier[.-]/);
    expect(video?.find("picture > source").toArray().map((source) => $(source).attr("type"))).toEqual(["image/avif", "image/webp"]);
    for (const file of [poster?.attr("src") ?? "", ...(poster?.attr("srcset") ?? "").split(",").map((part) => part.trim().split(" ")[0] ?? "")]) expect(existsSync(path.join(result.outputDir, file))).toBe(true);
    expect(video?.find(".embed-play")).toHaveLength(1);
    expect(readText(video ?? $())).toBe("The council vote Play the video from YouTube");
    // Without a poster, the plain box with the kind's icon.
    expect(chart?.find("img, picture")).toHaveLength(0);
    expect(thirdPartyLoads(fromHtml(html), SITE)).toEqual([]);
    // A feed gets the link alone: a picture there would play nothing.
    const feed = JSON.parse(readFileSync(path.join(result.outputDir, "feed.json"), "utf8")) as { items: { url: string; content_html: string }[] };
    const item = load(feed.items.find((entry) => entry.url.endsWith(EMBEDS_PAGE))?.content_html ?? "");
    expect(item("img, picture")).toHaveLength(0);
    expect(item("a[href='https://www.youtube.com/watch?v=aqz-KE-bpKQ']").text()).toBe("The council vote (video on YouTube)");
  });

  it("refuses a poster from another website, a poster file that is not there and a poster on a post, each at its line", async () => {
    const root = embedsFixture(
      [
        "Opening.",
        '::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The vote" poster="https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"}',
        '::embed{url="https://vimeo.com/76979871" title="The count" poster="images/no-such-picture.jpg"}',
        '::embed{url="https://x.com/MillbrookEA/status/1861234567890123456" poster="images/pier.jpg"}',
      ].join("\n\n"),
    );
    const result = await build({ root, now: EMBEDS_NOW });
    expect(result.ok).toBe(false);
    const problems = result.diagnostics.filter((d) => d.file === "content/articles/2026/embeds.md");
    expect(problems.map((d) => [d.severity, d.code, d.line, d.field])).toEqual([
      ["error", "markdown/embed", 8, undefined],
      ["error", "content/image-missing", 10, "poster"],
      ["error", "markdown/embed", 12, undefined],
    ]);
    const [remote, missing, onPost] = problems;
    expect(remote?.message).toContain("`poster` “https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg” is on another website");
    expect(remote?.fix).toContain('poster="images/');
    expect(missing?.message).toContain('"images/no-such-picture.jpg" does not exist');
    expect(missing?.fix).toContain("content/articles/2026/images/no-such-picture.jpg");
    expect(onPost?.message).toContain("`poster`");
    expect(onPost?.fix).toContain("Remove `poster`");
  });
});
