// Tidings' additions to Decap CMS at /admin/ (src/admin/editor-files.ts publishes this file next
// to the CMS bundle). A file, not an inline script, so the /admin/ Content-Security-Policy needs
// no 'unsafe-inline' for scripts. Decap exposes React's createElement as `h` and create-react-class
// as `createClass`, so this needs no build step.
/* global CMS, h, createClass, jsyaml */

const stylesheet = document.currentScript?.dataset.stylesheet;
const shortForms = JSON.parse(document.currentScript?.dataset.shortForms ?? '{"oneOrMany":[],"nameOrObject":{}}');
// The site's language and its direction (rtl or ltr), which the article preview is written in.
const { language, direction } = document.currentScript?.dataset ?? {};

/**
 * Widen the short forms Tidings allows but Decap's list widgets cannot show (the lists come from
 * the zod schemas, src/admin/cms-config.ts `shortForms`): `byline: Priya Raman` becomes
 * `[Priya Raman]`, a source given by name becomes `{ name: … }`. Without this, opening such an
 * article crashed the editor ("l.map is not a function").
 */
function widen(data) {
  for (const name of shortForms.oneOrMany) {
    if (typeof data[name] === "string" || typeof data[name] === "number") data[name] = [String(data[name])];
  }
  for (const [name, key] of Object.entries(shortForms.nameOrObject)) {
    if (Array.isArray(data[name])) data[name] = data[name].map((item) => (typeof item === "string" || typeof item === "number" ? { [key]: String(item) } : item));
  }
  return data;
}

/**
 * Front matter as Tidings reads it: YAML 1.2 core schema (js-yaml's CORE_SCHEMA), so a date such
 * as `2026-11-24` stays the text Tidings reads in the site's zone instead of becoming a UTC
 * timestamp, as YAML 1.1 would make it; the body after the closing `---`. Written back with the
 * fields in the form's order.
 */
const frontMatter = {
  fromFile(content) {
    const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const match = /^---[^\S\n]*\n(?:([\s\S]*?)\n)?---[^\S\n]*(?:\n|$)/.exec(text);
    if (!match) return { body: text };
    const data = jsyaml.load(match[1] ?? "", { schema: jsyaml.CORE_SCHEMA }) ?? {};
    const body = text.slice(match[0].length);
    return { ...widen(data), ...(body.trim() ? { body } : {}) };
  },
  toFile(data, sortedKeys = []) {
    const { body = "", ...fields } = data;
    const order = (key) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
    const ordered = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => order(a) - order(b)));
    const yaml = jsyaml.dump(ordered, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
    return `---\n${yaml}---\n${body}${body.endsWith("\n") || body === "" ? "" : "\n"}`;
  },
};

CMS.registerCustomFormat("tidings-frontmatter", "md", frontMatter);

/**
 * The same for articles and pages translated side by side (a site of several languages), except
 * that a language without a headline is written as an empty file. Decap writes a file for every
 * language of an entry, translated or not (decap-cms issue 6932), starting each with the defaults
 * and the copied fields (`draft: false`, the date): saved as they are, they would make
 * `flood.cy.md` an article with no headline, which Tidings refuses; an empty file plainly says
 * nobody translated it. The main language's file always has its headline when saved: Decap
 * requires it there (the browser's draft backup of a new entry waits for it).
 */
CMS.registerCustomFormat("tidings-frontmatter-translated", "md", {
  fromFile: frontMatter.fromFile,
  toFile(data, sortedKeys) {
    return typeof data.title === "string" && data.title.trim() !== "" ? frontMatter.toFile(data, sortedKeys) : "";
  },
});

/**
 * What an editor left empty, left out: empty or blank texts, nulls, and the lists and groups that
 * hold nothing else (a container's "Fill the rest with" left empty, a blank pin). Decap writes
 * `""` for a field that was typed in and cleared, which Tidings would refuse as an empty text.
 */
function withoutEmpty(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, withoutEmpty(item)])
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/**
 * Data files as Tidings reads them (the fronts, content/fronts/*.yml): YAML 1.2 core schema like
 * the front matter above, empty fields left out, the top-level fields in the form's order. Comments
 * in the file are not kept: js-yaml, like Decap's own YAML format, reads values only.
 */
