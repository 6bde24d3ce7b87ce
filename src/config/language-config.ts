import { inLanguage, siteLanguages, type SiteLanguage } from "../i18n/site-languages.ts";
import type { SiteConfig } from "./config.ts";

/** The languages a config publishes in, main first (see siteLanguages). */
export function configLanguages(config: SiteConfig): SiteLanguage[] {
  return siteLanguages(config.language, config.languages);
}

/**
 * The settings as a language's part of the site sees them: its tag as `language`, its own copy
 * where `languages` gives it (tagline, description, menu, section names, type labels, the ask's and
 * the newsletter's words), the main language's everywhere else, and its sections at `/<code>/<slug>/`.
 * The main language's settings are the config itself. Where the language gives no menu or
 * donation page of its own, the main one's links lead to their `counterpart` in its part where it has one.
 */
export function languageConfig(config: SiteConfig, language: SiteLanguage, counterpart: (sitePath: string) => string | undefined = () => undefined): SiteConfig {
  if (language.main) return config;
  const own = config.languages.find((entry) => entry.code.toLowerCase() === language.code);
  // A link of the main language's menu or ask leads to the same page in this language where it has one (`/about/` → `/cy/about/`).
  const local = (url: string) => (url.startsWith("/") && !url.startsWith("//") ? (counterpart(url) ?? url) : url);
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
  };
}

// An override leaves a setting alone where it does not say it.
function override<T extends object>(base: T, overrides: { [K in keyof T]?: T[K] | undefined }): T {
  const result = { ...base };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  return result;
}
