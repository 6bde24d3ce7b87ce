import { z } from "zod";
import type { FieldHelp } from "../content/report-issues.ts";
import { isHttpUrl, text } from "../content/schemas.ts";
import { IMAGE_PROVIDERS, PROVIDER_NEEDS, isCdnProvider } from "./image-providers.ts";

/** Widths of the resized versions, in pixels, unless `images.widths` says otherwise: the article column is at most 38rem (608 px), so 400 serves phones, 800 and 1200 wider and high-density screens. */
export const DEFAULT_IMAGE_WIDTHS = [400, 800, 1200];

/** Formats the local provider encodes, best first, unless `images.formats` says otherwise; the last is the `<img>` every browser shows. */
export const DEFAULT_IMAGE_FORMATS = ["avif", "webp", "jpeg"] as const;

/** The `images` section of the config: where pictures are resized, and into what. */
export const imagesSchema = z
  .strictObject({
    provider: z.enum(IMAGE_PROVIDERS).default("local"),
    url: text.refine(isHttpUrl, { message: "must be a web address starting with https://" }).optional(),
    signed: z.boolean().default(false),
    formats: z
      .array(z.enum(DEFAULT_IMAGE_FORMATS))
      .min(1)
      .refine((formats) => new Set(formats).size === formats.length, {
        error: (issue) => `must name each format once, got [${(issue.input as string[]).join(", ")}]`,
      })
      .default([...DEFAULT_IMAGE_FORMATS]),
    widths: z
      .array(z.number().int().min(16).max(8192))
      .min(1)
      .refine((widths) => widths.every((width, index) => index === 0 || width > (widths[index - 1] ?? 0)), {
        error: (issue) => `must list widths from the narrowest up, each once, got [${(issue.input as number[]).join(", ")}]`,
      })
      .default(DEFAULT_IMAGE_WIDTHS),
  })
  .superRefine((images, context) => {
    // Which fields a provider needs depends on the provider, so these rules look across fields.
    if (!isCdnProvider(images.provider)) {
      for (const field of ["url", "signed"] as const) {
        if (field === "url" ? images.url !== undefined : images.signed) {
          context.addIssue({
            code: "custom",
            path: [field],
            message: "is only for image CDNs, and `provider` is `local` (pictures are resized at build time)",
            params: { fix: `Remove \`${field}\`, or set \`provider\` to the CDN that serves the pictures.`, crossField: true },
          });
        }
      }
      return;
    }
    const needs = PROVIDER_NEEDS[images.provider];
    if (needs.url && images.url === undefined) {
      context.addIssue({
        code: "custom",
        path: ["url"],
        message: `is required with \`provider: ${images.provider}\`: it must be ${needs.urlHelp.expected}`,
        params: { fix: `Add \`${needs.urlHelp.example}\` under \`images\` (docs/features/images.md says where to find it).`, crossField: true },
      });
    }
    if (images.provider === "cloudinary" && images.url !== undefined && !/^https:\/\/res\.cloudinary\.com\/[a-zA-Z0-9-]+\/image\/upload(\/|$)/.test(images.url)) {
      context.addIssue({
        code: "custom",
        path: ["url"],
        message: `must be a Cloudinary delivery address such as https://res.cloudinary.com/<cloud name>/image/upload/<folder>, got ${JSON.stringify(images.url)}`,
        params: { fix: `Write it like \`${needs.urlHelp.example}\`.` },
      });
    }
    if (images.signed && !needs.signs) {
      const signing = IMAGE_PROVIDERS.filter((name) => isCdnProvider(name) && PROVIDER_NEEDS[name].signs);
      context.addIssue({
        code: "custom",
        path: ["signed"],
        message: `cannot be used with \`provider: ${images.provider}\`, whose URLs are not signed (only ${signing.map((name) => `\`${name}\``).join(" and ")} sign theirs)`,
        params: { fix: "Remove `signed`.", crossField: true },
      });
    }
  });

/** The `images` settings, defaults filled in. */
export type ImagesConfig = z.output<typeof imagesSchema>;

/** What each `images` field expects, for messages. */
export const IMAGES_HELP: Readonly<Record<string, FieldHelp>> = {
  images: { expected: "the picture settings", example: "images: { provider: local }" },
  "images.provider": { expected: "where pictures are resized", example: "provider: local" },
  "images.url": { expected: "the address the image CDN serves from", example: "url: https://lantern.imgix.net" },
  "images.signed": { expected: "`true` or `false`", example: "signed: true" },
  "images.formats": { expected: "a list of formats from avif, webp and jpeg, best first", example: "formats: [avif, webp, jpeg]" },
  "images.widths": { expected: "a list of widths in pixels from 16 to 8192, narrowest first", example: "widths: [400, 800, 1200]" },
};

/** The `images` section's field names, for "did you mean" on unknown fields. */
export const IMAGES_FIELDS: Readonly<Record<string, readonly string[]>> = {
  images: ["provider", "url", "signed", "formats", "widths"],
};
