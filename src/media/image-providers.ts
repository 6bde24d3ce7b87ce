/**
 * Where the site's pictures are resized: `local` encodes them at build time (src/media/process-image.ts);
 * every other name is an image CDN that resizes on request, whose URLs src/media/cdn-url.ts writes.
 */
export const IMAGE_PROVIDERS = ["local", "cloudflare", "netlify", "vercel", "imgix", "cloudinary", "bunny", "ipx"] as const;

/** One of IMAGE_PROVIDERS. */
export type ImageProvider = (typeof IMAGE_PROVIDERS)[number];

/** An image CDN: every provider but `local`. */
export type CdnProvider = Exclude<ImageProvider, "local">;

/** What a CDN needs in `images` beyond its name. */
export interface ProviderNeeds {
  /** `images.url` is required: the CDN serves from its own address, which nothing else in the config says. */
  url: boolean;
  /** What `images.url` is, completing "`images.url` must be …", with an example. */
  urlHelp: { expected: string; example: string };
  /** The provider can sign its URLs (`images.signed: true`), with the key from IMAGE_KEY_VARIABLE. */
  signs: boolean;
}

/** What each CDN needs, by name. */
export const PROVIDER_NEEDS: Readonly<Record<CdnProvider, ProviderNeeds>> = {
  // Image resizing on the zone the site is served from: /cdn-cgi/image/… on the site's own host by default.
  cloudflare: {
    url: false,
    urlHelp: {
      expected: "the Cloudflare zone that resizes, when it is not the site's own host",
      example: "url: https://lantern.example.org",
    },
    signs: false,
  },
  // Netlify Image CDN and Vercel Image Optimization run on the deployment itself.
  netlify: {
    url: false,
    urlHelp: { expected: "the Netlify site's address, when it is not the site's own", example: "url: https://lantern.netlify.app" },
    signs: false,
  },
  vercel: {
    url: false,
    urlHelp: { expected: "the Vercel deployment's address, when it is not the site's own", example: "url: https://lantern.vercel.app" },
    signs: false,
  },
  // imgix, Cloudinary and Bunny pull the originals from the site and serve them from their own domain.
  imgix: { url: true, urlHelp: { expected: "the imgix source's domain", example: "url: https://lantern.imgix.net" }, signs: true },
  cloudinary: {
    url: true,
    urlHelp: {
      expected: "the Cloudinary delivery address of the auto-upload folder mapped to the site",
      example: "url: https://res.cloudinary.com/lantern/image/upload/site",
    },
    signs: true,
  },
  bunny: { url: true, urlHelp: { expected: "the Bunny pull zone's address", example: "url: https://lantern.b-cdn.net" }, signs: false },
  // An IPX server (npm `ipx`) reading the published site's folder.
  ipx: {
    url: true,
    urlHelp: { expected: "the address IPX answers at, up to and including its prefix", example: "url: https://images.example.org/_ipx" },
    signs: false,
  },
};

/** The environment variable that holds the key signed URLs are made with (never in the config: the config is committed). */
export const IMAGE_KEY_VARIABLE = "TIDINGS_IMAGES_KEY";

/** True for providers that resize on request rather than at build time. */
export function isCdnProvider(provider: ImageProvider): provider is CdnProvider {
  return provider !== "local";
}
