// Tidings' additions to Decap CMS at /admin/ (src/admin/editor-files.ts publishes this file next
// to the CMS bundle). A file, not an inline script, so the /admin/ Content-Security-Policy needs
// no 'unsafe-inline' for scripts. Decap exposes React's createElement as `h` and create-react-class
// as `createClass`, so this needs no build step.
/* global CMS, h, createClass */

const stylesheet = document.currentScript?.dataset.stylesheet;

// The preview pane is styled by the site's own stylesheet, so an article looks as readers see it.
if (stylesheet) CMS.registerPreviewStyle(stylesheet);

/**
 * `suggest`: a text field that offers a list of values (existing authors in bylines, existing
 * topics in tags) through a <datalist>, and still takes any other value: a guest writer, a new
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
        suggestions.map((suggestion) => h("option", { key: suggestion, value: suggestion })),
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
      { className: "page-article" },
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
