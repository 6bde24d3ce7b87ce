import { inLanguage, siteLanguages, type SiteLanguage } from "../i18n/site-languages.ts";
import type { SiteConfig } from "./config.ts";
import { STANDARD_POLICIES, type StandardsSettings } from "./standards-schema.ts";

/** The languages a config publishes in, main first (see siteLanguages). */
export function configLanguages(config: SiteConfig): SiteLanguage[] {
  return siteLanguages(config.language, config.languages);
}

/**
 * The settings as a language's part of the site sees them: its tag as `language`, its own copy
 * where `languages` gives it (tagline, description, menu, section names, type labels, the ask's and
 * the newsletter's words), the main language's everywhere else, and its sections at `/<code>/<slug>/`.
 * The main language's settings are the config itself. Where the language gives no menu or
 * donation page of its own, the main one's links lead to their `counterpart` in its part where it
 * has one; so do the newsroom's standards.
 */
export function languageConfig(config: SiteConfig, language: SiteLanguage, counterpart: (sitePath: string) => string | undefined = () => undefined): SiteConfig {
  if (language.main) return config;
  const own = config.languages.find((entry) => entry.code.toLowerCase() === language.code);
  // A link of the main language's menu or ask leads to the same page in this language where it has one (`/about/` → `/cy/about/`).
  const local = (url: string) => {
    if (!url.startsWith("/") || url.startsWith("//")) return url;
    // A section of a page (`/about/#contact`) is the same section of its counterpart.
    const hash = url.indexOf("#");
    const page = hash === -1 ? url : url.slice(0, hash);
    const found = counterpart(page);
    return found === undefined ? url : `${found}${hash === -1 ? "" : url.slice(hash)}`;
  };
  const donation = own?.donation;
  return {
    ...config,
    language: language.tag,
    ...override({ tagline: config.tagline, description: config.description }, { tagline: own?.tagline, description: own?.description }),
    navigation: own?.navigation ?? config.navigation.map((item) => ({ ...item, url: local(item.url) })),
    sections: config.sections.map((section) => {
      const named = own?.sections?.find((entry) => entry.slug === section.slug);
      return { ...override(section, { name: named?.name, description: named?.description }), url: inLanguage(language.base, `/${section.slug}/`) };
    }),
    types: { ...config.types, ...own?.types },
    donation: {
      ...override(config.donation, { heading: donation?.heading, text: donation?.text, short: donation?.short, button: donation?.button, url: donation?.url ?? local(config.donation.url) }),
      variants: config.donation.variants.map((variant) => {
        const named = donation?.variants?.find((entry) => entry.name === variant.name);
        return override(variant, { heading: named?.heading, text: named?.text, short: named?.short, button: named?.button });
      }),
    },
    ...(config.newsletter === undefined ? {} : { newsletter: override(config.newsletter, own?.newsletter ?? {}) }),
    ...(config.standards === undefined ? {} : { standards: localStandards(config.standards, local) }),
  };
}

// The language's own version of each policy page, where it has one; the report channel is the newsroom's in every language.
function localStandards(standards: StandardsSettings, local: (url: string) => string): StandardsSettings {
  const result: StandardsSettings = { ...standards };
  for (const policy of STANDARD_POLICIES) {
    const address = standards[policy];
    if (address !== undefined) result[policy] = local(address);
  }
  return result;
}

// An override leaves a setting alone where it does not say it.
function override<T extends object>(base: T, overrides: { [K in keyof T]?: T[K] | undefined }): T {
  const result = { ...base };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  return result;
}
