import type { z } from "zod";
import { stringify } from "yaml";
import type { SiteConfig } from "../config/config.ts";
import { CONFIG_FILE } from "../content/config-file.ts";
import { articleSchema, authorSchema, pageSchema } from "../content/schemas.ts";
import { SLUG_PATTERN } from "../core/slugs.ts";
import { CONTENT_FOLDERS } from "../content/load-files.ts";
import { FRONTS_DIR, frontSchema, HOME_FRONT_FILE, LAYOUTS, MAX_LIMIT } from "../fronts/fronts.ts";

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
}

/** A folder collection of config.yml. */
export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  create: boolean;
  extension: "md";
  /** Tidings' front-matter format (templates/_assets/cms.js): YAML 1.2 core, short forms widened on load. */
  format: typeof CMS_FORMAT;
  slug: string;
  path?: string;
  identifier_field: string;
  summary: string;
  media_folder: string;
  public_folder: string;
  sortable_fields?: string[];
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
  collections: (CmsCollection | CmsFileCollection)[];
}

/** The name of the front-matter format templates/_assets/cms.js registers with Decap. */
export const CMS_FORMAT = "tidings-frontmatter";

/** The name of the YAML data format (fronts files) templates/_assets/cms.js registers with Decap. */
export const CMS_DATA_FORMAT = "tidings-yaml";

/** How many of the newest listed articles a pin offers by name; older ones can still be typed by file or address. */
export const PIN_SUGGESTIONS = 200;

/**
 * Fields whose short forms the editor's widgets cannot show, from the schemas: `oneOrMany` are
 * "a text or a list of texts" (`byline: Priya Raman`), widened to a list on load; `nameOrObject`
 * are lists whose items may be a plain text instead of an object (a source given by name), each
 * with the object key the text stands for. Decap's list widget fails on a string ("l.map is not
 * a function") and on an item that is not an object, so existing files must be widened first.
 */
export interface ShortForms {
  oneOrMany: string[];
  nameOrObject: Record<string, string>;
}

/** The short forms of every content schema (field names do not clash across kinds in a way that matters: authors and pages have none). */
export function shortForms(config: SiteConfig): ShortForms {
  const schemas = [articleSchema({ timeZone: config.timeZone, types: Object.keys(config.types) }), authorSchema, pageSchema];
  const forms: ShortForms = { oneOrMany: [], nameOrObject: {} };
  for (const schema of schemas) {
    for (const [name, field] of Object.entries(objectShape(schema) ?? {})) {
      const inner = unwrapOptional(field);
      const def = defOf(inner);
      if (def.type === "union") {
        const options = def["options"] as z.ZodType[];
        if (options.some((option) => defOf(option).type === "array") && options.some((option) => defOf(option).type !== "array")) forms.oneOrMany.push(name);
      } else if (def.type === "array") {
        const element = defOf(def["element"] as z.ZodType);
        const object = element.type === "union" ? (element["options"] as z.ZodType[]).find((option) => defOf(option).type === "object") : undefined;
        const firstKey = object ? Object.keys(objectShape(object) ?? {})[0] : undefined;
        if (firstKey !== undefined) forms.nameOrObject[name] = firstKey;
      }
    }
  }
  forms.oneOrMany = [...new Set(forms.oneOrMany)].sort();
  return forms;
}

function defOf(schema: z.ZodType): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  return def.type === "optional" ? unwrapOptional(def["innerType"] as z.ZodType) : schema;
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
type WidgetSpec = Omit<CmsField, "name" | "required" | "fields">;

/** The editor field for each schema field of each kind, by field path (`image.alt`, `sources.url`). */
type WidgetTable = Readonly<Record<string, WidgetSpec | ((input: CmsConfigInput) => WidgetSpec)>>;

// Dates are written as "2026-11-24 18:40" without an offset, which Tidings reads in the site's
// `timeZone` whatever the machine's zone. Decap's picker shows the browser's clock: the hint says which zone to mean.
const dateWidget =
  (label: string, hint: string) =>
  ({ config }: CmsConfigInput): WidgetSpec => ({
    label,
    widget: "datetime",
    format: "YYYY-MM-DD HH:mm",
    date_format: "YYYY-MM-DD",
    time_format: "HH:mm",
    picker_utc: false,
    hint: `${hint} In the site's time (${config.timeZone}).`,
  });

const slugWidget: WidgetSpec = {
  label: "Address (slug)",
  widget: "string",
  pattern: [SLUG_PATTERN.source, "Lowercase letters, digits and single hyphens, e.g. flood-wall-approved"],
  hint: "The last part of the address. Leave empty to use the file name.",
};

