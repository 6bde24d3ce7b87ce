import { describe, expect, it } from "vitest";
import { allowedProtocols, isAllowedUrl, newsroomSchema } from "../../src/markdown/sanitize-schema.ts";

const href = allowedProtocols["href"] ?? [];
const src = allowedProtocols["src"] ?? [];

describe("isAllowedUrl", () => {
  it("allows web, mail and phone links and relative or fragment URLs", () => {
    for (const url of [
      "https://example.org",
      "http://example.org",
      "mailto:desk@example.org",
      "tel:+44123",
      "/about/",
      "about",
      "#notes",
      "?page=2",
      "/a:b",
      "//cdn.example.org/x",
    ]) {
      expect(isAllowedUrl(url, href), url).toBe(true);
    }
  });

  it("refuses script, data and unknown schemes, whatever their case or padding", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "vbscript:x",
      "data:text/html,x",
      "file:///etc/passwd",
      "irc://x",
    ]) {
      expect(isAllowedUrl(url, href), url).toBe(false);
    }
  });

  it("allows only web addresses as image sources", () => {
    expect(isAllowedUrl("mailto:a@example.org", src)).toBe(false);
    expect(isAllowedUrl("data:image/png;base64,AA", src)).toBe(false);
    expect(isAllowedUrl("https://img.example.org/a.jpg", src)).toBe(true);
  });
});

describe("newsroomSchema", () => {
  it("cannot be loosened at runtime", () => {
    expect(Object.isFrozen(newsroomSchema)).toBe(true);
    expect(() => newsroomSchema.tagNames?.push("script")).toThrow(TypeError);
  });

  it("allows what a newsroom needs and none of the dangerous elements", () => {
    const tags = newsroomSchema.tagNames ?? [];
    for (const tag of [
      "figure",
      "figcaption",
      "cite",
      "abbr",
      "sub",
      "sup",
      "details",
      "summary",
      "kbd",
      "mark",
      "time",
      "table",
      "caption",
    ]) {
      expect(tags, tag).toContain(tag);
    }
    for (const tag of ["script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "link", "meta", "base"]) {
      expect(tags, tag).not.toContain(tag);
    }
  });
});
