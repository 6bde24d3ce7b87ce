import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { CMS_DATA_FORMAT, cmsConfig, frontsCollection, PIN_SUGGESTIONS, type CmsField } from "../../src/admin/cms-config.ts";
import { EDITOR_SCRIPT } from "../../src/admin/editor-files.ts";
import { parseConfig, type SiteConfig } from "../../src/config.ts";
import { FRONT_FIELDS, LAYOUTS, MAX_LIMIT, parseFront, type FrontSpec } from "../../src/site/fronts.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

function siteConfig(extra = ""): SiteConfig {
  const parsed = parseConfig(
    `name: The Gazette\nurl: https://gazette.example.org\ntypes: { news: News, analysis: Analysis }\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\n${extra}`,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.config;
}

const config = siteConfig("sections:\n  - { name: News }\n  - { name: Politics, slug: politics }\n");
const articles = Array.from({ length: PIN_SUGGESTIONS + 5 }, (_, index) => ({ file: `content/articles/2026/story-${index}.md`, title: `Story ${index}` }));
const fronts = frontsCollection({ config, authors: [], tags: ["Council", "River"], articles });
const fields = fronts.files[0]?.fields ?? [];

/** Every editor field name by path, as FRONT_FIELDS lists the schema's: "" → top level, "containers" → a container's fields. */
function fieldTable(list: readonly CmsField[], prefix = "", table: Record<string, string[]> = {}): Record<string, string[]> {
  table[prefix] = list.map((item) => item.name);
  for (const item of list) if (item.fields) fieldTable(item.fields, prefix === "" ? item.name : `${prefix}.${item.name}`, table);
  return table;
}

function field(list: readonly CmsField[], dotted: string): CmsField {
  const [head, ...rest] = dotted.split(".");
  const found = list.find((candidate) => candidate.name === head);
  if (!found) throw new Error(`no editor field ${dotted}`);
  return rest.length === 0 ? found : field(found.fields ?? [], rest.join("."));
}

interface DataFormat {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

/** The `tidings-yaml` format exactly as the editor runs it: templates/_assets/cms.js, with a stand-in for Decap's registry and js-yaml's own package. */
function editorDataFormat(): DataFormat {
  const formats = new Map<string, DataFormat>();
  const noop = () => undefined;
  runInNewContext(readFileSync(EDITOR_SCRIPT, "utf8"), {
    document: { currentScript: null },
    jsyaml: createRequire(import.meta.url)("js-yaml"),
    h: noop,
    createClass: (spec: unknown) => spec,
    CMS: { registerCustomFormat: (name: string, _extension: string, format: DataFormat) => formats.set(name, format), registerPreviewStyle: noop, registerWidget: noop, registerPreviewTemplate: noop },
  });
  const format = formats.get(CMS_DATA_FORMAT);
  if (!format) throw new Error(`cms.js registers no ${CMS_DATA_FORMAT} format`);
  return format;
}

const validate = (text: string, file = "content/fronts/home.yml") => {
  const parsed = parseFront(text, file);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.front?.spec as FrontSpec;
};

describe("the Fronts collection of the web editor", () => {
  it("has an editor field for every field of the fronts schema, nested ones included, and no other", () => {
    expect(fieldTable(fields)).toEqual(FRONT_FIELDS);
  });

  it("offers the home page's front and one per section, each at the file the build reads, in the YAML format of cms.js", () => {
    expect(fronts.files.map((file) => [file.name, file.label, file.file])).toEqual([
      ["home", "Home page", "content/fronts/home.yml"],
      ["section-news", "News page", "content/fronts/news.yml"],
      ["section-politics", "Politics page", "content/fronts/politics.yml"],
    ]);
    expect(fronts).toMatchObject({ name: "fronts", format: "tidings-yaml", extension: "yml" });
    expect(cmsConfig({ config, authors: [], tags: [] }).collections.map((collection) => collection.name)).toEqual(["articles", "authors", "pages", "fronts"]);
  });

  it("edits containers as a list with the schema's layouts, pins and backfill rule", () => {
    expect(field(fields, "containers")).toMatchObject({ widget: "list", required: true });
    expect(field(fields, "containers.title")).toMatchObject({ widget: "string", required: true });
    expect(field(fields, "containers.layout").options?.map((option) => option.value)).toEqual([...LAYOUTS]);
    expect(field(fields, "containers.layout").required).toBe(true);
    expect(field(fields, "containers.pinned")).toMatchObject({ widget: "list", required: false, field: { widget: "suggest" } });
    // Pins offer the newest articles by headline, the file as the value the build resolves.
    const suggestions = field(fields, "containers.pinned").field?.suggestions ?? [];
    expect(suggestions).toHaveLength(PIN_SUGGESTIONS);
    expect(suggestions[0]).toEqual({ value: "content/articles/2026/story-0.md", label: "Story 0" });
    expect(field(fields, "containers.backfill")).toMatchObject({ widget: "object", required: false });
    expect(field(fields, "containers.backfill.section").options?.map((option) => option.value)).toEqual(["News", "Politics"]);
    expect(field(fields, "containers.backfill.type").options?.map((option) => option.value)).toEqual(["news", "analysis"]);
    expect(field(fields, "containers.backfill.tag")).toMatchObject({ widget: "suggest", suggestions: ["Council", "River"] });
    // A number widget writes text unless told `int`; the schema wants a whole number up to MAX_LIMIT.
    expect(field(fields, "containers.backfill.limit")).toMatchObject({ widget: "number", value_type: "int", min: 0, max: MAX_LIMIT, required: false });
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
