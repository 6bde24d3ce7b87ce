import { toSlug } from "../core/slugs.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CONFIG_FILE } from "../content/config-file.ts";
import { isValidTimeZone } from "../content/dates.ts";
import { readTextFile } from "../content/read-text-file.ts";
import { issuesToDiagnostics, type FieldHelp } from "../content/report-issues.ts";
import { isHttpUrl, isSitePath, linkUrl, text } from "../content/schemas.ts";
import { parseYaml } from "../content/yaml-document.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { DONATION_FIELDS, DONATION_HELP, donationSchema } from "../donation/donation-schema.ts";
import { NEWSLETTER_FIELDS, NEWSLETTER_HELP, newsletterSchema } from "../donation/newsletter-schema.ts";
import { canonicalTag, isLanguageTag, suggestLanguageTag } from "../i18n/site-languages.ts";
import { HISTORY_FIELDS, HISTORY_HELP, historySchema } from "../history/history-schema.ts";
import { STANDARDS_FIELDS, STANDARDS_HELP, standardsSchema } from "./standards-schema.ts";
import { DEFAULT_IMAGE_FORMATS, DEFAULT_IMAGE_WIDTHS, IMAGES_FIELDS, IMAGES_HELP, imagesSchema } from "../media/images-schema.ts";


const link = z.strictObject({ label: text, url: linkUrl });

const DEFAULT_TYPES: Record<string, string> = {
  news: "News",
  analysis: "Analysis",
  opinion: "Opinion",
  explainer: "Explainer",
  interview: "Interview",
  review: "Review",
};

/**
 * The web editor at /admin/ (Decap CMS). `backend` is handed to the CMS as it is (its `backend`
 * setting: `name: github` with `repo`, `branch`, `base_url` for the OAuth provider, …); without
 * this section a production build publishes no /admin/, while the preview always serves it
 * against the working copy.
 */
const editorSchema = z.strictObject({
  backend: z
    .record(z.string().regex(/^[a-z_]+$/), z.union([text, z.boolean(), z.number()]))
    .refine((backend) => typeof backend["name"] === "string", { message: "must name the CMS backend with `name`, e.g. `name: github`" })
    .superRefine((backend, context) => {
      // The CMS opens these addresses (the OAuth provider, the API); any other scheme could run script in /admin/.
      for (const [key, value] of Object.entries(backend)) {
        if (/(?:^|_)(?:url|root)$/.test(key) && !(typeof value === "string" && isHttpUrl(value))) {
          context.addIssue({ code: "custom", path: [key], message: `must be a web address starting with https://, got ${JSON.stringify(value)}` });
        }
      }
    }),
});

// A folder below content/articles written as its path: plain names joined by `/`, no `.` or `..`
// segments, no leading or trailing slash, so it can only ever match a real path prefix.
const FOLDER_PATTERN = /^(?!\.{1,2}(?:\/|$))[^/\\]+(?:\/(?!\.{1,2}(?:\/|$))[^/\\]+)*$/;

/** A BCP 47 language tag such as `en-GB`, `cy` or `pt-BR`; a name (`Welsh`) or `cy_GB` is refused with the tag it meant. */
const languageTag = text.superRefine((value, context) => {
  if (isLanguageTag(value)) return;
  const meant = suggestLanguageTag(value);
  context.addIssue({
    code: "custom",
    input: value,
    message: `must be a language tag such as en, en-GB, cy or pt-BR, got ${JSON.stringify(value)}`,
    ...(meant === undefined
      ? {}
      : { params: { fix: value.includes("_") ? `Write ${meant}: a language tag joins its parts with hyphens.` : `Write ${meant}, the language's tag, rather than its name.` } }),
  });
});

const sectionSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be lowercase letters, digits and hyphens, like `politics`" });

/**
 * A further language the site publishes in, at `/<code>/`, with its own versions of the site's copy
 * where it gives them (the rest is the main language's): what a reader of that language sees around
 * the articles.
 */
const languageSchema = z.strictObject({
  code: languageTag,
  name: text.optional(),
  tagline: text.optional(),
  description: text.optional(),
  navigation: z.array(link).optional(),
  // Sections keep their slug in every language; a language gives them its own names.
  sections: z.array(z.strictObject({ slug: sectionSlug, name: text.optional(), description: text.optional() })).optional(),
  types: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), text).optional(),
  donation: z
    .strictObject({
      heading: text.optional(),
      text: text.optional(),
      short: text.optional(),
      button: text.optional(),
      url: linkUrl.optional(),
      variants: z
        .array(z.strictObject({ name: z.string(), heading: text.optional(), text: text.optional(), short: text.optional(), button: text.optional() }))
        .optional(),
    })
    .optional(),
  newsletter: z.strictObject({ heading: text.optional(), text: text.optional(), button: text.optional() }).optional(),
});

