import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { processorFor } from "../../src/render/processor.ts";
import { Messages } from "../../src/i18n/messages.ts";
import { PIPELINE_VERSION, renderCacheKey, renderMarkdown, type RenderOptions } from "../../src/render/render-markdown.ts";

const options: RenderOptions = {
  file: "content/articles/2026/flood-warning.md",
  bodyLine: 8,
  reservedIds: ["main", "sources", "corrections", "donate"],
  siteHosts: ["news.example.org"],
};

function render(source: string, overrides: Partial<RenderOptions> = {}) {
  const result = renderMarkdown(source, { ...options, ...overrides });
  return { ...result, $: load(result.parts.join(""), null, false) };
}

describe("renderMarkdown", () => {
  it("keeps {{ title }} and {% raw %} in copy as literal text", () => {
    const { $, diagnostics } = render("Write {{ title }} and {% raw %}{{ x }}{% endraw %} and {# note #}.");
    expect($("p").text()).toBe("Write {{ title }} and {% raw %}{{ x }}{% endraw %} and {# note #}.");
    expect(diagnostics).toEqual([]);
  });

  it("keeps the curly quotes and dashes editors type", () => {
    const { $ } = render("“It’s rising,” she said — fast – and ‘quickly’…");
    expect($("p").text()).toBe("“It’s rising,” she said — fast – and ‘quickly’…");
  });

  it("does not turn straight quotes into curly ones", () => {
    expect(render(`"Quoted" and 'single' -- dashes`).$("p").text()).toBe(`"Quoted" and 'single' -- dashes`);
  });

  it("renders an editor's article: subheads, quotes, lists and links", () => {
    const { $ } = render(
      "Intro.\n\n## What we know\n\n> A quote.\n\n- one\n- two\n\n1. first\n\nSee [the council](https://council.example.gov/flood).",
    );
    expect($("h2#what-we-know").text()).toBe("What we know");
    expect($("blockquote p").text()).toBe("A quote.");
    expect($("ul li")).toHaveLength(2);
    expect($("ol li").text()).toBe("first");
    expect($('a[href="https://council.example.gov/flood"]').attr("rel")).toBe("noopener noreferrer");
  });

  it("makes the headline the only h1 by moving body headings down", () => {
    const { $ } = render("# Background\n\n## Detail\n\n# Reaction");
    expect($("h1")).toHaveLength(0);
    expect(
      $(":header")
        .map((_, el) => `${el.tagName}#${$(el).attr("id") ?? ""}`)
        .get(),
    ).toEqual(["h2#background", "h3#detail", "h2#reaction"]);
  });

  it("never gives a heading an id the page template uses", () => {
    const { $ } = render("## Main\n\n## Donate\n\n## Sources");
    expect(
      $("h2")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["main-1", "donate-1", "sources-1"]);
  });

  it("treats links to the site's own host as internal", () => {
    const { $ } = render("[Home](https://news.example.org/) and [away](https://elsewhere.example/)");
    expect($('a[href="https://news.example.org/"]').attr("rel")).toBeUndefined();
    expect($('a[href="https://elsewhere.example/"]').attr("rel")).toBe("noopener noreferrer");
  });

  describe("donation marker", () => {
    it("splits the body in two where the marker stands", () => {
      const { parts, diagnostics } = render("First.\n\n<!-- donate -->\n\nSecond.");
      expect(parts).toEqual(["<p>First.</p>", "<p>Second.</p>"]);
      expect(diagnostics).toEqual([]);
    });

    it("gives one part when there is no marker", () => {
      expect(render("First.\n\nSecond.").parts).toEqual(["<p>First.</p>\n<p>Second.</p>"]);
    });

    it("leaves no comment in the output, the marker's or an editor's", () => {
      const { parts } = render("<!-- editor: check quote -->\n\nText <!-- inline note -->\n\n<!-- donate -->");
      expect(parts).toEqual(["<p>Text </p>", ""]);
    });

    it("warns about a second marker and splits at the first", () => {
      const { parts, diagnostics } = render("A\n\n<!-- donate -->\n\nB\n\n<!--DONATE-->\n\nC");
      expect(parts).toEqual(["<p>A</p>", "<p>B</p>\n<p>C</p>"]);
      expect(diagnostics).toMatchObject([{ severity: "warning", code: "markdown/donate-marker", line: 8 + 6 }]);
    });

    it("ignores a marker inside a list or quote, with a warning", () => {
      const { parts, diagnostics } = render("- item\n\n  <!-- donate -->\n\n> <!-- donate -->\n");
      expect(parts).toHaveLength(1);
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
        ["markdown/donate-marker", 10],
        ["markdown/donate-marker", 12],
      ]);
    });

    it("ignores a marker that unclosed raw HTML swallowed, instead of splitting the element", () => {
      const { parts, diagnostics } = render("<div>\n\nText\n\n<!-- donate -->\n\nMore");
      expect(parts).toHaveLength(1);
      expect(diagnostics.map((d) => d.code)).toEqual(["markdown/donate-marker"]);
    });
  });

  describe("raw HTML", () => {
    it("keeps the HTML a newsroom needs", () => {
      const source = [
        '<abbr title="Environment Agency">EA</abbr> H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd> <mark>key</mark> <time datetime="2026-03-01">1 March</time>',
        "",
        "<details><summary>Method</summary>We asked 300 people.</details>",
        "",
        "<blockquote><p>Quote</p><cite>Maria Lopez</cite></blockquote>",
      ].join("\n");
      const { $, diagnostics } = render(source);
      expect($("abbr").attr("title")).toBe("Environment Agency");
      expect($("time").attr("datetime")).toBe("2026-03-01");
      expect($("details > summary").text()).toBe("Method");
      expect($("blockquote cite").text()).toBe("Maria Lopez");
      expect($("sub, sup, kbd, mark")).toHaveLength(4);
      expect(diagnostics).toEqual([]);
    });

    it("removes scripts, handlers, styles and unsafe URLs and tells the editor on which line", () => {
      const source =
        'Fine.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1) alt=x> <a href="javascript:alert(1)">a</a> <p style="color:red">p</p>\n\n<iframe src="https://evil.example"></iframe>';
      const { $, diagnostics } = render(source);
      expect($("script, iframe, [style], [onerror]")).toHaveLength(0);
      expect($("a").attr("href")).toBeUndefined();
      expect(diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual([
        "10 markdown/unsafe-html",
        "12 markdown/unsafe-html",
        "12 markdown/unsafe-link",
        "12 markdown/unsafe-html",
        "14 markdown/unsafe-html",
      ]);
      expect(diagnostics[0]).toEqual({
        severity: "warning",
        code: "markdown/unsafe-html",
        file: options.file,
        line: 10,
        column: 1,
        message: "removed a <script> element: raw HTML scripts are not allowed in articles",
        fix: "Delete it; ask the web team if the story needs an interactive feature.",
      });
    });

    it("removes a javascript: link written in Markdown, keeping its text", () => {
      const { $, diagnostics } = render("[click](javascript:alert(1))");
      expect($("p").text()).toBe("click");
      expect($("a[href]")).toHaveLength(0);
      expect(diagnostics.map((d) => d.code)).toEqual(["markdown/unsafe-link"]);
    });

    it("prefixes ids from raw HTML so they cannot clobber the page's, and keeps links to them working", () => {
      const { $ } = render('<span id="main">anchor</span>\n\n[jump](#main)');
      expect($("span").attr("id")).toBe("user-content-main");
      expect($("a").attr("href")).toBe("#user-content-main");
    });
  });

  describe("images", () => {
    it("captions an image with a title in a figure", () => {
      const { $ } = render('![Water on Mill Street](/img/flood.jpg "Mill Street at noon. Photo: A. Reporter")');
      expect($("figure > img").attr("alt")).toBe("Water on Mill Street");
      expect($("figure > figcaption").text()).toBe("Mill Street at noon. Photo: A. Reporter");
      expect($("figure > img").attr("loading")).toBe("lazy");
    });

    it("reports an image without alt text as an error on the file line, with a fix", () => {
      const { diagnostics } = render("Text\n\n![](/img/flood.jpg)");
      expect(diagnostics).toEqual([
        {
          severity: "error",
          code: "markdown/image-alt",
          file: options.file,
          line: 10,
          column: 1,
          message: "the image “/img/flood.jpg” has no alt text: readers who cannot see it will not know what it shows",
          fix: 'Describe the image in the square brackets: ![What the photo shows](/img/flood.jpg) (in HTML: alt="What the photo shows").',
        },
      ]);
    });

    it("drops a data: image and warns", () => {
      const { $, diagnostics } = render("![Chart](data:image/png;base64,iVBORw0KGgo=)");
      expect($("img")).toHaveLength(0);
      expect(diagnostics.map((d) => d.code)).toEqual(["markdown/unsafe-link"]);
    });
  });

  describe("GFM", () => {
    it("renders a one-column table written without pipes, and prose with dashes and colons as prose", () => {
      const { $ } = render("Ward\n:--\nEast\n\nTime: 10 - 11, a - b: c -- d.");
      expect($("table thead th").text()).toBe("Ward");
      expect($("table tbody td").text()).toBe("East");
      expect($("table td").attr("class")).toBe("align-left");
      const prose = render("Time: 10 - 11, a - b: c -- d.\n---\nNext");
      expect(prose.$("table")).toHaveLength(0);
      expect(prose.$("h2").text()).toBe("Time: 10 - 11, a - b: c -- d.");
    });

    it("renders tables, strikethrough and autolinks", () => {
      const { $ } = render("| Ward | Homes |\n|---|--:|\n| East | 300 |\n\n~~old~~ www.example.org and https://example.org/x");
      expect(
        $("table thead th")
          .map((_, el) => $(el).text())
          .get(),
      ).toEqual(["Ward", "Homes"]);
      expect($("table tbody td").last().text()).toBe("300");
      // Alignment as a class: the align attribute is obsolete in HTML.
      expect($("[align]")).toHaveLength(0);
      expect($("table td").last().attr("class")).toBe("align-right");
      expect($("table td").first().attr("class")).toBeUndefined();
      expect($("del").text()).toBe("old");
      expect(
        $("a")
          .map((_, el) => $(el).attr("href"))
          .get(),
      ).toEqual(["http://www.example.org", "https://example.org/x"]);
    });

    it("renders task lists as plain items without form controls", () => {
      const { $ } = render("- [x] done\n- [ ] to do");
      expect($("input")).toHaveLength(0);
      expect(
        $("li")
          .map((_, el) => $(el).text())
          .get(),
      ).toEqual(["☑ done", "☐ to do"]);
    });

    it("links footnotes to ids that exist, all unique", () => {
      const { $ } = render("Claim[^1] and again[^1], other[^note].\n\n## Footnotes\n\n[^1]: Source one.\n[^note]: Source two.");
      const ids = $("[id]")
        .map((_, el) => $(el).attr("id"))
        .get();
      expect(new Set(ids).size).toBe(ids.length);
      const fragments = $('a[href^="#"]')
        .map((_, el) => $(el).attr("href")?.slice(1))
        .get();
      expect(fragments.length).toBeGreaterThan(0);
      for (const fragment of fragments) expect(ids, fragment).toContain(fragment);
      const describedBy = $("a[aria-describedby]").first().attr("aria-describedby");
      expect(ids).toContain(describedBy);
      expect($("h2#footnotes").text()).toBe("Footnotes");
    });
  });

  describe("facts", () => {
    it("gives the first paragraph as plain text for a default summary", () => {
      const { firstParagraph } = render("![Photo](/a.jpg)\n\nThe river *rose*\nthree metres[^1] overnight.\n\nMore.\n\n[^1]: Gauge.");
      expect(firstParagraph).toBe("The river rose three metres overnight.");
    });

    it('never takes a linked post\'s "View this post" line as the first paragraph', () => {
      expect(render("https://x.com/MillbrookEA/status/1861234567890123456\n\nThe river rose.").firstParagraph).toBe("The river rose.");
    });

    it("counts the visible words for reading time", () => {
      expect(render("## Two words\n\nThree more words — and [a link](/x).").wordCount).toBe(8);
    });

    it("lists every link and image with its file line", () => {
      const { links, images } = render('[a](/a/)\n\n![Flood](/f.jpg)\n\n<a href="https://x.example">x</a>');
      expect(links).toEqual([
        { url: "/a/", line: 8 },
        { url: "https://x.example", line: 12 },
      ]);
      expect(images).toEqual([{ src: "/f.jpg", alt: "Flood", line: 10 }]);
    });
  });

  it("reads an ::update line with its text right under it, below a heading (reviewer item 14)", () => {
    const { updates, $, diagnostics } = render(
      'Intro.\n\n## Latest\n::update{time="2026-12-01 08:50" title="Road closed"}\nMill Lane is closed.\nUse the bypass.\n::update{time="2026-12-01 08:00"}\nWarning issued.',
    );
    expect(diagnostics).toEqual([]);
    expect(updates.map(({ time, title, line }) => ({ time, title, line }))).toEqual([
      { time: "2026-12-01 08:50", title: "Road closed", line: 11 },
      { time: "2026-12-01 08:00", title: undefined, line: 14 },
    ]);
    expect(load(updates[0]?.html ?? "", null, false)("p").text()).toBe("Mill Lane is closed.\nUse the bypass.");
    expect(load(updates[1]?.html ?? "", null, false)("p").text()).toBe("Warning issued.");
    expect($("h2").text()).toBe("Latest");
    expect($.text()).not.toContain("::update");
  });

  it("cuts at a hard break or Windows line ends after an ::update line, and keeps escapes in the text", () => {
    const { updates, diagnostics } = render('Intro \\*one\\*.\r\n::update{time="2026-12-01 08:50"}  \r\nRoad \\*closed\\*.\r\nStill.');
    expect(diagnostics).toEqual([]);
    expect(updates).toMatchObject([{ time: "2026-12-01 08:50", line: 9 }]);
    expect(load(updates[0]?.html ?? "", null, false)("p").text()).toBe("Road *closed*.\nStill.");
  });

  it("reads an ::embed line with a paragraph right under it (reviewer item 14)", () => {
    const { $, diagnostics } = render(
      '::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The meeting"}\nThe vote came at 9pm.',
    );
    expect(diagnostics).toEqual([]);
    expect($("[data-embed-src]")).toHaveLength(1);
    expect($("p").last().text()).toBe("The vote came at 9pm.");
    expect($.text()).not.toContain("::embed");
  });

  it("reports nesting too deep to render as an error instead of crashing", () => {
    const { parts, diagnostics } = render(">".repeat(20_000) + " deep");
    expect(parts).toEqual([""]);
    expect(diagnostics).toMatchObject([{ severity: "error", code: "markdown/too-deep", line: 8 }]);
  });

  it("renders a 2 MB body", () => {
    const paragraph =
      "The council’s emergency officer said sandbags would be handed out at the fire station from 6 p.m. [Details](https://example.org/x).\n\n";
    const { parts, wordCount } = renderMarkdown(paragraph.repeat(Math.ceil(2_000_000 / paragraph.length)), options);
    expect(parts[0].length).toBeGreaterThan(2_000_000);
    expect(wordCount).toBeGreaterThan(250_000);
  });

  it("publishes links through resolveLink but reports them as written, with every id in the body", () => {
    const { $, links, ids } = render(
      "## Notes\n\nSee [the guide](../2025/guide.md#sign-up) and [x](https://e.org/).[^1]\n\n[^1]: A note.",
      {
        resolveLink: (href) => (href.startsWith("../2025/guide.md") ? "/2025/11/14/guide/#sign-up" : undefined),
      },
    );
    expect($("a").first().attr("href")).toBe("/2025/11/14/guide/#sign-up");
    expect(links.map((link) => link.url).slice(0, 2)).toEqual(["../2025/guide.md#sign-up", "https://e.org/"]);
    expect(ids).toContain("notes");
    expect(ids).toContain("user-content-fn-1");
  });

  it("returns diagnostics sorted by line", () => {
    const { diagnostics } = render("![](/b.jpg)\n\n<script></script>\n\n![](/a.jpg)");
    expect(diagnostics.map((d) => d.line)).toEqual([8, 10, 12]);
  });
});