const ARTICLE_WIDGETS: WidgetTable = {
  title: { label: "Headline", widget: "string", hint: "Plain text." },
  date: dateWidget("Published", "First publication; a time in the future schedules the article."),
  byline: ({ authors }) => ({
    label: "Byline",
    widget: "list",
    min: 1,
    hint: "Who wrote it. Names with an author file are offered and link to the author's page.",
    field: { name: "name", label: "Name", widget: "suggest", suggestions: [...authors] },
  }),
  sources: { label: "Sources", widget: "list", collapsed: false, summary: "{{fields.name}}", hint: "The documents, reports and interviews the story rests on." },
  "sources.name": { label: "Source", widget: "string" },
  "sources.url": { label: "Link", widget: "string", pattern: ["^https?://[^\\s]+$", "A web address starting with https://"] },
  "sources.note": { label: "Note", widget: "string", hint: "e.g. Item 7, page 12" },
  tags: ({ tags }) => ({
    label: "Topics",
    widget: "list",
    hint: "Existing topics are offered; capital letters do not matter.",
    field: { name: "tag", label: "Topic", widget: "suggest", suggestions: [...tags] },
  }),
  summary: { label: "Standfirst", widget: "text", hint: "One or two sentences under the headline. Without it, the first paragraph is used." },
  updated: dateWidget("Updated", "The last substantive update, not before the publication date."),
  type: ({ config }) => ({
    label: "Type",
    widget: "select",
    options: Object.entries(config.types).map(([value, label]) => ({ label, value })),
    hint: `Shown as a label; the list is in ${CONFIG_FILE}. Empty means news.`,
  }),
  image: { label: "Lead image", widget: "object", collapsed: false },
  "image.src": { label: "Picture", widget: "image", choose_url: false, media_library: { config: { multiple: false } } },
  "image.alt": { label: "Description (alt text)", widget: "string", hint: "What the picture shows, for people who cannot see it: every picture needs one." },
  "image.caption": { label: "Caption", widget: "string" },
  "image.credit": { label: "Credit", widget: "string", hint: "Who took it." },
  corrections: { label: "Corrections", widget: "list", summary: "{{fields.date}}: {{fields.text}}", hint: "Shown on the article, newest first." },
  "corrections.date": dateWidget("Date", "When the correction was made."),
  "corrections.text": { label: "What was corrected", widget: "text" },
  draft: { label: "Draft", widget: "boolean", default: false, hint: "On: never published, whatever happens to this entry here." },
  donate: { label: "Donation block", widget: "boolean", default: true, hint: "Off hides the donation block on this article." },
  slug: slugWidget,
  expires: dateWidget("Leaves the lists on", "After this date the article leaves lists and feeds; its page stays."),
  // Decap refuses a select without options, so a site without sections gets a plain text field.
  section: ({ config }) =>
    config.sections.length === 0
      ? { label: "Section", widget: "string", hint: `The site has no sections yet (\`sections\` in ${CONFIG_FILE}); leave this empty.` }
      : {
          label: "Section",
          widget: "select",
          options: config.sections.map((section) => ({ label: section.name, value: section.name })),
          hint: `The section the article is filed in; the list is in ${CONFIG_FILE}. Empty: chosen from its folder, else its topics.`,
        },
  live: { label: "Live page", widget: "boolean", default: false, hint: "On: a live page of timestamped updates, newest first; start each update with a line like ::update{time=\"2026-12-02 14:05\" title=\"…\"}; add key=\"true\" to list it among the key events at the top." },
  ended: dateWidget("Live coverage ended", "When coverage closed; leave empty while it is live."),
  series: { label: "Series", widget: "string", hint: "The name of a series file in content/series/ (e.g. flood-inquiry), to show this article as one part of it." },
  part: { label: "Part", widget: "number", value_type: "int", min: 1, hint: "Its number in the series; leave empty to order the parts by date." },
};

