import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cdnImageUrl, signCloudinary, signImgix, type CdnSettings } from "../../src/media/cdn-url.ts";

const PHOTO = "/media/articles/2026/images/flood.jpg";
const SITE = "https://lantern.example.org";

/** The address for one provider at 800 pixels, and its link-preview JPEG. */
function urls(settings: Omit<CdnSettings, "siteUrl"> & { siteUrl?: string }) {
  const full = { siteUrl: SITE, ...settings };
  return { picture: cdnImageUrl(full, PHOTO, { width: 800 }), share: cdnImageUrl(full, PHOTO, { width: 1200, format: "jpeg" }) };
}

describe("cdnImageUrl", () => {
  it("writes each provider's URL format, leaving the format to the CDN except for link previews", () => {
    expect(urls({ provider: "cloudflare" })).toEqual({
      picture: "https://lantern.example.org/cdn-cgi/image/width=800,f=auto,fit=cover/media/articles/2026/images/flood.jpg",
      share: "https://lantern.example.org/cdn-cgi/image/width=1200,f=jpeg,fit=cover/media/articles/2026/images/flood.jpg",
    });
    expect(urls({ provider: "netlify" })).toEqual({
      picture: "https://lantern.example.org/.netlify/images?w=800&fit=cover&url=%2Fmedia%2Farticles%2F2026%2Fimages%2Fflood.jpg",
      share: "https://lantern.example.org/.netlify/images?fm=jpg&w=1200&fit=cover&url=%2Fmedia%2Farticles%2F2026%2Fimages%2Fflood.jpg",
    });
    expect(urls({ provider: "vercel" }).picture).toBe(
      "https://lantern.example.org/_vercel/image?w=800&q=75&url=%2Fmedia%2Farticles%2F2026%2Fimages%2Fflood.jpg",
    );
    expect(urls({ provider: "imgix", url: "https://lantern.imgix.net" })).toEqual({
      picture: "https://lantern.imgix.net/media/articles/2026/images/flood.jpg?w=800&fit=min&auto=format",
      share: "https://lantern.imgix.net/media/articles/2026/images/flood.jpg?fm=jpg&w=1200&fit=min",
    });
    expect(urls({ provider: "cloudinary", url: "https://res.cloudinary.com/lantern/image/upload/site" })).toEqual({
      picture: "https://res.cloudinary.com/lantern/image/upload/w_800,f_auto,c_lfill/site/media/articles/2026/images/flood.jpg",
      share: "https://res.cloudinary.com/lantern/image/upload/w_1200,f_jpg,c_lfill/site/media/articles/2026/images/flood.jpg",
    });
    expect(urls({ provider: "bunny", url: "https://lantern.b-cdn.net" })).toEqual({
      picture: "https://lantern.b-cdn.net/media/articles/2026/images/flood.jpg?width=800",
      share: "https://lantern.b-cdn.net/media/articles/2026/images/flood.jpg?width=1200&format=jpeg",
    });
    expect(urls({ provider: "ipx", url: "https://images.example.org/_ipx" })).toEqual({
      picture: "https://images.example.org/_ipx/w_800,f_auto/media/articles/2026/images/flood.jpg",
      share: "https://images.example.org/_ipx/w_1200,f_jpeg/media/articles/2026/images/flood.jpg",
    });
  });

  it("reads originals on the site's own host under its sub-folder, and under images.url without it", () => {
    const siteUrl = "https://example.github.io/news";
    expect(urls({ provider: "cloudflare", siteUrl }).picture).toBe(
      "https://example.github.io/cdn-cgi/image/width=800,f=auto,fit=cover/news/media/articles/2026/images/flood.jpg",
    );
    expect(urls({ provider: "netlify", siteUrl }).picture).toContain("url=%2Fnews%2Fmedia%2F");
    expect(urls({ provider: "cloudflare", siteUrl, url: "https://zone.example.net" }).picture).toMatch(
      /^https:\/\/zone\.example\.net\/cdn-cgi\/image\/.*\/news\/media\//,
    );
    expect(urls({ provider: "imgix", siteUrl, url: "https://lantern.imgix.net/" }).picture).toMatch(
      /^https:\/\/lantern\.imgix\.net\/media\/articles\//,
    );
    expect(urls({ provider: "ipx", siteUrl, url: "http://127.0.0.1:3000/_ipx/" }).picture).toBe(
      "http://127.0.0.1:3000/_ipx/w_800,f_auto/media/articles/2026/images/flood.jpg",
    );
  });

  it("keeps a Cloudinary folder whose name has an underscore as a folder, not a transformation", () => {
    expect(urls({ provider: "cloudinary", url: "https://res.cloudinary.com/lantern/image/upload/my_site" }).picture).toBe(
      "https://res.cloudinary.com/lantern/image/upload/w_800,f_auto,c_lfill/my_site/media/articles/2026/images/flood.jpg",
    );
    expect(urls({ provider: "cloudinary", url: "https://res.cloudinary.com/lantern/image/upload" }).picture).toBe(
      "https://res.cloudinary.com/lantern/image/upload/w_800,f_auto,c_lfill/media/articles/2026/images/flood.jpg",
    );
  });

  it("signs imgix and Cloudinary URLs when given a key, and only then", () => {
    const imgix = urls({ provider: "imgix", url: "https://lantern.imgix.net", key: "secret-token" }).picture;
    expect(imgix).toBe(
      signImgix("https://lantern.imgix.net/media/articles/2026/images/flood.jpg?w=800&fit=min&auto=format", "secret-token"),
    );
    const cloudinary = urls({
      provider: "cloudinary",
      url: "https://res.cloudinary.com/lantern/image/upload/site",
      key: "api-secret",
    }).picture;
    expect(cloudinary).toMatch(
      /^https:\/\/res\.cloudinary\.com\/lantern\/image\/upload\/s--[A-Za-z0-9_-]{8}--\/w_800,f_auto,c_lfill\/site\/media\//,
    );
    expect(urls({ provider: "imgix", url: "https://lantern.imgix.net" }).picture).not.toContain("s=");
  });
});

