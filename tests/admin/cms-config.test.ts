import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { z } from "zod";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { cmsConfig, editorFields, frontsCollection, renderCmsConfig, shortForms } from "../../src/admin/cms-config.ts";
import { ARTICLE_TRANSLATION, translatedFields } from "../../src/admin/cms-translation.ts";
import { CMS_DATA_FORMAT, CMS_FORMAT, CMS_TRANSLATED_FORMAT, PIN_SUGGESTIONS, type CmsConfig, type CmsField } from "../../src/admin/cms-types.ts";
import { EDITOR_FOLDER } from "../../src/admin/content-path.ts";
import { EDITOR_SCRIPT } from "../../src/admin/editor-files.ts";
import { parseConfig, type SiteConfig } from "../../src/config/config.ts";
import { configLanguages } from "../../src/config/language-config.ts";
import { fileLanguage } from "../../src/i18n/site-languages.ts";
import { ARTICLE_FIELDS, AUTHOR_FIELDS, PAGE_FIELDS, text } from "../../src/content/schemas.ts";
import { SLUG_PATTERN } from "../../src/core/slugs.ts";
import { FRONT_FIELDS, LAYOUTS, MAX_LIMIT, parseFront, type FrontSpec } from "../../src/fronts/fronts.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

function siteConfig(extra = ""): SiteConfig {
  const parsed = parseConfig(
    `name: The Gazette\nurl: https://gazette.example.org\ntimeZone: Europe/London\ntypes: { news: News, analysis: Analysis }\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\n${extra}`,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.config;
}

const input = { config: siteConfig(), authors: ["Priya Raman", "Owen Halloran"], tags: ["Council", "River"] };
const cms = cmsConfig(input);
const collection = (name: string) => {
  const found = cms.collections.find((candidate) => candidate.name === name);
  if (!found || !("folder" in found)) throw new Error(`no ${name} folder collection`);
  return found;
};

/** Every editor field name by path, as the "did you mean" tables list schema fields: "" → top level, "image" → its fields. */
function fieldTable(fields: readonly CmsField[], prefix = "", table: Record<string, string[]> = {}): Record<string, string[]> {
  table[prefix] = fields.map((field) => field.name).filter((name) => !(prefix === "" && name === "body"));
  for (const field of fields) if (field.fields) fieldTable(field.fields, prefix === "" ? field.name : `${prefix}.${field.name}`, table);
  return table;
}

function field(fields: readonly CmsField[], dotted: string): CmsField {
  const [head, ...rest] = dotted.split(".");
  const found = fields.find((candidate) => candidate.name === head);
  if (!found) throw new Error(`no editor field ${dotted}`);
  return rest.length === 0 ? found : field(found.fields ?? [], rest.join("."));
}

describe("cmsConfig", () => {
  it("has an editor field for every schema field of articles, authors and pages, nested ones included, and no other", () => {
    expect(fieldTable(collection("articles").fields)).toEqual(ARTICLE_FIELDS);
    expect(fieldTable(collection("authors").fields)).toEqual(AUTHOR_FIELDS);
    expect(fieldTable(collection("pages").fields)).toEqual(PAGE_FIELDS);
    for (const name of ["articles", "authors", "pages"]) expect(collection(name).fields.at(-1)).toMatchObject({ name: "body", widget: "markdown" });
  });

  it("refuses a schema field that has no editor field, naming it", () => {
    const grown = z.strictObject({ title: text, kicker: text.optional() });
    expect(() => editorFields(grown, { title: { label: "Headline", widget: "string" } }, input, "article")).toThrow(
      "the article field `kicker` has no editor field: add it to the widget table in src/admin/cms-config.ts",
    );
  });

  it("marks the schema's required fields as required, except inside an optional object", () => {
    const articles = collection("articles").fields;
    const required = (fields: readonly CmsField[]) => fields.filter((candidate) => candidate.required).map((candidate) => candidate.name);
    expect(required(articles)).toEqual(["title", "date", "byline"]);
    // Decap would refuse to save an article without a lead image if the parts of the optional image were required.
    expect(required(field(articles, "image").fields ?? [])).toEqual([]);
    for (const name of ["image.src", "image.alt"]) expect(field(articles, name).hint, name).toContain("Required when this part is filled in.");
    expect(required(field(articles, "sources").fields ?? [])).toEqual(["name"]);
    expect(required(field(articles, "corrections").fields ?? [])).toEqual(["date", "text"]);
    expect(required(collection("authors").fields)).toEqual(["name"]);
  });

  it("gives each field the widget that matches it", () => {
    const articles = collection("articles").fields;
    for (const name of ["date", "updated", "expires", "corrections.date"]) {
      expect(field(articles, name), name).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD HH:mm", picker_utc: false });
      expect(field(articles, name).hint, name).toContain("Europe/London");
    }
    expect(field(articles, "byline")).toMatchObject({ widget: "list", min: 1, field: { widget: "suggest", suggestions: ["Priya Raman", "Owen Halloran"] } });
    expect(field(articles, "tags")).toMatchObject({ widget: "list", field: { widget: "suggest", suggestions: ["Council", "River"] } });
    expect(field(articles, "sources")).toMatchObject({ widget: "list" });
    expect(field(articles, "sources.url").pattern?.[0]).toBe("^https?://[^\\s]+$");
    expect(field(articles, "image")).toMatchObject({ widget: "object", required: false });
    expect(field(articles, "image.src")).toMatchObject({ widget: "image" });
    expect(field(articles, "image.alt")).toMatchObject({ widget: "string" });
    expect(field(articles, "corrections")).toMatchObject({ widget: "list" });
    expect(field(articles, "type")).toMatchObject({ widget: "select", options: [{ label: "News", value: "news" }, { label: "Analysis", value: "analysis" }] });
    expect(field(articles, "draft")).toMatchObject({ widget: "boolean" });
    expect(field(articles, "slug").pattern?.[0]).toBe(SLUG_PATTERN.source);
    expect(field(collection("authors").fields, "aliases")).toMatchObject({ widget: "list" });
    expect(field(collection("authors").fields, "aliases").fields).toBeUndefined();
  });

  it("files articles as npm run new does, with pictures beside them as articles refer to them", () => {
    expect(collection("articles")).toMatchObject({
      folder: "content/articles",
      path: "{{year}}/{{slug}}",
      slug: "{{slug}}",
      media_folder: "images",
      public_folder: "images",
      format: "tidings-frontmatter",
      extension: "md",
    });
    expect(collection("authors")).toMatchObject({ folder: "content/authors", identifier_field: "name" });
    expect(collection("pages")).toMatchObject({ folder: "content/pages" });
    expect(cms.slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
  });

  it("turns the editorial workflow on, and uses the local backend only when told its address", () => {
    expect(cms.publish_mode).toBe("editorial_workflow");
    expect(cms.local_backend).toBeUndefined();
    expect(cmsConfig({ ...input, localBackendUrl: "http://127.0.0.1:8081/api/v1" }).local_backend).toEqual({ url: "http://127.0.0.1:8081/api/v1" });
  });

  it("commits through the backend named in the config's editor section", () => {
    const config = siteConfig("editor:\n  backend: { name: github, repo: gazette/site, branch: main, base_url: https://auth.gazette.example.org }\n");
    expect(cmsConfig({ ...input, config }).backend).toEqual({ name: "github", repo: "gazette/site", branch: "main", base_url: "https://auth.gazette.example.org" });
  });

  it("writes YAML that reads back as the same config, marked as generated", () => {
    const yaml = renderCmsConfig(cms);
    expect(yaml.split("\n")[0]).toMatch(/^# Generated by Tidings/);
    expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(cms)));
  });
});

describe("the editor section of tidings.config.yml", () => {
  it("needs the backend's name", () => {
    const parsed = parseConfig("name: G\nurl: https://g.example.org\ndonation: { heading: G, text: G, button: G, url: /d/ }\neditor:\n  backend: { repo: a/b }\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics.map((d) => [d.code, d.field, d.line])).toEqual([["config/editor", "editor.backend", 5]]);
  });
});

describe("shortForms", () => {
  it("finds, from the schemas, the fields an editor may write as one text and the list items that may be a plain name", () => {
    expect(shortForms(siteConfig())).toEqual({ oneOrMany: ["byline", "knowsAbout", "tags"], nameOrObject: { sources: "name" } });
  });
});

const sectioned = siteConfig("sections:\n  - { name: News }\n  - { name: Politics, slug: politics }\n");
const articles = Array.from({ length: PIN_SUGGESTIONS + 5 }, (_, index) => ({ file: `content/articles/2026/story-${index}.md`, title: `Story ${index}` }));
const fronts = frontsCollection({ config: sectioned, authors: [], tags: ["Council", "River"], articles });
const frontFields = fronts.files[0]?.fields ?? [];

interface DataFormat {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

/** A format of templates/_assets/cms.js exactly as the editor runs it, with a stand-in for Decap's registry and js-yaml's own package. */
function editorFormat(name: string): DataFormat {
  const formats = new Map<string, DataFormat>();
  const noop = () => undefined;
  runInNewContext(readFileSync(EDITOR_SCRIPT, "utf8"), {
    document: { currentScript: null },
    jsyaml: createRequire(import.meta.url)("js-yaml"),
    h: noop,
    createClass: (spec: unknown) => spec,
    CMS: { registerCustomFormat: (name: string, _extension: string, format: DataFormat) => formats.set(name, format), registerPreviewStyle: noop, registerWidget: noop, registerPreviewTemplate: noop },
  });
  const format = formats.get(name);
  if (!format) throw new Error(`cms.js registers no ${name} format`);
  return format;
}

/** The `tidings-yaml` format of the fronts. */
const editorDataFormat = () => editorFormat(CMS_DATA_FORMAT);

const validate = (text: string, file = "content/fronts/home.yml") => {
  const parsed = parseFront(text, file);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.front?.spec as FrontSpec;
};

describe("the Fronts collection of the web editor", () => {
  it("has an editor field for every field of the fronts schema, nested ones included, and no other", () => {
    expect(fieldTable(frontFields)).toEqual(FRONT_FIELDS);
  });

  it("offers the home page's front and one per section, each at the file the build reads, in the YAML format of cms.js", () => {
    expect(fronts.files.map((file) => [file.name, file.label, file.file])).toEqual([
      ["home", "Home page", "content/fronts/home.yml"],
      ["section-news", "News page", "content/fronts/news.yml"],
      ["section-politics", "Politics page", "content/fronts/politics.yml"],
    ]);
    expect(fronts).toMatchObject({ name: "fronts", format: "tidings-yaml", extension: "yml" });
    expect(cmsConfig({ config: sectioned, authors: [], tags: [] }).collections.map((collection) => collection.name)).toEqual(["articles", "authors", "pages", "fronts"]);
  });

  it("edits containers as a list with the schema's layouts, pins and backfill rule", () => {
    expect(field(frontFields, "containers")).toMatchObject({ widget: "list", required: true });
    expect(field(frontFields, "containers.title")).toMatchObject({ widget: "string", required: true });
    expect(field(frontFields, "containers.layout").options?.map((option) => option.value)).toEqual([...LAYOUTS]);
    expect(field(frontFields, "containers.layout").required).toBe(true);
    expect(field(frontFields, "containers.pinned")).toMatchObject({ widget: "list", required: false, field: { widget: "suggest" } });
    // Pins offer the newest articles by headline, the file as the value the build resolves.
    const suggestions = field(frontFields, "containers.pinned").field?.suggestions ?? [];
    expect(suggestions).toHaveLength(PIN_SUGGESTIONS);
    expect(suggestions[0]).toEqual({ value: "content/articles/2026/story-0.md", label: "Story 0" });
    expect(field(frontFields, "containers.backfill")).toMatchObject({ widget: "object", required: false });
    expect(field(frontFields, "containers.backfill.section").options?.map((option) => option.value)).toEqual(["News", "Politics"]);
    expect(field(frontFields, "containers.backfill.type").options?.map((option) => option.value)).toEqual(["news", "analysis"]);
    expect(field(frontFields, "containers.backfill.tag")).toMatchObject({ widget: "suggest", suggestions: ["Council", "River"] });
    // A number widget writes text unless told `int`; the schema wants a whole number up to MAX_LIMIT.
    expect(field(frontFields, "containers.backfill.limit")).toMatchObject({ widget: "number", value_type: "int", min: 0, max: MAX_LIMIT, required: false });
  });

  it("reads and writes back every sample front as the same front", () => {
    const format = editorDataFormat();
    for (const name of ["home", "news", "politics"]) {
      const file = `content/fronts/${name}.yml`;
      const text = readFileSync(path.join(REPOSITORY, file), "utf8");
      expect(validate(format.toFile(format.fromFile(text), ["title", "containers"]), file), file).toEqual(validate(text, file));
    }
  });

  it("writes a front an editor reordered, pinned and cleared in the form as a file the build accepts", () => {
    const format = editorDataFormat();
    const data = format.fromFile(readFileSync(path.join(REPOSITORY, "content/fronts/home.yml"), "utf8")) as { title: string; containers: Record<string, unknown>[] };
    // What Decap's form hands the format after these edits: the title typed in and cleared (""),
    // the last container dragged to the top, a pin added, one unpinned (an empty list), a new
    // container with its "Fill the rest with" group opened and left empty, and a blank pin.
    const [lead, river, analysis, more] = data.containers;
    const edited = {
      containers: [
        { ...more, pinned: ["content/articles/2026/regatta-returns.md", ""] },
        lead,
        { ...analysis, pinned: [] },
        river,
        { title: "Just pins", layout: "row", pinned: ["/2026/11/27/leaked-budget-email/"], backfill: { section: "", tag: "", type: "", limit: null } },
      ],
      title: "",
    };
    const written = format.toFile(edited, ["title", "containers"]);
    expect(written).not.toMatch(/: ""|null|\{\}|\[\]/);
    const spec = validate(written);
    expect(spec.title).toBeUndefined();
    expect(spec.containers.map((container) => [container.title, container.pinned])).toEqual([
      ["More news", ["content/articles/2026/regatta-returns.md"]],
      ["Lead story", ["content/articles/2026/flood-wall-approved.md"]],
      ["Analysis and opinion", []],
      ["The river", []],
      ["Just pins", ["/2026/11/27/leaked-budget-email/"]],
    ]);
    expect(spec.containers[4]?.backfill).toBeUndefined();
    expect(spec.containers[0]?.backfill).toEqual({ limit: 6 });
  });
});

describe("where the editor reads and writes", () => {
  it("names only folders inside content/, the one folder the editor backend lets it touch", () => {
    const places = [
      cms.media_folder,
      ...cms.collections.flatMap((entry) =>
        "folder" in entry ? [entry.folder, path.posix.join(entry.folder, "2026", entry.media_folder)] : entry.files.map((file) => file.file),
      ),
    ];
    expect(places.length).toBeGreaterThan(4);
    for (const place of places) expect(path.posix.normalize(place)).toMatch(new RegExp(`^${EDITOR_FOLDER}/`));
  });
});


describe("a site of several languages: translations side by side in the web editor", () => {
  const languages = "language: en-GB\nlanguages:\n  - { code: cy, name: Cymraeg }\n  - { code: fr-CA }\n";
  const several = siteConfig(languages);
  /** config.yml as Decap reads it. */
  const written = (config: SiteConfig) => parse(renderCmsConfig(cmsConfig({ ...input, config }))) as CmsConfig;
  const cmsOf = written(several);
  const translatedCollection = (cms: CmsConfig, name: string) => {
    const found = cms.collections.find((candidate) => candidate.name === name);
    if (!found || !("folder" in found)) throw new Error(`no ${name} folder collection`);
    return found;
  };
  /** Every field's `i18n` by path, nested ones included (a list's single item field under `<list>.*`). */
  const translations = (fields: readonly CmsField[], prefix = ""): Record<string, unknown> =>
    Object.fromEntries(
      fields.flatMap((field) => {
        const key = prefix === "" ? field.name : `${prefix}.${field.name}`;
        return [
          [key, field.i18n],
          ...Object.entries(field.fields ? translations(field.fields, key) : {}),
          ...(field.field ? [[`${key}.*`, field.field.i18n]] : []),
        ];
      }),
    );
  /** Every key `i18n` anywhere in a value. */
  const i18nKeys = (value: unknown, at = ""): string[] =>
    typeof value !== "object" || value === null
      ? []
      : Object.entries(value).flatMap(([key, inner]) => [...(key === "i18n" ? [`${at}/${key}`] : []), ...i18nKeys(inner, `${at}/${key}`)]);

  it("turns on Decap's i18n: one file per language, the languages' codes as locales, the main language first and the default", () => {
    expect(cmsOf.i18n).toEqual({ structure: "multiple_files", locales: ["en-gb", "cy", "fr-ca"], default_locale: "en-gb" });
  });

  it("names each language's file as Tidings reads it: <slug>.<code>.md, the default locale's file in the main language", () => {
    // Decap's multiple_files writes <folder>/<path>.<locale>.<extension> (decap-cms-core lib/i18n.ts, getFilePath).
    const decapFile = (locale: string) => `content/articles/2026/flood-wall.md`.replace(/md$/, `${locale}.md`);
    const siteLanguages = configLanguages(several);
    for (const locale of cmsOf.i18n?.locales ?? []) {
      const read = fileLanguage(decapFile(locale), siteLanguages);
      expect(read.language?.code, locale).toBe(locale);
      expect(read.stem, locale).toBe("content/articles/2026/flood-wall");
    }
    expect(fileLanguage(decapFile(cmsOf.i18n?.default_locale ?? ""), siteLanguages).language).toMatchObject({ tag: "en-GB", main: true });
  });

  it("translates articles and pages, in a format that writes a language nobody translated as an empty file; authors and fronts are not translated", () => {
    for (const name of ["articles", "pages"]) expect(translatedCollection(cmsOf, name), name).toMatchObject({ i18n: true, format: CMS_TRANSLATED_FORMAT });
    expect(translatedCollection(cmsOf, "authors").i18n).toBeUndefined();
    expect(translatedCollection(cmsOf, "authors").format).toBe(CMS_FORMAT);
    const fronts = cmsOf.collections.find((candidate) => candidate.name === "fronts");
    expect(i18nKeys(fronts)).toEqual([]);
    expect(i18nKeys(translatedCollection(cmsOf, "authors"))).toEqual([]);
  });

  it("says of every article field whether a translation has its own value, the original's, or none", () => {
    expect(translations(translatedCollection(cmsOf, "articles").fields)).toEqual({
      // The words readers read, and what a language may do on its own.
      title: true,
      summary: true,
      body: true,
      tags: true,
      "tags.*": true,
      slug: true,
      updated: true,
      draft: true,
      // Where it was reported (a place may have its own name in the language) and how.
      dateline: true,
      methods: true,
      // Every part of a list and of the picture is the translation's: Decap would leave a copied part empty and locked.
      sources: true,
      "sources.name": true,
      "sources.url": true,
      "sources.note": true,
      image: true,
      "image.src": true,
      "image.alt": true,
      "image.caption": true,
      "image.credit": true,
      corrections: true,
      "corrections.date": true,
      "corrections.text": true,
      // Decap cannot copy a list: the byline is the translation's, "Fill in from another locale" copies it.
      byline: true,
      "byline.*": true,
      // The same story in every language.
      date: "duplicate",
      type: "duplicate",
      donate: "duplicate",
      expires: "duplicate",
      section: "duplicate",
      live: "duplicate",
      ended: "duplicate",
      series: "duplicate",
      part: "duplicate",
      // Said by the file's name; the original's translationKey, if any, kept in the translation.
      language: false,
      translationKey: "duplicate",
    });
    expect(translations(translatedCollection(cmsOf, "pages").fields)).toEqual({
      title: true,
      summary: true,
      body: true,
      slug: true,
      draft: true,
      donate: "duplicate",
      language: false,
      translationKey: "duplicate",
    });
  });

  it("keeps language and translationKey, which the file's name says, out of the form (a value in a file is kept, the key copied)", () => {
    for (const name of ["articles", "pages"]) {
      const fields = translatedCollection(cmsOf, name).fields;
      expect(field(fields, "language")).toEqual({ name: "language", label: "Language", widget: "hidden", required: false, i18n: false });
      expect(field(fields, "translationKey")).toEqual({ name: "translationKey", label: "Translation of", widget: "hidden", required: false, i18n: "duplicate" });
      // Still a field for every schema field, so the editor keeps covering the schemas.
      expect(fieldTable(fields)).toEqual(name === "articles" ? ARTICLE_FIELDS : PAGE_FIELDS);
    }
  });

  it("refuses a field the translation table does not cover, naming it", () => {
    const fields: CmsField[] = [{ name: "kicker", label: "Kicker", widget: "string" }];
    expect(() => translatedFields(fields, ARTICLE_TRANSLATION, "article")).toThrow(
      "the article field `kicker` does not say how it is translated: add it to the article table in src/admin/cms-translation.ts",
    );
  });

  it("refuses `duplicate` on a list or a group, which Decap's schema refuses (the editor would not open)", () => {
    const byline = field(collection("articles").fields, "byline");
    expect(() => translatedFields([byline], { ...ARTICLE_TRANSLATION, byline: "duplicate" }, "article")).toThrow(
      "the article field `byline` is a list, which Decap translates or not but cannot copy: give it true or false",
    );
  });

  it("leaves the side-by-side editor off when Decap would refuse a language's code (digits, more than 10 characters)", () => {
    for (const code of ["es-419", "ca-ES-valencia"]) expect(written(siteConfig(`languages:\n  - { code: ${code} }\n`)).i18n, code).toBeUndefined();
    expect(written(siteConfig("languages:\n  - { code: sr-Latn-RS }\n")).i18n?.locales).toEqual(["en", "sr-latn-rs"]);
  });

  it("gives a site of one language today's config: no i18n anywhere, and otherwise what a site of several languages gets", () => {
    const one = written(siteConfig("language: en-GB\n"));
    expect(i18nKeys(one)).toEqual([]);
    expect(written(siteConfig("language: en-GB\nlanguages: []\n"))).toEqual(one);
    expect(one.collections.map((collection) => "format" in collection && collection.format)).toEqual([CMS_FORMAT, CMS_FORMAT, CMS_FORMAT, CMS_DATA_FORMAT]);
    for (const name of ["articles", "pages"]) for (const key of ["language", "translationKey"]) expect(field(translatedCollection(one, name).fields, key).widget).toBe("string");
    // The several languages' config, its i18n parts taken out, is this one: nothing else differs.
    const withoutI18n = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutI18n)
        : typeof value === "object" && value !== null
          ? Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (key === "i18n" ? [] : [[key, withoutI18n(inner)]])))
          : value;
    const { collections: translatedCollections, ...settings } = withoutI18n(cmsOf) as CmsConfig;
    const { collections: oneCollections, ...oneSettings } = one;
    expect(settings).toEqual(oneSettings);
    const fileNamed = (fields: CmsField[]) => fields.filter((candidate) => !["language", "translationKey"].includes(candidate.name));
    expect(translatedCollections.map((collection) => ("fields" in collection ? { ...collection, format: CMS_FORMAT, fields: fileNamed(collection.fields) } : collection))).toEqual(
      oneCollections.map((collection) => ("fields" in collection ? { ...collection, fields: fileNamed(collection.fields) } : collection)),
    );
  });

  it("writes a translation as the front matter it writes for an original, and a language with no title as nothing", () => {
    const translated = editorFormat(CMS_TRANSLATED_FORMAT);
    const plain = editorFormat(CMS_FORMAT);
    const welsh = { title: "Cyngor yn cymeradwyo wal llifogydd", date: "2026-11-24 18:40", byline: ["Priya Raman"], draft: false, body: "Testun.\n" };
    const order = ["title", "date", "byline", "draft"];
    expect(translated.toFile(welsh, order)).toBe(plain.toFile(welsh, order));
    expect(translated.fromFile(plain.toFile(welsh, order))).toEqual(welsh);
    // What Decap hands the format for a language left alone: the defaults and the fields it copied.
    expect(translated.toFile({ draft: false, donate: true, live: false, date: "2026-11-24 18:40", byline: ["Priya Raman"] }, order)).toBe("");
    expect(translated.toFile({ title: "  ", body: "" }, order)).toBe("");
  });
});
