import { describe, expect, it } from "vitest";
import { classifyLink, resolveContentLink, type LinkContext } from "../../src/model/content-links.ts";

const atRoot: LinkContext = {
  file: "content/articles/2026/flood-wall.md",
  pageUrl: "/2026/11/24/flood-wall/",
  host: "news.example.org",
  pathPrefix: "/",
};
const underPath: LinkContext = { ...atRoot, host: "example.github.io", pathPrefix: "/news/" };
const addresses = new Map([
  ["content/articles/2025/warnings.md", "/2025/11/14/warnings/"],
  ["content/pages/about.md", "/about/"],
]);

const site = (path: string, fragment = "", rootRelative = false) => ({ kind: "site", path, fragment, rootRelative });
const content = (file: string, fragment = "") => ({ kind: "content", file, fragment });

describe("classifyLink", () => {
  it("reads site-relative links with their #section", () => {
    expect(classifyLink("/about/#contact", atRoot)).toEqual(site("/about/", "contact", true));
    expect(classifyLink("/tags/c%2B%2B/?page=2", atRoot)).toEqual(site("/tags/c++/", "", true));
  });

  it("treats absolute links to the site's own host as internal, and others as elsewhere", () => {
    expect(classifyLink("https://NEWS.example.org/about/#team", atRoot)).toEqual(site("/about/", "team"));
    expect(classifyLink("//news.example.org/tags/", atRoot)).toMatchObject({ kind: "site", path: "/tags/" });
    expect(classifyLink("https://council.example/minutes", atRoot)).toEqual({ kind: "elsewhere" });
    expect(classifyLink("mailto:news@example.org", atRoot)).toEqual({ kind: "elsewhere" });
    expect(classifyLink("tel:+441234567890", atRoot)).toEqual({ kind: "elsewhere" });
  });

  it("only counts addresses under the path prefix as the site on a shared host", () => {
    expect(classifyLink("https://example.github.io/news/about/", underPath)).toMatchObject({ kind: "site", path: "/about/" });
    expect(classifyLink("https://example.github.io/news", underPath)).toMatchObject({ kind: "site", path: "/" });
    expect(classifyLink("https://example.github.io/newsletter/", underPath)).toEqual({ kind: "elsewhere" });
    expect(classifyLink("https://example.github.io/other-project/", underPath)).toEqual({ kind: "elsewhere" });
  });

  it("resolves a relative link to a Markdown file against the linking file's folder", () => {
    expect(classifyLink("../2025/warnings.md#sign-up", atRoot)).toEqual(content("content/articles/2025/warnings.md", "sign-up"));
    expect(classifyLink("other%20story.md", atRoot)).toEqual(content("content/articles/2026/other story.md"));
    expect(classifyLink("../../../README.md", atRoot)).toEqual(content("README.md"));
  });

  it("resolves other relative links and bare #sections against the page's own address", () => {
    expect(classifyLink("#what-happens-next", atRoot)).toEqual(site("/2026/11/24/flood-wall/", "what-happens-next"));
    expect(classifyLink("../", atRoot)).toMatchObject({ kind: "site", path: "/2026/11/24/" });
  });
});

describe("resolveContentLink", () => {
  it("publishes a link to another article's file at that article's address, keeping the #section", () => {
    expect(resolveContentLink("../2025/warnings.md#sign-up", atRoot, addresses)).toBe("/2025/11/14/warnings/#sign-up");
    expect(resolveContentLink("../pages/about.md", { ...atRoot, file: "content/articles/x.md" }, addresses)).toBe("/about/");
  });

  it("leaves links it cannot resolve as written, for the link check to report", () => {
    expect(resolveContentLink("../2025/missing.md", atRoot, addresses)).toBeUndefined();
    expect(resolveContentLink("https://council.example/", atRoot, addresses)).toBeUndefined();
  });

  it("puts the path prefix before site-relative links on a site that lives under a path", () => {
    expect(resolveContentLink("/about/#contact", underPath, addresses)).toBe("/news/about/#contact");
    expect(resolveContentLink("../2025/warnings.md", underPath, addresses)).toBe("/news/2025/11/14/warnings/");
    expect(resolveContentLink("/about/", atRoot, addresses)).toBeUndefined();
    expect(resolveContentLink("../", underPath, addresses)).toBeUndefined();
    expect(resolveContentLink("https://example.github.io/news/about/", underPath, addresses)).toBeUndefined();
  });
});