/** A further language's entry in the config, as written. */
export type LanguageSettings = z.output<typeof languageSchema>;

/** The site configuration schema; defaults live here and nowhere else. */
export const configSchema = z
  .strictObject({
    name: text,
    tagline: text.optional(),
    description: text.optional(),
    url: text.refine(isHttpUrl, { message: "must be the site's web address starting with https://" }),
    language: languageTag.default("en"),
    languages: z.array(languageSchema).default([]),
    timeZone: text.refine(isValidTimeZone, { message: "must be an IANA time zone name such as Europe/London" }).default("UTC"),
    // The language's own long date and short time ("1 December 2026", "1. Dezember 2026", "1 de diciembre de 2026"; "17:05", "5:05 PM").
    dateFormat: text.default("DDD"),
    timeFormat: text.default("t"),
    articlesPerPage: z.number().int().min(1).max(100).default(10),
    navigation: z.array(link).default([]),
    sections: z
      .array(
        z.strictObject({
          name: text,
          slug: sectionSlug.optional(),
          description: text.optional(),
          tags: z.array(text).default([]),
          // A year folder is written as a number (`folders: [2026]`) as often as not.
          folders: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(FOLDER_PATTERN))).optional(),
        }),
      )
      .default([]),
    types: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), text).default(DEFAULT_TYPES),
    donation: donationSchema,
    newsletter: newsletterSchema.optional(),
    feeds: z.strictObject({ items: z.number().int().min(1).max(500).default(20) }).default({ items: 20 }),
    logo: text
      .refine((value) => isSitePath(value) || isHttpUrl(value), {
        message: "must be a path in public/ starting with / (such as /logo.png) or a web address",
      })
      .optional(),
    ageNotice: z
      .strictObject({
        enabled: z.boolean().default(true),
        days: z.number().int().min(1).max(36_500).default(365),
      })
      .default({ enabled: true, days: 365 }),
    images: imagesSchema.default({ provider: "local", signed: false, formats: [...DEFAULT_IMAGE_FORMATS], widths: DEFAULT_IMAGE_WIDTHS }),
    editor: editorSchema.optional(),
    history: historySchema,
    standards: standardsSchema,
    // The deploy build refuses a site that is still the sample newsroom; a demonstration of it says so here.
    demo: z.boolean().default(false),
  })
  .superRefine(checkLanguages)
  .transform((config) => {
    const url = new URL(config.url);
    const pathPrefix = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    return {
      ...config,
      language: canonicalTag(config.language),
      // Each section's slug and address are resolved here, once, so templates and the model agree.
      sections: config.sections.map((section) => {
        const slug = section.slug ?? toSlug(section.name);
        // Without `folders`, content/articles/<slug>/ files an article in the section (sections.ts).
        return { ...section, slug, url: `/${slug}/`, folders: section.folders ?? [slug] };
      }),
      /** Origin and path with no trailing slash, e.g. `https://example.org/news`. */
      url: `${url.origin}${pathPrefix.slice(0, -1)}`,
      /** The path the site lives under, `/` at a domain's root. */
      pathPrefix,
    };
  });

/** Each further language once, none the main one again; its sections and ask variants ones the site has. */
function checkLanguages(
  config: { language: string; languages: LanguageSettings[]; sections: { name: string; slug?: string | undefined }[]; donation: { variants: { name: string }[] } },
  context: z.RefinementCtx,
): void {
  // Codes are compared as canonical tags (`en-gb` is `en-GB`); one that is no tag is reported as such, and only so.
  const main = canonicalTag(config.language).toLowerCase();
  const seen = new Set([main]);
  const slugs = config.sections.map((section) => section.slug ?? toSlug(section.name));
  const variants = config.donation.variants.map((variant) => variant.name);
  config.languages.forEach((language, index) => {
    const code = canonicalTag(language.code).toLowerCase();
    if (isLanguageTag(language.code) && seen.has(code)) {
      const path = ["languages", index, "code"];
      if (code === main) {
        context.addIssue({ code: "custom", path, message: `is ${language.code}, the site's main language (\`language: ${config.language}\`), which is published at / already`, params: { crossField: true, fix: `Remove this entry: \`languages\` lists only the further languages.` } });
      } else {
        context.addIssue({ code: "custom", path, message: `is ${language.code}, which is listed twice`, params: { crossField: true, fix: `Remove this entry, or merge it into the first one for ${language.code}.` } });
      }
    }
    seen.add(code);
    language.sections?.forEach((section, sectionIndex) => {
      if (slugs.includes(section.slug)) return;
      context.addIssue({ code: "custom", path: ["languages", index, "sections", sectionIndex, "slug"], message: `names no section of the site: ${section.slug}`, params: { crossField: true, fix: `Use the slug of one of the site's \`sections\`: ${slugs.join(", ") || "(none yet)"}.` } });
    });
    language.donation?.variants?.forEach((variant, variantIndex) => {
      if (variants.includes(variant.name)) return;
      context.addIssue({ code: "custom", path: ["languages", index, "donation", "variants", variantIndex, "name"], message: `names no ask variant under \`donation.variants\`: ${variant.name}`, params: { crossField: true, fix: `Use the name of one of the variants: ${variants.join(", ") || "(none yet)"}.` } });
    });
  });
}