CMS.registerCustomFormat("tidings-yaml", "yml", {
  fromFile(content) {
    return jsyaml.load(content.replace(/^\uFEFF/, ""), { schema: jsyaml.CORE_SCHEMA }) ?? {};
  },
  toFile(data, sortedKeys = []) {
    const order = (key) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
    const kept = withoutEmpty(data) ?? {};
    const ordered = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => order(a) - order(b)));
    return jsyaml.dump(ordered, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
  },
});

// The preview pane is styled by the site's own stylesheet, so an article looks as readers see it.
if (stylesheet) CMS.registerPreviewStyle(stylesheet);

/**
 * `suggest`: a text field that offers a list of values (existing authors in bylines, existing
 * topics in tags, recent articles in a front's pins) through a <datalist>, and still takes any other value: a guest writer, a new
 * topic. The list comes from config.yml (`suggestions`), generated from the site at build time.
 */
const SuggestControl = createClass({
  handleChange(event) {
    this.props.onChange(event.target.value);
  },
  render() {
    const { forID, value, field, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const suggestions = field.get("suggestions")?.toJS?.() ?? [];
    const listId = `${forID}-suggestions`;
    return h(
      "div",
      null,
      h("input", {
        id: forID,
        type: "text",
        list: listId,
        autoComplete: "off",
        className: classNameWrapper,
        value: value ?? "",
        onChange: this.handleChange,
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      }),
      h(
        "datalist",
        { id: listId },
        // A suggestion is a text, or a value with a label (a pinned article's file and its headline).
        suggestions.map((suggestion) =>
          typeof suggestion === "string"
            ? h("option", { key: suggestion, value: suggestion })
            : h("option", { key: suggestion.value, value: suggestion.value, label: suggestion.label }),
        ),
      ),
    );
  },
});

CMS.registerWidget("suggest", SuggestControl, ({ value }) => h("span", null, value ?? ""));

/** The article as its page shows it: type, headline, standfirst, byline, lead image, story, sources, corrections. */
const ArticlePreview = createClass({
  render() {
    const { entry, widgetFor, getAsset } = this.props;
    const data = entry.get("data");
    const get = (name) => data.get(name);
    const list = (name) => (get(name)?.toJS?.() ?? []).filter((item) => item !== undefined && item !== null && item !== "");
    const image = get("image");
    const imageSrc = image?.get("src");
    const asset = imageSrc ? getAsset(imageSrc) : undefined;
    const sources = list("sources");
    const corrections = list("corrections");
    return h(
      "main",
      { className: "page-article", lang: language, dir: direction === "rtl" ? "rtl" : undefined },
      h(
        "article",
        { className: "article" },
        h(
          "header",
          { className: "article-header" },
          h("p", { className: `type-label type-${get("type") || "news"}` }, get("type") || "news"),
          get("draft") ? h("p", { className: "status-banner", role: "note" }, "Draft: not published.") : null,
          h("h1", { className: "headline" }, get("title") || ""),
          get("summary") ? h("p", { className: "standfirst" }, get("summary")) : null,
          h("div", { className: "article-meta" }, h("p", { className: "byline" }, list("byline").join(" and "))),
        ),
        asset
          ? h(
              "figure",
              { className: "lead-image" },
              h("img", { src: asset.toString(), alt: image.get("alt") || "" }),
              image.get("caption") || image.get("credit")
                ? h("figcaption", null, [image.get("caption"), image.get("credit")].filter(Boolean).join(" "))
                : null,
            )
          : null,
        h("div", { className: "article-body" }, widgetFor("body")),
        corrections.length > 0
          ? h(
              "section",
              { className: "corrections" },
              h("h2", null, corrections.length === 1 ? "Correction" : "Corrections"),
              h("ul", null, corrections.map((correction, index) => h("li", { key: index }, `${correction.date ?? ""}: ${correction.text ?? ""}`))),
            )
          : null,
        sources.length > 0
          ? h(
              "section",
              { className: "sources" },
              h("h2", null, "Sources"),
              h("ul", null, sources.map((source, index) => h("li", { key: index }, typeof source === "string" ? source : source.name))),
            )
          : null,
      ),
    );
  },
});

CMS.registerPreviewTemplate("articles", ArticlePreview);