describe("signImgix", () => {
  it("appends the MD5 of the token, the path and the query, as imgix secure URLs require", () => {
    const signed = new URL(signImgix("https://lantern.imgix.net/media/flood.jpg?w=800&auto=format", "aaAAbbBB11223344"));
    const expected = createHash("md5").update("aaAAbbBB11223344/media/flood.jpg?w=800&auto=format").digest("hex");
    expect(signed.searchParams.get("s")).toBe(expected);
    expect(signed.href).toBe(`https://lantern.imgix.net/media/flood.jpg?w=800&auto=format&s=${expected}`);
  });

  it("gives another signature for another key or another width", () => {
    const a = signImgix("https://x.imgix.net/a.jpg?w=800", "one");
    expect(signImgix("https://x.imgix.net/a.jpg?w=800", "two")).not.toBe(a);
    expect(signImgix("https://x.imgix.net/a.jpg?w=400", "one").slice(-32)).not.toBe(a.slice(-32));
  });
});

describe("signCloudinary", () => {
  it("puts s--<8 characters of the URL-safe Base64 SHA-1 of transformations, public ID and secret>-- after the delivery type", () => {
    const signed = signCloudinary("https://res.cloudinary.com/demo/image/upload/w_300,f_auto/site/sample.jpg", "abcd");
    const expected = createHash("sha1")
      .update("w_300,f_auto/site/sample.jpg" + "abcd")
      .digest("base64url")
      .slice(0, 8);
    expect(signed).toBe(`https://res.cloudinary.com/demo/image/upload/s--${expected}--/w_300,f_auto/site/sample.jpg`);
  });

  it("refuses an address that is not a Cloudinary delivery address", () => {
    expect(() => signCloudinary("https://example.org/a.jpg", "abcd")).toThrow(/not a Cloudinary/);
  });
});