/** The validated site configuration with every default filled in. */
export type SiteConfig = z.output<typeof configSchema>;

const CONFIG_HELP: Record<string, FieldHelp> = {
  name: { expected: "the newsroom's name", example: "name: The Millbrook Lantern" },
  tagline: { expected: "a short line under the name", example: "tagline: Independent news for the valley" },
  description: { expected: "a sentence describing the site", example: "description: Local news paid for by readers." },
  url: { expected: "the site's web address", example: "url: https://news.example.org" },
  language: { expected: "the site's main language, as a language tag", example: "language: en-GB" },
  languages: { expected: "a list of the further languages the site publishes in, each with its `code`", example: "languages:\n  - { code: cy, name: Cymraeg, tagline: Newyddion annibynnol }" },
  "languages.code": { expected: "a language tag (BCP 47)", example: "code: cy" },
  "languages.name": { expected: "the language's name in itself, for the language menu", example: "name: Cymraeg" },
  "languages.sections": { expected: "the sections' names in this language, by slug", example: "sections:\n  - { slug: news, name: Newyddion }" },
  "languages.sections.slug": { expected: "the slug of one of the site's sections", example: "slug: news" },
  "languages.navigation": { expected: "the menu in this language: links with `label` and `url`", example: "- { label: Amdanom ni, url: /cy/about/ }" },
  "languages.donation": { expected: "the donation ask's copy in this language", example: "donation: { heading: Cadwch y golau ynghyn, button: Cyfrannwch }" },
  "languages.newsletter": { expected: "the newsletter block's copy in this language", example: "newsletter: { heading: Y Llusern drwy e-bost }" },
  timeZone: { expected: "an IANA time zone name", example: "timeZone: Europe/London" },
  dateFormat: { expected: "a date format", example: 'dateFormat: "d MMMM yyyy"' },
  timeFormat: { expected: "a time format", example: 'timeFormat: "HH:mm"' },
  articlesPerPage: { expected: "a whole number from 1 to 100", example: "articlesPerPage: 10" },
  navigation: { expected: "a list of links with `label` and `url`", example: "- { label: About, url: /about/ }" },
  "navigation.label": { expected: "the link text", example: "label: About" },
  "navigation.url": { expected: "a path or web address", example: "url: /about/" },
  sections: { expected: "a list of sections, each with a `name` (and optionally `slug`, `description` and `tags`)", example: "sections:\n  - { name: Politics, tags: [Council] }" },
  "sections.name": { expected: "the section's name, shown in the navigation and breadcrumb", example: "name: Politics" },
  "sections.slug": { expected: "the section's address, lowercase letters, digits and hyphens", example: "slug: politics" },
  "sections.description": { expected: "a sentence on what the section covers", example: "description: The council, the MP and the money." },
  "sections.tags": { expected: "the tags whose articles belong to this section unless they name one", example: "tags: [Council, Elections]" },
  "sections.folders": { expected: "folders inside content/articles, without `..` or a leading `/`, whose articles belong to this section unless they name one", example: "folders: [politics, 2026/council]" },
  types: { expected: "a list of article types and their labels", example: "types: { news: News, opinion: Opinion }" },
  ...DONATION_HELP,
  ...NEWSLETTER_HELP,
  ...IMAGES_HELP,
  ...HISTORY_HELP,
  ...STANDARDS_HELP,
  "feeds.items": { expected: "a whole number from 1 to 500", example: "items: 20" },
  logo: { expected: "the path of the logo image in public/ (square, at least 112 pixels)", example: "logo: /logo.png" },
  ageNotice: { expected: "the old-article notice settings", example: "ageNotice: { days: 365 }" },
  "ageNotice.enabled": { expected: "`true` or `false`", example: "enabled: false" },
  "ageNotice.days": { expected: "a whole number of days from 1 to 36500", example: "days: 365" },
  editor: { expected: "the web editor settings", example: "editor: { backend: { name: github, repo: newsroom/site, branch: main } }" },
  "editor.backend": { expected: "the CMS backend settings, with `name`", example: "backend: { name: github, repo: newsroom/site, branch: main }" },
  demo: { expected: "`true` to publish the sample newsroom as a demonstration, or `false`", example: "demo: true" },
};

