import { createHash } from "node:crypto";
import { transform as bunny } from "unpic/providers/bunny";
import { transform as cloudflare } from "unpic/providers/cloudflare";
import { transform as cloudinary } from "unpic/providers/cloudinary";
import { transform as imgix } from "unpic/providers/imgix";
import { transform as ipx } from "unpic/providers/ipx";
import { transform as netlify } from "unpic/providers/netlify";
import { transform as vercel } from "unpic/providers/vercel";
import type { SitePath } from "../model/types.ts";
import type { CdnProvider } from "./image-providers.ts";

/** Everything that decides a CDN address, from `images` in the config and the environment. */
export interface CdnSettings {
  provider: CdnProvider;
  /** `images.url`, when the config gives one. */
  url?: string | undefined;
  /** The site's address as the config resolves it (`https://example.org/news`, no trailing slash). */
  siteUrl: string;
  /** The key to sign URLs with, for a provider that signs them (`images.signed`); undefined for unsigned URLs. */
  key?: string | undefined;
}

/** One version to ask the CDN for. */
export interface CdnRequest {
  width: number;
  /** `jpeg` for link previews, which social networks read reliably; left out, the CDN picks the best format the browser accepts. */
  format?: "jpeg";
}

// What each provider calls a JPEG when asked for one (unpic passes the name through).
const JPEG_NAME: Record<CdnProvider, "jpeg" | "jpg" | undefined> = {
  cloudflare: "jpeg",
  netlify: "jpg",
  // Vercel has no format parameter: it sends the best format the client accepts, JPEG to crawlers.
  vercel: undefined,
  imgix: "jpg",
  cloudinary: "jpg",
  // unpic names Bunny's format parameter `output`; Bunny's Dynamic Images API reads `format` (see bunnyUrl).
  bunny: undefined,
  ipx: "jpeg",
};

/**
 * The address at which the CDN serves one version of the original published at `sitePath`
 * (`/media/articles/2026/images/flood.jpg`, without the site's path prefix). URL formats come from
 * unpic. Providers on the site's own host (cloudflare, netlify, vercel) read the original from its
 * path on that host, prefix included; providers with their own domain (imgix, cloudinary, bunny,
 * ipx) find it at `sitePath` under `images.url`, their origin being the site's address (or, for
 * IPX, the output folder).
 */
export function cdnImageUrl(settings: CdnSettings, sitePath: SitePath, request: CdnRequest): string {
  const { sitePathname, cdnHost, cdnOrigin } = addressesOf(settings);
  const hostPath = `${sitePathname}${sitePath}`;
  const under = (base: string) => `${base.replace(/\/$/, "")}${sitePath}`;
  const format = request.format && JPEG_NAME[settings.provider];
  const operations = { width: request.width, ...(format ? { format } : {}) };
  switch (settings.provider) {
    case "cloudflare":
      return cloudflare(hostPath, operations, { domain: cdnHost });
    case "netlify":
      return netlify(hostPath, operations, { baseUrl: cdnOrigin });
    case "vercel":
      return vercel(hostPath, operations, { baseUrl: cdnOrigin });
    case "imgix":
      return signImgix(imgix(under(required(settings)), operations), settings.key);
    case "cloudinary":
      return signCloudinary(cloudinaryUrl(required(settings), sitePath, operations), settings.key);
    case "bunny": {
      const url = new URL(bunny(under(required(settings)), operations));
      if (request.format) url.searchParams.set("format", request.format);
      return url.href;
    }
    case "ipx":
      return ipx(sitePath, operations, { baseURL: required(settings) });
  }
}

// The parts of the site's and the CDN's addresses each address is made of, parsed once per site
// rather than twice for every address (a photo has four or five).
const addresses = new Map<string, { sitePathname: string; cdnHost: string; cdnOrigin: string }>();

function addressesOf(settings: CdnSettings): { sitePathname: string; cdnHost: string; cdnOrigin: string } {
  const key = `${settings.siteUrl}\0${settings.url ?? ""}`;
  let found = addresses.get(key);
  if (found === undefined) {
    const cdn = new URL(settings.url ?? settings.siteUrl);
    found = { sitePathname: new URL(settings.siteUrl).pathname.replace(/\/$/, ""), cdnHost: cdn.host, cdnOrigin: cdn.origin };
    addresses.set(key, found);
  }
  return found;
}

/**
 * A Cloudinary address for the original at `sitePath` in the auto-upload folder `base` names. unpic
 * reads a folder whose name has an underscore (`my_site`) as a transformation, so it is given the
 * address without the folder, which is put back after the transformations it writes.
 */
function cloudinaryUrl(base: string, sitePath: SitePath, operations: { width: number; format?: "jpeg" | "jpg" }): string {
  const match = /^(https:\/\/res\.cloudinary\.com\/[^/]+\/image\/upload)(\/.*)?$/.exec(base.replace(/\/$/, ""));
  if (!match) throw new Error(`not a Cloudinary upload address: ${base}`);
  const [, upload = "", folder = ""] = match;
  const address = cloudinary(`${upload}${sitePath}`, operations);
  return `${address.slice(0, address.length - sitePath.length)}${folder}${sitePath}`;
}

// The config's schema requires `url` for these providers; reaching here without it is a bug.
function required(settings: CdnSettings): string {
  if (settings.url === undefined) throw new Error(`images.url is required for provider ${settings.provider}`);
  return settings.url;
}

/**
 * An imgix address with its signature (imgix "secure URLs"): `s` is the MD5 of the token, the path
 * and the query as they appear in the address. Unsigned when there is no key.
 */
export function signImgix(address: string, key: string | undefined): string {
  if (key === undefined) return address;
  const url = new URL(address);
  const signature = createHash("md5").update(`${key}${url.pathname}${url.search}`).digest("hex");
  url.searchParams.append("s", signature);
  return url.href;
}

/**
 * A Cloudinary address with its signature component (`s--XXXXXXXX--` after the delivery type): the
 * first 8 characters of the URL-safe Base64 SHA-1 of the transformations and public ID followed by
 * the API secret. Unsigned when there is no key.
 */
export function signCloudinary(address: string, key: string | undefined): string {
  if (key === undefined) return address;
  const match = /^(https:\/\/[^/]+\/(?:[^/]+\/)?image\/upload)\/(.+)$/.exec(address);
  if (!match) throw new Error(`not a Cloudinary delivery address: ${address}`);
  const [, base, signed] = match as unknown as [string, string, string];
  const signature = createHash("sha1").update(`${signed}${key}`).digest("base64url").slice(0, 8);
  return `${base}/s--${signature}--/${signed}`;
}