const AUTHOR_WIDGETS: WidgetTable = {
  name: { label: "Name", widget: "string", hint: "As it appears in bylines." },
  role: { label: "Role", widget: "string", hint: "e.g. Local democracy reporter" },
  aliases: { label: "Other spellings", widget: "list", hint: "Other spellings used in bylines, e.g. P. Raman" },
  email: { label: "Email", widget: "string", pattern: ["^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "An email address"] },
  links: { label: "Links", widget: "list", summary: "{{fields.label}}" },
  "links.label": { label: "Link text", widget: "string" },
  "links.url": { label: "Address", widget: "string", pattern: ["^https?://[^\\s]+$", "A web address starting with https://"] },
  slug: slugWidget,
};

const PAGE_WIDGETS: WidgetTable = {
  title: { label: "Title", widget: "string" },
  summary: { label: "Summary", widget: "text" },
  slug: slugWidget,
  draft: { label: "Draft", widget: "boolean", default: false, hint: "On: never published." },
  donate: { label: "Donation block", widget: "boolean", default: false, hint: "On shows the donation block on this page." },
};

const FRONT_WIDGETS: WidgetTable = {
  title: { label: "Page heading", widget: "string", hint: "Shown at the top of the page. Empty: “Top stories” on the home page, the section's name on its page." },
  containers: {
    label: "Containers",
    widget: "list",
    collapsed: true,
    summary: "{{fields.title}} ({{fields.layout}})",
    hint: "From the top of the page down; drag a container to move it. An article appears once per page, in the first container that takes it.",
  },
  "containers.title": { label: "Heading", widget: "string" },
  "containers.showTitle": { label: "Show the heading to readers", widget: "boolean", default: true, hint: "Off for a lead story: its heading then names it for screen readers only." },
  "containers.layout": {
    label: "Layout",
    widget: "select",
    options: [
      { label: "Lead story (one big card)", value: "lead" },
      { label: "Row of cards", value: "row" },
      { label: "List of headlines", value: "list" },
    ] satisfies { label: string; value: (typeof LAYOUTS)[number] }[],
  },
  "containers.pinned": ({ articles = [] }) => ({
    label: "Pinned articles",
    widget: "list",
    hint: "Shown first, in this order; drag to reorder. Pick a recent article by its headline, or type any article's file (content/articles/…/name.md) or address.",
    field: {
      name: "article",
      label: "Article",
      widget: "suggest",
      suggestions: articles.slice(0, PIN_SUGGESTIONS).map((article) => ({ value: article.file, label: article.title })),
    },
  }),
  "containers.backfill": {
    label: "Fill the rest with",
    widget: "object",
    collapsed: false,
    hint: "The newest articles matching every rule filled in, until the container holds “How many”. Leave it empty to show just the pins.",
  },
  "containers.backfill.section": ({ config }) =>
    config.sections.length === 0
      ? { label: "Section", widget: "string", hint: `The site has no sections yet (\`sections\` in ${CONFIG_FILE}); leave this empty.` }
      : { label: "Section", widget: "select", options: config.sections.map((section) => ({ label: section.name, value: section.name })) },
  "containers.backfill.tag": ({ tags }) => ({ label: "Topic", widget: "suggest", suggestions: [...tags] }),
  "containers.backfill.type": ({ config }) => ({
    label: "Type",
    widget: "select",
    options: Object.entries(config.types).map(([value, label]) => ({ label, value })),
  }),
  "containers.backfill.limit": {
    label: "How many",
    widget: "number",
    value_type: "int",
    min: 0,
    max: MAX_LIMIT,
    hint: `Articles in the container in all, pins included (up to ${MAX_LIMIT}).`,
  },
};

/**
 * The Fronts collection: the home page's front and one per section, each at its fixed file, with
 * fields generated from the fronts schema like the articles' from theirs.
 */
export function frontsCollection(input: CmsConfigInput): CmsFileCollection {
  const fields = editorFields(frontSchema, FRONT_WIDGETS, input, "front");
  const fronts = [
    { name: "home", label: "Home page", file: HOME_FRONT_FILE },
    ...input.config.sections.map((section) => ({ name: `section-${section.slug}`, label: `${section.name} page`, file: `${FRONTS_DIR}/${section.slug}.yml` })),
  ];
  return {
    name: "fronts",
    label: "Fronts",
    format: CMS_DATA_FORMAT,
    extension: "yml",
    // Decap's generic preview of a list of containers says less than the form itself.
    editor: { preview: false },
    files: fronts.map((front) => ({ ...front, fields })),
  };
}

/** The Decap CMS config for a site: collections for articles, authors, pages and fronts, their fields generated from the zod schemas. */
export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const { config } = input;
  const schemaOptions = { timeZone: config.timeZone, types: Object.keys(config.types) };
  const folder = (kind: keyof typeof CONTENT_FOLDERS) => `content/${CONTENT_FOLDERS[kind]}`;
  const cms: CmsConfig = {
    backend: config.editor?.backend ?? { name: "git-gateway" },
    publish_mode: "editorial_workflow",
    // Pictures sit beside the articles that use them (docs/editors.md, "Images"); this is only the
    // fallback for media added outside a collection.
    // A template literal: a quoted "content/…" string reads as a diagnostic code to the guide's test.
    media_folder: `content/images`,
    public_folder: "images",
    site_url: config.url,
    display_url: config.url,
    locale: "en",
    // Close to `npm run new`'s slug rules (src/core/slugs.ts): lowercase ASCII, accents dropped, hyphens.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "articles",
        label: "Articles",
        label_singular: "Article",
        folder: folder("article"),
        create: true,
        extension: "md",
        format: CMS_FORMAT,
        // As `npm run new`: content/articles/<year>/<slug from the headline>.md.
        path: "{{year}}/{{slug}}",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}} ({{date}})",
        // Relative to the article's folder: content/articles/<year>/images/, referred to as images/photo.jpg.
        media_folder: "images",
        public_folder: "images",
        sortable_fields: ["date", "title"],
        fields: [...editorFields(articleSchema(schemaOptions), ARTICLE_WIDGETS, input, "article"), bodyField("Story")],
      },
      {
        name: "authors",
        label: "Authors",
        label_singular: "Author",
        folder: folder("author"),
        create: true,
        extension: "md",
        format: CMS_FORMAT,
        slug: "{{name}}",
        identifier_field: "name",
        summary: "{{name}}",
        media_folder: "images",
        public_folder: "images",
        fields: [...editorFields(authorSchema, AUTHOR_WIDGETS, input, "author"), bodyField("Bio")],
      },
      {
        name: "pages",
        label: "Pages",
        label_singular: "Page",
        folder: folder("page"),
        create: true,
        extension: "md",
        format: CMS_FORMAT,
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}}",
        media_folder: "images",
        public_folder: "images",
        fields: [...editorFields(pageSchema, PAGE_WIDGETS, input, "page"), bodyField("Text")],
      },
      frontsCollection(input),
    ],
  };
  if (input.localBackendUrl !== undefined) cms.local_backend = { url: input.localBackendUrl };
  if (config.logo?.startsWith("/")) cms.logo_url = config.logo;
  return cms;
}