/** Config field names by parent path ("" for top level), for "did you mean" on unknown fields. */
export const CONFIG_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": [
    "name",
    "tagline",
    "description",
    "url",
    "language",
    "languages",
    "timeZone",
    "dateFormat",
    "timeFormat",
    "articlesPerPage",
    "navigation",
    "sections",
    "types",
    "donation",
    "newsletter",
    "feeds",
    "logo",
    "ageNotice",
    "images",
    "editor",
    "history",
    "standards",
    "demo",
  ],
  navigation: ["label", "url"],
  languages: ["code", "name", "tagline", "description", "navigation", "sections", "types", "donation", "newsletter"],
  "languages.navigation": ["label", "url"],
  "languages.sections": ["slug", "name", "description"],
  "languages.donation": ["heading", "text", "short", "button", "url", "variants"],
  "languages.donation.variants": ["name", "heading", "text", "short", "button"],
  "languages.newsletter": ["heading", "text", "button"],
  sections: ["name", "slug", "description", "tags", "folders"],
  ...DONATION_FIELDS,
  newsletter: NEWSLETTER_FIELDS,
  feeds: ["items"],
  ageNotice: ["enabled", "days"],
  ...IMAGES_FIELDS,
  editor: ["backend"],
  history: HISTORY_FIELDS,
  ...STANDARDS_FIELDS,
};

/**
 * The result of loading the config: the config with the line of every field (by path, such as
 * `standards.masthead` or `navigation.0.url`) for problems found later, or every problem found in it.
 */
export type ConfigResult = { ok: true; config: SiteConfig; lines: ReadonlyMap<string, number> } | { ok: false; diagnostics: Diagnostic[] };

/** Settings given outside the config file, which replace the file's. */
export interface ConfigOverrides {
  /**
   * The site's address, replacing `url` (CI sets it from the environment variable `TIDINGS_URL`,
   * e.g. to the address GitHub Pages reports). Validated like `url`; empty means not set.
   */
  url?: string | undefined;
}

/** The environment variable that replaces the config's `url` (read by the command line). */
export const URL_VARIABLE = "TIDINGS_URL";

/** Read and validate `tidings.config.yml` in `root`, with any overrides applied. */
export function loadConfig(root: string, overrides: ConfigOverrides = {}): ConfigResult {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    return {
      ok: false,
      diagnostics: [
        error("config/missing", CONFIG_FILE, "the site configuration file is missing", {
          fix: `Create ${CONFIG_FILE} at the project root with at least name, url and donation (see docs/configuration.md).`,
        }),
      ],
    };
  }
  const read = readTextFile(file, CONFIG_FILE);
  return read.ok ? parseConfig(read.text, overrides) : read;
}

/** Validate the text of a config file, with any overrides applied; every problem is reported at once. */
export function parseConfig(source: string, overrides: ConfigOverrides = {}): ConfigResult {
  const yaml = parseYaml(source.replace(/^\uFEFF/, ""), CONFIG_FILE);
  if (!yaml.ok) return { ok: false, diagnostics: yaml.diagnostics };
  const url = overrides.url?.trim();
  if (url) {
    if (!isHttpUrl(url)) {
      return {
        ok: false,
        diagnostics: [
          error(
            "config/url",
            CONFIG_FILE,
            `the ${URL_VARIABLE} environment variable, which replaces \`url\`, must be the site's web address starting with https://, got ${JSON.stringify(url)}`,
            {
              line: yaml.lines.get("url"),
              field: "url",
              fix: `Set ${URL_VARIABLE} to an address such as https://example.github.io/news, or unset it to use \`url\` from ${CONFIG_FILE}.`,
            },
          ),
        ],
      };
    }
    yaml.data["url"] = url;
  }
  const result = configSchema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return { ok: true, config: result.data, lines: yaml.lines };
  return {
    ok: false,
    diagnostics: issuesToDiagnostics(result.error.issues, {
      file: CONFIG_FILE,
      lines: yaml.lines,
      help: CONFIG_HELP,
      knownFields: CONFIG_FIELDS,
      codePrefix: "config",
      topLine: 1,
      kindOfFile: "the site configuration can",
    }),
  };
}
