import { CONFIG_FILE } from "../content/config-file.ts";
import { SLUG_PATTERN } from "../core/slugs.ts";
import { LAYOUTS, MAX_LIMIT } from "../fronts/fronts.ts";
import { PIN_SUGGESTIONS, type CmsConfigInput, type WidgetSpec, type WidgetTable } from "./cms-types.ts";

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

// A translation's file name says its language and what it translates (flood.cy.md beside flood.md), so these are rarely needed.
const languageWidget = { label: "Language", widget: "string", hint: "Empty: the language the file name gives (flood.cy.md is Welsh), else the site's main language." } as const;
const translationKeyWidget = {
  label: "Translation of",
  widget: "string",
  hint: "A name shared by an article and its translations. Empty: files named alike (flood.md, flood.cy.md) are translations of each other.",
} as const;

/** The editor field of each article schema field, by field path. */
export const ARTICLE_WIDGETS: WidgetTable = {
  title: { label: "Headline", widget: "string", hint: "Plain text." },
  date: dateWidget("Published", "First publication; a time in the future schedules the article."),
  byline: ({ authors }) => ({
    label: "Byline",
    widget: "list",
    min: 1,
    hint: "Who wrote it. Names with an author file are offered and link to the author's page.",
    field: { name: "name", label: "Name", widget: "suggest", suggestions: [...authors] },
  }),
  sources: {
    label: "Sources",
    widget: "list",
    collapsed: false,
    summary: "{{fields.name}}",
    hint: "The documents, reports and interviews the story rests on.",
  },
  "sources.name": { label: "Source", widget: "string" },
  "sources.url": { label: "Link", widget: "string", pattern: ["^https?://[^\\s]+$", "A web address starting with https://"] },
  "sources.note": { label: "Note", widget: "string", hint: "e.g. Item 7, page 12" },
  tags: ({ tags }) => ({
    label: "Topics",
    widget: "list",
    hint: "Existing topics are offered; capital letters do not matter.",
    field: { name: "tag", label: "Topic", widget: "suggest", suggestions: [...tags] },
  }),
  summary: {
    label: "Standfirst",
    widget: "text",
    hint: "One or two sentences under the headline. Without it, the first paragraph is used.",
  },
  updated: dateWidget("Updated", "The last substantive update, not before the publication date."),
  type: ({ config }) => ({
    label: "Type",
    widget: "select",
    options: Object.entries(config.types).map(([value, label]) => ({ label, value })),
    hint: `Shown as a label; the list is in ${CONFIG_FILE}. Empty means news.`,
  }),
  image: { label: "Lead image", widget: "object", collapsed: false },
  "image.src": { label: "Picture", widget: "image", choose_url: false, media_library: { config: { multiple: false } } },
  "image.alt": {
    label: "Description (alt text)",
    widget: "string",
    hint: "What the picture shows, for people who cannot see it: every picture needs one.",
  },
  "image.caption": { label: "Caption", widget: "string" },
  "image.credit": { label: "Credit", widget: "string", hint: "Who took it." },
  corrections: {
    label: "Corrections",
    widget: "list",
    summary: "{{fields.date}}: {{fields.text}}",
    hint: "Shown on the article, newest first.",
  },
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
  live: {
    label: "Live page",
    widget: "boolean",
    default: false,
    hint: 'On: a live page of timestamped updates, newest first; start each update with a line like ::update{time="2026-12-02 14:05" title="…"}; add key="true" to list it among the key events at the top.',
  },
  ended: dateWidget("Live coverage ended", "When coverage closed; leave empty while it is live."),
  series: {
    label: "Series",
    widget: "string",
    hint: "The name of a series file in content/series/ (e.g. flood-inquiry), to show this article as one part of it.",
  },
  part: {
    label: "Part",
    widget: "number",
    value_type: "int",
    min: 1,
    hint: "Its number in the series; leave empty to order the parts by date.",
  },
  language: languageWidget,
  translationKey: translationKeyWidget,
  dateline: {
    label: "Dateline",
    widget: "string",
    hint: "Where the reporting was done, e.g. Millbrook: printed before the story (MILLBROOK —). Leave empty for a story reported from the desk.",
  },
  methods: {
    label: "How we reported this",
    widget: "text",
    hint: "Plain text, shown in a box after the story: the documents read, the people asked, the data used and its limits. An empty line starts a new paragraph; put links to documents under Sources.",
  },
};

/** The editor field of each author schema field, by field path. */
export const AUTHOR_WIDGETS: WidgetTable = {
  name: { label: "Name", widget: "string", hint: "As it appears in bylines." },
  role: { label: "Role", widget: "string", hint: "e.g. Local democracy reporter" },
  aliases: { label: "Other spellings", widget: "list", hint: "Other spellings used in bylines, e.g. P. Raman" },
  email: { label: "Email", widget: "string", pattern: ["^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "An email address"] },
  links: { label: "Links", widget: "list", summary: "{{fields.label}}" },
  "links.label": { label: "Link text", widget: "string" },
  "links.url": { label: "Address", widget: "string", pattern: ["^https?://[^\\s]+$", "A web address starting with https://"] },
  slug: slugWidget,
  knowsAbout: { label: "Covers", widget: "list", hint: "The topics this person knows and reports on, e.g. Council finance; shown on their page." },
};

/** The editor field of each page schema field, by field path. */
export const PAGE_WIDGETS: WidgetTable = {
  title: { label: "Title", widget: "string" },
  summary: { label: "Summary", widget: "text" },
  slug: slugWidget,
  draft: { label: "Draft", widget: "boolean", default: false, hint: "On: never published." },
  donate: { label: "Donation block", widget: "boolean", default: false, hint: "On shows the donation block on this page." },
  language: languageWidget,
  translationKey: translationKeyWidget,
};

/** The editor field of each front schema field, by field path. */
export const FRONT_WIDGETS: WidgetTable = {
  title: {
    label: "Page heading",
    widget: "string",
    hint: "Shown at the top of the page. Empty: “Top stories” on the home page, the section's name on its page.",
  },
  containers: {
    label: "Containers",
    widget: "list",
    collapsed: true,
    summary: "{{fields.title}} ({{fields.layout}})",
    hint: "From the top of the page down; drag a container to move it. An article appears once per page, in the first container that takes it.",
  },
  "containers.title": { label: "Heading", widget: "string" },
  "containers.showTitle": {
    label: "Show the heading to readers",
    widget: "boolean",
    default: true,
    hint: "Off for a lead story: its heading then names it for screen readers only.",
  },
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
