import { describe, expect, it } from "vitest";
import { rehypeSafeExternalLinks } from "../../../src/markdown/plugins/rehype-safe-external-links.ts";
import { runOnHtml } from "../support/run.ts";

const links =
  '<a href="https://other.org/x">o</a> <a href="//cdn.other.org/y">p</a> <a href="https://News.Example.org/z">s</a> <a href="/about/">r</a> <a href="mailto:desk@example.org">m</a> <a href="#notes">f</a>';

describe("rehypeSafeExternalLinks", () => {
  it("adds rel=noopener noreferrer to links to other hosts and never a target", () => {
    const { $ } = runOnHtml(links, rehypeSafeExternalLinks({ siteHosts: ["news.example.org"] }));
    expect($('a[href="https://other.org/x"]').attr("rel")).toBe("noopener noreferrer");
    expect($('a[href="//cdn.other.org/y"]').attr("rel")).toBe("noopener noreferrer");
    expect($("a[target]")).toHaveLength(0);
  });

  it("leaves links to the site itself, relative links, mail and fragments alone", () => {
    const { $ } = runOnHtml(links, rehypeSafeExternalLinks({ siteHosts: ["news.example.org"] }));
    for (const href of ["https://News.Example.org/z", "/about/", "mailto:desk@example.org", "#notes"]) {
      expect($(`a[href="${href}"]`).attr("rel")).toBeUndefined();
    }
  });

  it("takes the site's hosts for one render from file.data", () => {
    const { $ } = runOnHtml(links, rehypeSafeExternalLinks(), { siteHosts: ["news.example.org"] });
    expect($('a[href="https://News.Example.org/z"]').attr("rel")).toBeUndefined();
    expect($('a[href="https://other.org/x"]').attr("rel")).toBe("noopener noreferrer");
  });

  it("marks http and https links in any case, and no other scheme", () => {
    const mixed =
      '<a href="HTTPS://other.org/a">a</a> <a href="Http://other.org/b">b</a> <a href="ftp://other.org/c">c</a> <a href="tel:+441234">t</a> <a href="https:/other.org/d">d</a> <a href="httpx://other.org/e">e</a> <a href="other.org/f">f</a> <a>none</a>';
    const { $ } = runOnHtml(mixed, rehypeSafeExternalLinks({ siteHosts: ["news.example.org"] }));
    const marked = $("a[rel]")
      .toArray()
      .map((element) => $(element).text());
    // `https:/other.org/d` is an https address too (a URL parser reads its host as other.org).
    expect(marked).toEqual(["a", "b", "d"]);
    expect($("a[rel]").first().attr("rel")).toBe("noopener noreferrer");
  });

  it("treats every absolute link as external when the site's hosts are unknown", () => {
    const { $ } = runOnHtml(links, rehypeSafeExternalLinks());
    expect($('a[href="https://News.Example.org/z"]').attr("rel")).toBe("noopener noreferrer");
  });
});
