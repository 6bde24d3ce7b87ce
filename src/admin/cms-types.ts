import type { SiteConfig } from "../config/config.ts";

/** The name of the front-matter format templates/_assets/cms.js registers with Decap. */
export const CMS_FORMAT = "tidings-frontmatter";

/**
 * The front-matter format of a translated collection (articles and pages of a site of several
 * languages): `tidings-frontmatter`, except that a language with no title is written as an empty
 * file (templates/_assets/cms.js says why).
 */
export const CMS_TRANSLATED_FORMAT = "tidings-frontmatter-translated";

/** The name of the YAML data format (fronts files) templates/_assets/cms.js registers with Decap. */
export const CMS_DATA_FORMAT = "tidings-yaml";

/** How many of the newest listed articles a pin offers by name; older ones can still be typed by file or address. */
export const PIN_SUGGESTIONS = 200;

/**
 * One field of a Decap CMS collection, as config.yml spells it. Only the keys Tidings uses are
 * typed; `suggestions` belongs to Tidings' own `suggest` widget (templates/_assets/cms.js).
 */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: { label: string; value: string }[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  min?: number;
  value_type?: "int" | "float";
  pattern?: [string, string];
  format?: string;
  date_format?: string;
  time_format?: string;
  picker_utc?: boolean;
  /** The values a `suggest` field offers: plain texts, or a value with the label shown beside it (a pinned file and its headline). */
  suggestions?: (string | { value: string; label: string })[];
  max?: number;
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
  media_library?: { config: { multiple: boolean } };
  /** In a translated collection: its own value in each language (true), the main language's copied to each (`duplicate`), or only in the main language's file (false). */
  i18n?: FieldTranslation;
}

/** Decap's field-level `i18n`, as its documentation writes it (Decap reads true as `translate` and false as `none`). */
export type FieldTranslation = true | "duplicate" | false;

/**
 * Decap's side-by-side translation (its top-level `i18n`): one file per language beside the
 * original, `<slug>.<code>.md`, every language's included (Decap has no setting that writes the
 * default locale's file without its code).
 */
export interface CmsI18n {
  structure: "multiple_files";
  /** The languages' codes (SiteLanguage.code: `en-gb`, `cy`), the main language first. */
  locales: string[];
  default_locale: string;
}

/** A folder collection of config.yml. */
export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  create: boolean;
  extension: "md";
  /** Tidings' front-matter format (templates/_assets/cms.js): YAML 1.2 core, short forms widened on load; its translated variant for a translated collection. */
  format: typeof CMS_FORMAT | typeof CMS_TRANSLATED_FORMAT;
  slug: string;
  path?: string;
  identifier_field: string;
  summary: string;
  media_folder: string;
  public_folder: string;
  sortable_fields?: string[];
  /** Side-by-side translation with the top-level settings, when the site has further languages. */
  i18n?: true;
  fields: CmsField[];
}

/** One file of a file collection: a front, at its fixed path. */
export interface CmsFile {
  name: string;
  label: string;
  file: string;
  fields: CmsField[];
}

/**
 * A file collection of config.yml: a fixed list of files (the fronts: home.yml and one per
 * section), since a front's file name must be `home` or a section's slug and a folder collection
 * would let an editor create one under any name.
 */
export interface CmsFileCollection {
  name: string;
  label: string;
  /** Tidings' YAML data format (templates/_assets/cms.js): YAML 1.2 core, empty fields left out. */
  format: typeof CMS_DATA_FORMAT;
  extension: "yml";
  editor: { preview: boolean };
  files: CmsFile[];
}

/** The whole config.yml. */
export interface CmsConfig {
  backend: Record<string, string | number | boolean>;
  local_backend?: { url: string };
  publish_mode: "editorial_workflow";
  media_folder: string;
  public_folder: string;
  site_url: string;
  display_url: string;
  logo_url?: string;
  locale: string;
  slug: { encoding: "ascii"; clean_accents: true; sanitize_replacement: "-" };
  /** Only for a site of several languages. */
  i18n?: CmsI18n;
  collections: (CmsCollection | CmsFileCollection)[];
}

/** What the generated config depends on besides the schemas. */
export interface CmsConfigInput {
  config: SiteConfig;
  /** Names (with aliases) of the author files, offered in bylines. */
  authors: readonly string[];
  /** Every tag in use, offered in tags. */
  tags: readonly string[];
  /** The newest listed articles (file and headline), offered as pins on the fronts; at most PIN_SUGGESTIONS are used. */
  articles?: readonly { file: string; title: string }[];
  /** The decap-server address when the editor works against the working copy (the preview); absent in production. */
  localBackendUrl?: string | undefined;
}

/** How one schema field is edited: everything but `name` and `required`, which come from the schema. */
export type WidgetSpec = Omit<CmsField, "name" | "required" | "fields" | "i18n">;

/** The editor field for each schema field of each kind, by field path (`image.alt`, `sources.url`). */
export type WidgetTable = Readonly<Record<string, WidgetSpec | ((input: CmsConfigInput) => WidgetSpec)>>;

/**
 * How each field of a translated collection behaves across languages, by field path: a Decap
 * field-level `i18n`; `{ hidden }` for a field the file's name already says in the side-by-side
 * editor (`language`, `translationKey`), kept in the file but not shown, with its `i18n`.
 */
export type TranslationTable = Readonly<Record<string, FieldTranslation | { hidden: FieldTranslation }>>;
