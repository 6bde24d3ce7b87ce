import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { describe, expect, it } from "vitest";
import { addPictures, imageSources, type BodyImageDisplay } from "../../src/media/picture-html.ts";

const picture: BodyImageDisplay = {
  src: "/media/pier.jpg",
  width: 1200,
  height: 800,
  picture: {
    sources: [
      { type: "image/avif", srcset: "/media/pier-k-400.avif 400w, /media/pier-k-1200.avif 1200w" },
      { type: "image/webp", srcset: "/media/pier-k-400.webp 400w, /media/pier-k-1200.webp 1200w" },
    ],
    src: "/media/pier-k-400.jpeg",
    srcset: "/media/pier-k-400.jpeg 400w, /media/pier-k-1200.jpeg 1200w",
    sizes: "(min-width: 40rem) 38rem, calc(100vw - 2rem)",
    width: 1200,
    height: 800,
    thumbnail: { sources: [{ type: "image/avif", src: "/media/pier-k-400.avif" }], src: "/media/pier-k-400.jpeg", width: 400, height: 267 },
  },
};
const lookup = (src: string) =>
  src === "/media/pier.jpg" ? picture : src === "/media/logo.svg" ? { src: "/news/media/logo.svg", width: 90, height: 30 } : undefined;

describe("addPictures", () => {
  it("rewrites only the img tags, leaving text that looks like one and every other byte as it was", () => {
    const html =
      '<p>Write &lt;img src="/media/pier.jpg"&gt; to show it.</p>\n<p><img src="/media/pier.jpg" alt="Tide > 3 m, \'high\'"> <em>kept</em></p>';
    const out = addPictures(html, lookup);
    expect(out.startsWith('<p>Write &lt;img src="/media/pier.jpg"&gt; to show it.</p>\n<p><picture>')).toBe(true);
    expect(out.endsWith("</picture> <em>kept</em></p>")).toBe(true);
    expect(load(out, null, false)("picture img").attr("alt")).toBe("Tide > 3 m, 'high'");
  });

  it("turns a captioned body image into a picture, keeping alt text, caption, credit and lazy loading", () => {
    const html =
      '<p>Before.</p>\n<figure><img src="/media/pier.jpg" alt="A pier" loading="lazy" decoding="async"><figcaption>The pier. <span class="credit">Sam</span></figcaption></figure>';
    const $ = load(addPictures(html, lookup), null, false);
    const figure = $("figure");
    expect(figure.children().first().is("picture")).toBe(true);
    expect(
      figure
        .find("source")
        .map((_, source) => $(source).attr("type"))
        .get(),
    ).toEqual(["image/avif", "image/webp"]);
    expect(figure.find("source").first().attr("srcset")).toBe(picture.picture?.sources[0]?.srcset);
    expect(figure.find("source").first().attr("sizes")).toBe(picture.picture?.sizes);
    const img = figure.find("picture > img");
    expect(img.attr("src")).toBe("/media/pier-k-400.jpeg");
    expect(img.attr("srcset")).toBe(picture.picture?.srcset);
    expect(img.attr("sizes")).toBe(picture.picture?.sizes);
    expect([img.attr("width"), img.attr("height")]).toEqual(["1200", "800"]);
    expect([img.attr("alt"), img.attr("loading"), img.attr("decoding")]).toEqual(["A pier", "lazy", "async"]);
    expect(figure.find("figcaption .credit").text()).toBe("Sam");
    expect($("p").first().text()).toBe("Before.");
  });

  it("keeps an editor's own width, with a height to match and sizes no wider than it", () => {
    const $ = load(addPictures('<p><img src="/media/pier.jpg" alt="A pier" width="300"></p>', lookup), null, false);
    const img = $("picture > img");
    expect([img.attr("width"), img.attr("height")]).toEqual(["300", "200"]);
    expect(img.attr("sizes")).toBe("min(300px, 100vw - 2rem)");
  });

  it("gives an image published as it is its size and prefixed address, without a picture", () => {
    const $ = load(addPictures('<p>A logo <img src="/media/logo.svg" alt="Logo"> inline.</p>', lookup), null, false);
    expect($("picture")).toHaveLength(0);
    expect([$("img").attr("src"), $("img").attr("width"), $("img").attr("height")]).toEqual(["/news/media/logo.svg", "90", "30"]);
  });

  it("leaves remote images and HTML without images exactly as they were", () => {
    const remote = '<p><img src="https://example.org/a.jpg" alt="Remote"></p>';
    expect(addPictures(remote, lookup)).toBe(remote);
    const text = "<p>No images &amp; no pictures.</p>";
    expect(addPictures(text, lookup)).toBe(text);
  });

  it("leaves the rest of a rendered body as the Markdown renderer wrote it", () => {
    const fixtures = path.resolve(import.meta.dirname, "..", "fixtures", "markdown");
    const image = '\n<p id="added"><img src="/media/pier.jpg" alt="A pier"></p>';
    for (const name of readdirSync(fixtures)) {
      const rendered = readFileSync(path.join(fixtures, name, "output.html"), "utf8").replace(
        "\n<!-- ===== donation block ===== -->\n",
        "\n",
      );
      const $ = load(addPictures(rendered + image, lookup), null, false);
      expect($("#added picture"), name).toHaveLength(1);
      $("#added").remove();
      // Compared as parsed documents: re-serialising may write a boolean attribute as `attr=""`.
      expect($.html().trimEnd(), name).toBe(load(rendered, null, false).html().trimEnd());
    }
  });
});

describe("imageSources", () => {
  // What a parser reads as the tag's src: the reference the quick reading must agree with.
  const parsedSrc = (tag: string): string[] => {
    const node = fromHtml(tag, { fragment: true }).children[0];
    const src = node?.type === "element" && node.tagName === "img" ? node.properties["src"] : undefined;
    return typeof src === "string" ? [src] : [];
  };
  const text = fc.stringMatching(/^[a-z/. =&;"'<>\r\t\0éx-]{0,12}$/);

  it("reads each img tag's src as a parser does, for the serialiser's tags and for any other", () => {
    const written = fc
      .record({ src: fc.option(text, { nil: undefined }), alt: text, title: fc.option(text, { nil: undefined }), dataSrc: fc.option(text, { nil: undefined }) })
      .map(({ src, alt, title, dataSrc }) => toHtml(h("img", { src, alt, title, dataSrc })));
    const raw = fc
      .array(fc.constantFrom(' src="', ' alt="', ' src=', '"', " ", "=", "src", "x", "'", "&amp;", "/", ' SRC="', "\r", "\t", " data-src=\""), { maxLength: 10 })
      .map((pieces) => `<img${pieces.join("")}>`);
    fc.assert(
      fc.property(fc.oneof(written, raw), (tag) => {
        // Only tags the body's tag pattern takes whole are ever read.
        fc.pre([...tag.matchAll(/<img(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi)].map(([match]) => match).join("") === tag);
        expect(imageSources(tag)).toEqual(parsedSrc(tag));
      }),
      { numRuns: 3000 },
    );
  });

  it("lists every image of a body in order", () => {
    expect(imageSources('<p><img src="/media/a.jpg" alt="A"> and <img alt="b" src="/media/b&#x26;c.png"></p><img alt="no source">')).toEqual(["/media/a.jpg", "/media/b&c.png"]);
  });
});
