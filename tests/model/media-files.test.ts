import { describe, expect, it } from "vitest";
import { resolveMedia } from "../../src/model/media-files.ts";
import { isSafeSitePath } from "../../src/model/urls.ts";

describe("resolveMedia", () => {
  it("publishes a path relative to the article under /media/ with safe names", () => {
    expect(resolveMedia("content/articles/2026/flood.md", "images/Flood Photo.JPG")).toEqual({
      source: "content/articles/2026/images/Flood Photo.JPG",
      url: "/media/articles/2026/images/flood-photo.jpg",
    });
    expect(resolveMedia("content/articles/2026/flood.md", "../shared/map%20v2.png")).toEqual({
      source: "content/articles/shared/map v2.png",
      url: "/media/articles/shared/map-v2.png",
    });
  });

  it("refuses a path that leaves content/", () => {
    expect(resolveMedia("content/articles/2026/flood.md", "../../../etc/passwd")).toBe("outside");
    expect(resolveMedia("content/articles/x.md", "..%2F..%2F..%2Fetc%2Fpasswd")).toBe("outside");
  });

  it("leaves web addresses and site paths alone", () => {
    expect(resolveMedia("content/articles/x.md", "https://example.org/a.jpg")).toBeUndefined();
    expect(resolveMedia("content/articles/x.md", "/logo.png")).toBeUndefined();
    expect(resolveMedia("content/articles/x.md", "data:image/png;base64,xx")).toBeUndefined();
  });

  it("always gives a safe site path", () => {
    const result = resolveMedia("content/articles/2026/x.md", "images/Ünïcödé name (1).jpeg");
    expect(typeof result === "object" && isSafeSitePath(result.url)).toBe(true);
  });
});
