import { describe, expect, it } from "vitest";
import { rehypeResolveUrls } from "../../../src/markdown/plugins/rehype-resolve-urls.ts";
import { runOnHtml } from "../support/run.ts";

describe("rehypeResolveUrls", () => {
  it("maps image sources and link targets through the per-render resolvers", () => {
    const { $ } = runOnHtml(
      '<p><img src="images/a.jpg" alt="A"> <a href="../x.md">x</a> <a href="https://e.org/">e</a></p>',
      rehypeResolveUrls(),
      {
        resolveImage: (src) => (src === "images/a.jpg" ? "/media/a.jpg" : undefined),
        resolveLink: (href) => (href.endsWith(".md") ? "/2026/01/01/x/" : undefined),
      },
    );
    expect($("img").attr("src")).toBe("/media/a.jpg");
    expect($("a").first().attr("href")).toBe("/2026/01/01/x/");
    expect($("a").last().attr("href")).toBe("https://e.org/");
  });

  it("leaves everything as written without resolvers", () => {
    const html = '<p><img src="images/a.jpg" alt="A"> <a href="../x.md">x</a></p>';
    expect(runOnHtml(html, rehypeResolveUrls()).html).toBe(html);
  });
});
