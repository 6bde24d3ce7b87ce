// The search page's behaviour (templates/search.njk): Pagefind's browser library searches the
// article index that the build wrote to /pagefind/. Without JavaScript the page's <noscript>
// offers the topics index instead (submitting the form only reloads the page).
// Accessible by design: a labelled input, results announced through a status region, plain
// links under headings, and a "more" button that moves focus to the first new result.

const PAGE_SIZE = 20;

// The page's parts, found by start(); the module also loads without a page (its tests import it).
let form;
let input;
let status;
let results;
// The page's words in the site's language (the catalogue's search.* messages, written into the form by the build).
let words = { language: "en", patterns: {} };

let loading;
// Each query gets a number; answers to older queries that arrive late are dropped.
let latestQuery = 0;

/**
 * Pagefind's library and the index's first files, fetched once, when the reader first goes to
 * the search field or the address holds a search: a visit that never searches downloads nothing.
 */
function loadPagefind() {
  loading ??= openIndex(form.dataset.bundle, form.dataset.base);
  return loading;
}

/**
 * Open the search bundle at `bundle` (a URL path ending in /), whose results link below `base`.
 * The archive is indexed in shards (src/search/write-search-index.ts), each merged into one
 * search and tagged with a `shard` filter; the bundle's own index holds each shard's vocabulary.
 */
export async function openIndex(bundle, base) {
  const [pagefind, listed] = await Promise.all([import(`${bundle}pagefind.js`), fetch(`${bundle}shards.json`).then((response) => response.json())]);
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  await pagefind.init();
  await Promise.all(listed.shards.map((shard) => pagefind.mergeIndex(`${bundle}${shard.path}`, { baseUrl: base, mergeFilter: { shard: shard.id } })));
  return { pagefind, shards: listed.shards.map((shard) => shard.id) };
}

/**
 * Search every shard as one index of the whole archive would. Searched apart, a shard that has
 * no word starting with a query word answers with its longest prefix instead ("to" for
 * "towpath"); one index of the archive would answer with the pages that have the word. So the
 * vocabulary records are searched first: a shard's record is found exactly when that one index
 * would find the shard's words for every query word, and only those shards' results are kept.
 * A quoted phrase matches exact words only, so every shard's answer holds. Answers null when a
 * newer debounced search replaced this one. (Exported, with openIndex, for the test that compares
 * it with one index of the whole archive.)
 */
export async function searchShards({ pagefind, shards }, query, debounce) {
  // Naming the vocabulary filter loads it, so the answer counts the records found per shard.
  const vocabulary = { filters: { shard: "vocabulary", vocabulary: { any: shards } } };
  const words = debounce ? await pagefind.debouncedSearch(query, vocabulary, 250) : await pagefind.search(query, vocabulary);
  if (words === null) return null;
  const exact = /^\s*".+"\s*$/.test(query);
  const found = exact ? shards : shards.filter((shard) => (words.filters.vocabulary?.[shard] ?? 0) > 0);
  if (found.length === 0) return { results: [] };
  return pagefind.search(query, { filters: { shard: { any: found } } });
}

function start() {
  form = document.querySelector("[data-search-form]");
  input = form?.querySelector("input[type=search]");
  status = document.querySelector("[data-search-status]");
  results = document.querySelector("[data-search-results]");
  if (!form || !input || !status || !results) return;
  if (form.dataset.messages) words = JSON.parse(form.dataset.messages);
  input.addEventListener("focus", () => loadPagefind().catch(unavailable), { once: true });
  input.addEventListener("input", () => search(input.value, { debounce: true }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(input.value, { debounce: false });
  });
  // Run the search in the address (?q=), unless the reader has already typed something.
  const query = new URLSearchParams(location.search).get("q");
  if (query && input.value === "") input.value = query;
  if (input.value.trim() !== "") search(input.value, { debounce: false });
}

/** Say that search cannot work right now, and offer the topics instead. */
function unavailable() {
  results.replaceChildren();
  const topics = document.createElement("a");
  topics.href = form.dataset.topics;
  topics.textContent = say("search.browseByTopic");
  // The link goes where the message puts its {browse}.
  const [before = "", after = ""] = say("search.unavailable", { browse: "\u0000" }).split("\u0000");
  status.replaceChildren(before, topics, after);
}

async function search(text, { debounce }) {
  const query = text.trim();
  const ticket = ++latestQuery;
  history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  if (query === "") {
    results.replaceChildren();
    status.textContent = "";
    return;
  }
  try {
    const found = await searchShards(await loadPagefind(), query, debounce);
    // debouncedSearch answers null when a newer call replaced this one.
    if (found === null || ticket !== latestQuery) return;
    const list = element("ol", "article-list search-results");
    list.setAttribute("role", "list");
    results.replaceChildren(list);
    const shown = await showMore(found.results, list, 0, ticket);
    if (shown === undefined) return;
    announce(query, found.results.length);
  } catch {
    if (ticket === latestQuery) unavailable();
  }
}

/** Append the next page of results; answers how many are shown, or undefined when a newer query took over. */
async function showMore(all, list, from, ticket) {
  const pages = await Promise.all(all.slice(from, from + PAGE_SIZE).map((result) => result.data()));
  if (ticket !== latestQuery) return undefined;
  list.append(...pages.map(resultItem));
  results.querySelector(".search-more")?.remove();
  const shown = from + pages.length;
  if (shown < all.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = say("search.more", { count: all.length - shown });
    more.addEventListener("click", async () => {
      const now = await showMore(all, list, shown, ticket);
      if (now === undefined) return;
      list.children[shown]?.querySelector("a")?.focus();
      status.textContent = say("search.showing", { shown: now, total: all.length });
    });
    results.append(more);
  }
  return shown;
}

