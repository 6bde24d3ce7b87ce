import type { z } from "zod";
import { stringify } from "yaml";
import type { SiteConfig } from "../config/config.ts";
import { CONFIG_FILE } from "../content/config-file.ts";
import { articleSchema, authorSchema, pageSchema } from "../content/schemas.ts";
import { CONTENT_FOLDERS } from "../content/load-files.ts";
import { FRONTS_DIR, frontSchema, HOME_FRONT_FILE } from "../fronts/fronts.ts";
import {
  CMS_DATA_FORMAT,
  CMS_FORMAT,
  CMS_TRANSLATED_FORMAT,
  PIN_SUGGESTIONS,
  type CmsCollection,
  type CmsConfig,
  type CmsConfigInput,
  type CmsField,
  type CmsFile,
  type CmsFileCollection,
  type TranslationTable,
  type WidgetTable,
} from "./cms-types.ts";
import { ARTICLE_TRANSLATION, cmsI18n, PAGE_TRANSLATION, translatedFields } from "./cms-translation.ts";
import { ARTICLE_WIDGETS, AUTHOR_WIDGETS, FRONT_WIDGETS, PAGE_WIDGETS } from "./cms-widgets.ts";

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

/** The short forms of every content schema (field names do not clash across kinds in a way that matters: an author's `knowsAbout` is the only one outside articles). */
export function shortForms(config: SiteConfig): ShortForms {
  const schemas = [articleSchema({ timeZone: config.timeZone, types: Object.keys(config.types) }), authorSchema, pageSchema];
  const forms: ShortForms = { oneOrMany: [], nameOrObject: {} };
  for (const schema of schemas) {
    for (const [name, field] of Object.entries(objectShape(schema) ?? {})) {
      const inner = unwrapOptional(field);
      const def = defOf(inner);
      if (def.type === "union") {
        const options = def["options"] as z.ZodType[];
        if (options.some((option) => defOf(option).type === "array") && options.some((option) => defOf(option).type !== "array"))
          forms.oneOrMany.push(name);
      } else if (def.type === "array") {
        const element = defOf(def["element"] as z.ZodType);
        const object =
          element.type === "union" ? (element["options"] as z.ZodType[]).find((option) => defOf(option).type === "object") : undefined;
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

/**
 * The Fronts collection: the home page's front and one per section, each at its fixed file, with
 * fields generated from the fronts schema like the articles' from theirs.
 */
export function frontsCollection(input: CmsConfigInput): CmsFileCollection {
  const fields = editorFields(frontSchema, FRONT_WIDGETS, input, "front");
  const fronts = [
    { name: "home", label: "Home page", file: HOME_FRONT_FILE },
    ...input.config.sections.map((section) => ({
      name: `section-${section.slug}`,
      label: `${section.name} page`,
      file: `${FRONTS_DIR}/${section.slug}.yml`,
    })),
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

/**
 * The Decap CMS config for a site: collections for articles, authors, pages and fronts, their
 * fields generated from the zod schemas. A site of several languages has articles and pages
 * translated side by side (Decap's `i18n`: `flood.cy.md` beside `flood.en-gb.md`); authors keep one
 * file each, and fronts are a file collection, which Decap translates only within one file.
 */
export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const { config } = input;
  const schemaOptions = { timeZone: config.timeZone, types: Object.keys(config.types) };
  const folder = (kind: keyof typeof CONTENT_FOLDERS) => `content/${CONTENT_FOLDERS[kind]}`;
  const i18n = cmsI18n(config);
  // A translated collection: its own format, `i18n: true` and every field's `i18n`; otherwise as it always was.
  const format = i18n === undefined ? CMS_FORMAT : CMS_TRANSLATED_FORMAT;
  const translated = (fields: CmsField[], table: TranslationTable, kind: string): Pick<CmsCollection, "i18n" | "fields"> =>
    i18n === undefined ? { fields } : { i18n: true, fields: translatedFields(fields, table, kind) };
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
    ...(i18n === undefined ? {} : { i18n }),
    collections: [
      {
        name: "articles",
        label: "Articles",
        label_singular: "Article",
        folder: folder("article"),
        create: true,
        extension: "md",
        format,
        // As `npm run new`: content/articles/<year>/<slug from the headline>.md.
        path: "{{year}}/{{slug}}",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}} ({{date}})",
        // Relative to the article's folder: content/articles/<year>/images/, referred to as images/photo.jpg.
        media_folder: "images",
        public_folder: "images",
        sortable_fields: ["date", "title"],
        ...translated(
          [...editorFields(articleSchema(schemaOptions), ARTICLE_WIDGETS, input, "article"), bodyField("Story")],
          ARTICLE_TRANSLATION,
          "article",
        ),
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
        format,
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}}",
        media_folder: "images",
        public_folder: "images",
        ...translated([...editorFields(pageSchema, PAGE_WIDGETS, input, "page"), bodyField("Text")], PAGE_TRANSLATION, "page"),
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
