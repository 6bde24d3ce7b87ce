import { load } from "cheerio";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { parseEmbedDirective } from "../../src/embeds/embed-directive.ts";
import { toEmbedElement } from "../../src/embeds/embed-html.ts";
import { englishMessages } from "../../src/i18n/catalogues.ts";
import { frameOrigins, withFrameSources } from "../../src/embeds/frame-sources.ts";
import { parseEmbedUrl, type Embed } from "../../src/embeds/providers.ts";
import { thirdPartyLoads } from "../support/third-party-loads.ts";

function embedOf(url: string): Embed {
  const parsed = parseEmbedUrl(url);
  if (!parsed.ok) throw new Error(`${url}: ${parsed.error.message}`);
  return parsed.embed;
}

describe("parseEmbedUrl", () => {
  it.each([
    ["https://www.youtube.com/watch?v=aqz-KE-bpKQ", "youtube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1", "video"],
    ["https://youtu.be/aqz-KE-bpKQ", "youtube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1", "video"],
    ["https://www.youtube.com/shorts/aqz-KE-bpKQ", "youtube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1", "video"],
    ["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", "youtube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1", "video"],
    ["https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1", "video"],
    ["https://player.vimeo.com/video/76979871", "vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1", "video"],
    ["https://datawrapper.dwcdn.net/Xk3Lm/2/", "datawrapper", "https://datawrapper.dwcdn.net/Xk3Lm/2/", "chart"],
    ["https://www.datawrapper.de/_/Xk3Lm/", "datawrapper", "https://datawrapper.dwcdn.net/Xk3Lm/", "chart"],
    ["https://public.flourish.studio/visualisation/16234501/", "flourish", "https://flo.uri.sh/visualisation/16234501/embed", "chart"],
    ["https://flo.uri.sh/story/123/embed", "flourish", "https://flo.uri.sh/story/123/embed", "chart"],
    ["https://www.documentcloud.org/documents/24512345-planning-statement", "documentcloud", "https://embed.documentcloud.org/documents/24512345-planning-statement/?embed=1", "document"],
    ["https://soundcloud.com/lantern/meeting", "soundcloud", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Flantern%2Fmeeting&auto_play=true&visual=false", "audio"],
    ["https://www.openstreetmap.org/#map=16/51.5072/-0.1276", "openstreetmap", "https://www.openstreetmap.org/export/embed.html?bbox=-0.13309%2C51.50445%2C-0.12211%2C51.50995&layer=mapnik", "map"],
  ])("makes a click-to-load frame of %s", (url, provider, src, medium) => {
    const embed = embedOf(url);
    expect(embed).toMatchObject({ kind: "frame", provider, src, medium });
    if (embed.kind === "frame") expect(embed.origin).toBe(new URL(src).origin);
  });

  it.each([
    ["https://x.com/MillbrookEA/status/1861234567890123456", "x", "@MillbrookEA"],
    ["https://twitter.com/MillbrookEA/status/1861234567890123456", "x", "@MillbrookEA"],
    ["https://www.instagram.com/p/DCx1AbCdEfG/", "instagram", undefined],
    ["https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3lbq2xyzabc12", "bluesky", undefined],
    ["https://bsky.app/profile/council.bsky.social/post/3lbq2xyzabc12", "bluesky", "@council.bsky.social"],
    ["https://mastodon.social/@river/113456789012345678", "mastodon", "@river@mastodon.social"],
  ])("makes a static card of the post %s", (url, provider, author) => {
    const embed = embedOf(url);
    expect(embed).toMatchObject({ kind: "card", provider });
    // Only a name the address itself gives: a card never says "by Instagram" of someone's post.
    if (embed.kind === "card") expect(embed.author).toBe(author);
  });

  it.each([
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/about",
    "https://vimeo.com/channels/staffpicks",
    "https://datawrapper.dwcdn.net/toolong1/",
    "https://public.flourish.studio/visualisation/abc/",
    "https://www.documentcloud.org/search",
    "https://soundcloud.com/lantern",
    "https://www.openstreetmap.org/#map=40/51/0",
    "https://x.com/home",
    "https://www.instagram.com/lantern/",
    "https://bsky.app/profile/council.bsky.social",
  ])("calls %s malformed: a known site, but no single item", (url) => {
    const parsed = parseEmbedUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.kind).toBe("malformed");
  });

  it.each(["https://example.com/video", "not a url", "javascript:alert(1)", "ftp://youtube.com/watch?v=aqz-KE-bpKQ", "https://user:pw@youtube.com/watch?v=aqz-KE-bpKQ", "https://youtube.com:8443/watch?v=aqz-KE-bpKQ", "https://evil.example/youtube.com/watch?v=aqz-KE-bpKQ"])(
    "refuses %s as unknown",
    (url) => {
      const parsed = parseEmbedUrl(url);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.kind).toBe("unknown");
    },
  );

  it("never makes markup that loads a third-party address before a click, whatever the input", () => {
    const provider = fc.constantFrom(
      "https://www.youtube.com/watch?v=",
      "https://youtu.be/",
      "https://vimeo.com/",
      "https://datawrapper.dwcdn.net/",
      "https://public.flourish.studio/visualisation/",
      "https://www.documentcloud.org/documents/",
      "https://soundcloud.com/",
      "https://www.openstreetmap.org/#map=",
      "https://x.com/",
      "https://bsky.app/profile/",
      "https://mastodon.social/@",
      "",
    );
    fc.assert(
      fc.property(provider, fc.string(), fc.option(fc.string()), (start, rest, title) => {
        const parsed = parseEmbedUrl(start + rest);
        if (!parsed.ok) return;
        const html = toHtml(toEmbedElement(parsed.embed, title === null ? {} : { title }, englishMessages()));
        expect(thirdPartyLoads(fromHtml(html, { fragment: true }))).toEqual([]);
        if (parsed.embed.kind === "frame") expect(new URL(parsed.embed.src).protocol).toBe("https:");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("toEmbedElement for a post", () => {
  const post = embedOf("https://x.com/MillbrookEA/status/1861234567890123456");
  const render = (options: Parameters<typeof toEmbedElement>[1]) => load(toHtml(toEmbedElement(post, options, englishMessages())));

  it("sets an editor's title beside the link, never as a quotation", () => {
    const $ = render({ title: "The Environment Agency's warning" });
    expect($("blockquote")).toHaveLength(0);
    expect($("p.embed-post").text()).toBe("The Environment Agency's warning, posted by @MillbrookEA: View this post on X");
    expect($("p.embed-post a").text()).toBe("View this post on X");
  });
});

describe("parseEmbedDirective", () => {
  it("reads quoted and unquoted attributes and a ratio written with a colon", () => {
    expect(parseEmbedDirective(`::embed{url="https://vimeo.com/1" title='The vote' ratio=16:9}`)).toEqual({
      ok: true,
      directive: { url: "https://vimeo.com/1", title: "The vote", ratio: "16x9" },
    });
  });

  it("reads a poster: a picture's path, as the article's other pictures are written", () => {
    expect(parseEmbedDirective(`::embed{url="https://vimeo.com/1" poster="images/council meeting.jpg"}`)).toEqual({
      ok: true,
      directive: { url: "https://vimeo.com/1", poster: "images/council meeting.jpg" },
    });
  });

  it.each([
    ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg", "is on another website"],
    ["//i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg", "is on another website"],
    // Browsers read `\\` as `//`.
    ["\\\\i.ytimg.com\\vi\\aqz-KE-bpKQ\\hqdefault.jpg", "is on another website"],
    ["data:image/png;base64,iVBORw0KGgo=", "is not the path of a picture file"],
    ["javascript:alert(1)", "is not the path of a picture file"],
  ])("refuses the poster %s, saying how to use a local picture instead", (poster, words) => {
    const parsed = parseEmbedDirective(`::embed{url="https://vimeo.com/1" poster="${poster}"}`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.message).toContain("`poster`");
    expect(parsed.problem.message).toContain(words);
    expect(parsed.problem.fix).toContain('poster="images/');
  });

  it("accepts no poster that a browser would fetch from another host, however it is written", () => {
    expect(parseEmbedDirective(`::embed{url="https://vimeo.com/1" poster="images/a.jpg"}`).ok).toBe(true);
    // What browsers skip or read as slashes before a host: control characters, tabs, backslashes.
    const start = fc.constantFrom("", "images/", "/", "//", "\\\\", "/\\", "\t/\n/", "\u0001//", "\u001f/ /", "https:", "HTTPS://", "http:/", "data:");
    const rest = fc.string({ unit: fc.constantFrom("/", "\\", ".", ":", "a", "\t", "\u0000", " ") });
    fc.assert(
      fc.property(start, rest, fc.string(), (head, middle, tail) => {
        const parsed = parseEmbedDirective(`::embed{url="https://vimeo.com/1" poster="${(head + middle + tail).replaceAll('"', "")}"}`);
        if (!parsed.ok || parsed.directive.poster === undefined) return;
        const page = "https://news.example/2026/11/26/story/";
        // An address that is not one (`http:` alone) fetches nothing.
        if (URL.canParse(parsed.directive.poster, page)) expect(new URL(parsed.directive.poster, page).origin).toBe("https://news.example");
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["::embed{title=\"x\"}", "no `url`"],
    ["::embed{url=\"https://vimeo.com/1\" colour=\"red\"}", "attribute `colour`"],
    ["::embed{url=\"https://vimeo.com/1\" ratio=\"5:4\"}", "ratio “5:4”"],
    ["::embed{url=\"https://vimeo.com/1\" url=\"https://vimeo.com/2\"}", "`url` twice"],
    ["::embed url=x", "not of the form"],
    ["::embed{url=\"https://vimeo.com/1\" title=\"unclosed}", "not name=\"value\" pairs"],
  ])("reports %s", (line, words) => {
    const parsed = parseEmbedDirective(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toContain(words);
  });
});

describe("withFrameSources", () => {
  const headers = "/*\n  Content-Security-Policy: default-src 'none'; script-src 'self'\n\n/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'none'\n";

  it("adds frame-src with exactly the origins in use to the site-wide policy only", () => {
    const origins = frameOrigins([[toHtml(toEmbedElement(embedOf("https://vimeo.com/1"), {}, englishMessages())), toHtml(toEmbedElement(embedOf("https://youtu.be/aqz-KE-bpKQ"), {}, englishMessages()))], [toHtml(toEmbedElement(embedOf("https://vimeo.com/2"), {}, englishMessages()))]]);
    expect(origins).toEqual(["https://player.vimeo.com", "https://www.youtube-nocookie.com"]);
    const out = withFrameSources(headers, origins);
    expect(out).toContain("script-src 'self'; frame-src https://player.vimeo.com https://www.youtube-nocookie.com\n");
    expect(out.split("/admin/*")[1]).not.toContain("frame-src");
  });

  it("leaves the file as it is when nothing is framed (cards frame nothing)", () => {
    expect(frameOrigins([[toHtml(toEmbedElement(embedOf("https://x.com/a/status/1"), {}, englishMessages()))]])).toEqual([]);
    expect(withFrameSources(headers, [])).toBe(headers);
  });
});