/** config.yml's text: a note on where it comes from, then the config. */
export function renderCmsConfig(cms: CmsConfig): string {
  return `# Generated by Tidings from src/content/schemas.ts and ${CONFIG_FILE} on every build: do not edit.\n${stringify(cms, { lineWidth: 0 })}`;
}

/**
 * The editor fields of one front-matter schema, in its order: the widget from the table, and
 * `required` and nested fields from the schema itself. A schema field the table does not cover
 * throws, so a field added to a schema cannot be forgotten in the editor.
 */
export function editorFields(
  schema: z.ZodType,
  widgets: WidgetTable,
  input: CmsConfigInput,
  kind: string,
  prefix = "",
  inOptionalObject = false,
): CmsField[] {
  const shape = objectShape(schema);
  if (!shape) throw new Error(`the ${kind} schema${prefix ? ` at \`${prefix}\`` : ""} is not an object`);
  return Object.entries(shape).map(([name, fieldSchema]) => {
    const key = prefix === "" ? name : `${prefix}.${name}`;
    const entry = widgets[key];
    if (!entry) throw new Error(`the ${kind} field \`${key}\` has no editor field: add it to the widget table in src/admin/cms-config.ts`);
    const spec = typeof entry === "function" ? entry(input) : entry;
    const required = !fieldSchema.safeParse(undefined).success;
    const field: CmsField = { name, required: required && !inOptionalObject, ...spec };
    // Decap checks the required fields of an object even when the object itself is optional and
    // left empty (an article without a lead image could not be saved), so inside an optional
    // object they are marked optional in the editor and the hint says when they are needed;
    // Tidings' own check still refuses an image without `alt`. Items of a list are only checked
    // when they exist, so they keep `required`.
    if (required && inOptionalObject) field.hint = [spec.hint, "Required when this part is filled in."].filter(Boolean).join(" ");
    const nested = spec.field === undefined && (spec.widget === "object" || spec.widget === "list") ? objectInside(fieldSchema) : undefined;
    if (nested) field.fields = editorFields(nested, widgets, input, kind, key, spec.widget === "object" && !required);
    return field;
  });
}

function bodyField(label: string): CmsField {
  return { name: "body", label, widget: "markdown", required: false, hint: "A line starting with ## is a subhead." };
}

/** The shape of an object schema (zod 4 internals: `def.shape`), else undefined. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType> } } })._zod.def;
  return def.type === "object" ? def.shape : undefined;
}

/**
 * The object schema a field holds, through optional, array, pipe and union wrappers: the image
 * object, a source object (the union's other member is a plain name), a correction, a link.
 */
export function objectInside(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return schema;
    case "optional":
    case "default":
    case "nullable":
      return objectInside(def["innerType"] as z.ZodType);
    case "array":
      return objectInside(def["element"] as z.ZodType);
    case "pipe":
      return objectInside(def["in"] as z.ZodType);
    case "union":
      return (def["options"] as z.ZodType[]).map(objectInside).find((found) => found !== undefined);
    default:
      return undefined;
  }
}