/**
 * One result as the lists show an article (partials/article-list.njk), with the card's classes:
 * the kicker line, the headline, an excerpt of the article's text, then the byline and date.
 * What each comes from is set in src/search/search-documents.ts.
 */
function resultItem(page) {
  const item = element("li", "article-card search-result");
  const title = page.meta?.title || page.url;
  const kicker = kickerLine(page.filters ?? {});
  if (kicker) item.append(kicker);
  const heading = element("h2", "card-title search-result-title");
  const link = element("a");
  link.href = page.url;
  link.textContent = title;
  heading.append(link);
  item.append(heading);
  // An article with no words of its own is indexed by its headline: better no excerpt than the headline twice.
  const plain = withoutFullStop(page.plain_excerpt ?? "");
  if (plain !== "" && plain !== withoutFullStop(title)) {
    const excerpt = element("p", "card-summary search-result-excerpt");
    excerpt.append(...markedText(page.excerpt ?? ""));
    item.append(excerpt);
  }
  const credit = bylineAndDate(page.meta?.byline, page.filters ?? {});
  if (credit) item.append(credit);
  return item;
}

/** "Live" or the kicker, then the type label: the line above a card's headline, or nothing. */
function kickerLine(filters) {
  const parts = [];
  if (filters.live?.[0]) parts.push(element("span", "live-flag", filters.live[0]));
  else if (filters.kicker?.[0]) parts.push(element("span", "kicker-text", filters.kicker[0]));
  if (filters.type?.[0]) parts.push(element("span", "type-label", filters.type[0]));
  if (parts.length === 0) return undefined;
  const line = element("p", "kicker");
  line.append(...parts);
  return line;
}

/** "Priya Raman · 24 November 2026, 18:40", the date in a <time>, as a card's last line; or nothing. */
function bylineAndDate(byline, filters) {
  const parts = [];
  if (byline) parts.push(byline);
  const [date] = filters.date ?? [];
  const [datetime] = filters.datetime ?? [];
  if (date) {
    const time = element("time", undefined, date);
    if (datetime) time.dateTime = datetime;
    parts.push(time);
  }
  if (parts.length === 0) return undefined;
  const line = element("p", "card-meta");
  line.append(...parts.flatMap((part, index) => (index === 0 ? [part] : [" · ", part])));
  return line;
}

// Pagefind ends a block's text with a full stop when it has none.
function withoutFullStop(text) {
  return text.replace(/[\s.]+$/, "");
}

function element(name, className, text) {
  const made = document.createElement(name);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** The excerpt's text with Pagefind's <mark> highlights kept and any other markup dropped. */
function markedText(html) {
  // A template's content is inert: nothing in it loads or runs while it is read.
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent ?? "";
    return mark;
  });
}

function announce(query, count) {
  status.textContent = count === 0 ? say("search.none", { query }) : say("search.count", { count, query });
}

/** A message of the page's words, filled in. */
function say(name, values = {}) {
  return formatMessage(words.patterns[name] ?? name, values, words.language);
}

/**
 * Fill in an ICU message as intl-messageformat does at build time, for the part of ICU the
 * search page's messages use: {name}, {name, plural, =N {…} one {…} other {…}} with # for the
 * number (in the language's digits and grouping), and {name, select, key {…} other {…}}.
 * (Exported for the test that compares it with intl-messageformat over every catalogue.)
 */
export function formatMessage(pattern, values, language) {
  const numbers = new Intl.NumberFormat(language);
  const plurals = new Intl.PluralRules(language);
  // As intl-messageformat: a plain {name} prints the value as it is; only # is a formatted number.
  const show = (value) => String(value ?? "");
  let at = 0;
  const readName = () => {
    const start = at;
    while (at < pattern.length && !",}".includes(pattern[at])) at++;
    return pattern.slice(start, at).trim();
  };
  const skipSpaces = () => {
    while (/\s/.test(pattern[at] ?? "")) at++;
  };
  // The text up to the closing brace of the part being read; # is the number of the plural it is in.
  const text = (pound) => {
    let out = "";
    while (at < pattern.length && pattern[at] !== "}") {
      const char = pattern[at];
      if (char === "{") {
        at++;
        out += argument(pound);
      } else if (char === "#" && pound !== undefined) {
        out += numbers.format(pound);
        at++;
      } else {
        out += char;
        at++;
      }
    }
    return out;
  };
  const argument = (pound) => {
    const name = readName();
    if (pattern[at] === "}") {
      at++;
      return show(values[name]);
    }
    at++;
    const type = readName();
    at++;
    const value = values[name];
    const options = {};
    for (;;) {
      skipSpaces();
      if (pattern[at] === "}" || at >= pattern.length) break;
      const start = at;
      while (at < pattern.length && !/[\s{]/.test(pattern[at])) at++;
      const key = pattern.slice(start, at);
      skipSpaces();
      at++;
      options[key] = text(type === "plural" ? Number(value) : pound);
      at++;
    }
    at++;
    if (type === "plural") return options[`=${Number(value)}`] ?? options[plurals.select(Number(value))] ?? options.other ?? "";
    return options[String(value)] ?? options.other ?? "";
  };
  return text(undefined);
}

if (typeof document !== "undefined") start();