describe("processorFor", () => {
  it("gives a frozen pipeline, so no caller can change a shared one", () => {
    expect(() => processorFor("Prose.").use(() => undefined)).toThrow(/frozen/);
    expect(() => processorFor("| a |\n|---|\nwww.example.org a@b.org https://example.org").use(() => undefined)).toThrow(/frozen/);
  });

  it("shares one pipeline between texts that can hold the same GFM constructs", () => {
    expect(processorFor("Prose.")).toBe(processorFor("Other prose, with: a colon."));
    expect(processorFor("See www.example.org")).toBe(processorFor("Or WWW.example.org/a"));
    expect(processorFor("See www.example.org")).not.toBe(processorFor("Prose."));
    expect(processorFor("| a |")).not.toBe(processorFor("Prose."));
  });
});

describe("renderCacheKey", () => {
  it("changes with the source and every option", () => {
    const base = renderCacheKey("Text", options);
    expect(renderCacheKey("Text.", options)).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, file: "content/other.md" })).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, bodyLine: 9 })).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, reservedIds: ["main"] })).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, siteHosts: [] })).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, resolverKey: "addresses-v2" })).not.toBe(base);
    // The words the plugins write (an embed's): a change of them, or of their language, renders again; the same words do not.
    const words = (language: string, action: string) => new Messages(language, { "embed.action": action });
    const english = renderCacheKey("Text", { ...options, messages: words("en-GB", "Load it") });
    expect(english).not.toBe(base);
    expect(renderCacheKey("Text", { ...options, messages: words("en-GB", "Load it") })).toBe(english);
    expect(renderCacheKey("Text", { ...options, messages: words("en-GB", "Open it") })).not.toBe(english);
    expect(renderCacheKey("Text", { ...options, messages: words("fr-FR", "Load it") })).not.toBe(english);
  });

  it("ignores the order of reserved ids and hosts", () => {
    const reordered = { ...options, reservedIds: [...(options.reservedIds ?? [])].reverse(), siteHosts: ["NEWS.example.org"] };
    expect(renderCacheKey("Text", reordered)).toBe(renderCacheKey("Text", options));
  });

  it("names a pipeline version", () => {
    expect(PIPELINE_VERSION).toMatch(/\S/);
  });
});
