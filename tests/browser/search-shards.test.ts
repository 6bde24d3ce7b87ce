import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../src/search/search-documents.ts";
import { planShards } from "../../src/search/search-shards.ts";
import { writeSearchIndex } from "../../src/search/write-search-index.ts";
import { SEARCH_SCRIPT } from "../../src/publish/static-files.ts";
import { launchChromium } from "../support/browser.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";
import { htmlDocument } from "../support/html-body.ts";
import { tempFolder } from "../support/temp-folder.ts";

// Small shards, so a corpus of 127 articles has two blocks of 40, three of 10 and a recent shard of 17.
const SIZES = [40, 10];

// Words that stem and extend in interesting ways ("flood", "flooding", "floodplain"), short words
// that are prefixes of longer ones ("to", "tow", "town"), and words found in one shard only.
const COMMON = (
  "the a to of and in on at for by with from river flood flooding floods floodplain council councillor councils bridge " +
  "footbridge town towns tower tow school schools teacher budget budgets housing homes road roads bus buses route " +
  "station police court market park library hospital surgery water sewage rain storm wall walls defence plan planning " +
  "vote voters election mayor report reports figures residents street lane mill"
).split(" ");
const RARE: Record<number, string[]> = {
  // In one article of the oldest block only.
  3: ["towpath", "kingfisher"],
  // In one article of the second block, one of a small block, and one of the recent shard.
  55: ["allotment", "Zebedee"],
  95: ["allotments"],
  123: ["Zebedee", "floodgate"],
  // In the recent shard only.
  125: ["regatta", "towpaths"],
};

const AUTHORS = ["Priya Raman", "Owen Halloran", "Staff reporter"];

/** A seeded random number generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(count: number): SearchDocument[] {
  const next = random(20261203);
  const pick = () => COMMON[Math.floor(next() * COMMON.length)] ?? "the";
  return Array.from({ length: count }, (_, number) => {
    const words = Array.from({ length: 40 + Math.floor(next() * 80) }, pick);
    for (const word of RARE[number] ?? []) words.splice(Math.floor(next() * words.length), 0, word);
    const title = `${pick()} ${pick()} ${number}`;
    // Shaped as the articles' search documents are: headline and byline are searched as metadata.
    const byline = number === 3 ? "Ottoline Quayle" : AUTHORS[number % AUTHORS.length];
    return htmlDocument({
      url: `/2026/01/${String(number).padStart(3, "0")}/story/`,
      publishedMs: Date.UTC(2020, 0, 1) + number * 86_400_000,
      html: () =>
        `<!doctype html><html lang="en"><body><article data-pagefind-body><header data-pagefind-ignore><h1 data-pagefind-meta="title">${title}</h1>` +
        `<p data-pagefind-meta="byline">${byline}</p></header><p>${words.join(" ")}.</p></article></body></html>`,
    });
  });
}

// What readers type: whole words, prefixes, words of one shard, misspellings, words no article
// has, several words, and quoted phrases.
const QUERIES = [
  "towpath",
  "towpaths",
  "towpat",
  "tow",
  "to",
  "town",
  "kingfisher",
  "kingfish",
  "allotment",
  "allotments",
  "zebedee",
  "floodgate",
  "floodgates",
  "flood",
  "floo",
  "floods",
  "flooding",
  "regatta",
  "regattas",
  "river",
  "riv",
  "councillors",
  "council budget",
  "towpath river",
  "zebedee flood",
  "regatta kingfisher",
  "xylophone",
  "flod",
  "brige",
  "schoo",
  "zebra",
  "mill lane",
  '"mill lane"',
  '"flood wall"',
  '"towpath"',
  // In metadata only: a byline of one article of the oldest block, an author of many, and a
  // headline's number (a shard's id, such as "40-0", is no word of the archive).
  "ottoline",
  "quayle",
  "halloran",
  "40",
];

interface Answer {
  query: string;
  urls: string[];
}

// Runs in the page: the search page's own functions (search.js), over the bundle at `bundle`.
// "naive" is Pagefind's merged search of the shards alone, as mergeIndex gives it.
const PAGE_SCRIPT = `
import { openIndex, searchShards } from "/search.js";
window.answers = async (bundle, mode, queries) => {
  const index = await openIndex(bundle, "/");
  const all = [];
  for (const query of queries) {
    const found = mode === "shards" ? await searchShards(index, query, false) : await index.pagefind.search(query, { filters: { shard: { any: index.shards } } });
    const urls = await Promise.all(found.results.map((result) => result.data().then((data) => data.url)));
    all.push({ query, urls: urls.sort() });
  }
  return all;
};
`;

async function answers(page: Page, bundle: string, mode: "shards" | "naive"): Promise<Answer[]> {
  await page.waitForFunction("'answers' in window");
  return page.evaluate(`window.answers(${JSON.stringify(bundle)}, ${JSON.stringify(mode)}, ${JSON.stringify(QUERIES)})`);
}

describe("search over shards (Chromium, Pagefind)", () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const site = tempFolder("shards");
    const documents = corpus(127);
    expect(planShards(documents, SIZES).map((shard) => shard.id)).toEqual(["40-0", "40-40", "10-80", "10-90", "10-100", "recent"]);
    await writeSearchIndex(path.join(site, "sharded"), documents, { language: "en", sizes: SIZES });
    // One index of the whole archive: a single shard.
    await writeSearchIndex(path.join(site, "single"), documents, { language: "en", sizes: [] });
    mkdirSync(site, { recursive: true });
    copyFileSync(SEARCH_SCRIPT, path.join(site, "search.js"));
    writeFileSync(path.join(site, "index.html"), `<!doctype html><html lang="en"><head><title>Search</title><script type="module">${PAGE_SCRIPT}</script></head><body></body></html>`);
    server = await serveFolder(site);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.origin}/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds exactly what one index of the whole archive finds, for every query", async () => {
    const single = await answers(page, "/single/pagefind/", "shards");
    const sharded = await answers(page, "/sharded/pagefind/", "shards");
    expect(sharded).toEqual(single);
    // The corpus does test something: rare words are found, in the shards that hold them.
    const of = (query: string) => single.find((answer) => answer.query === query)?.urls;
    expect(of("towpath")).toEqual(["/2026/01/003/story/", "/2026/01/125/story/"]);
    expect(of("zebedee")).toEqual(["/2026/01/055/story/", "/2026/01/123/story/"]);
    expect(of("regatta kingfisher")).toEqual([]);
    // Words of the headline and byline are found, though they are metadata, not the indexed text.
    expect(of("ottoline")).toEqual(["/2026/01/003/story/"]);
    expect(of("40")).toEqual(["/2026/01/040/story/"]);
    expect(of("halloran")?.length).toBe(42);
  }, 120_000);

  it("differs from Pagefind's plain merge of the shards, which answers a missing word with its prefix", async () => {
    const naive = await answers(page, "/sharded/pagefind/", "naive");
    const single = await answers(page, "/single/pagefind/", "shards");
    const differing = naive.filter((answer, position) => JSON.stringify(answer.urls) !== JSON.stringify(single[position]?.urls)).map((answer) => answer.query);
    expect(differing).toContain("towpath");
    expect(naive.find((answer) => answer.query === "towpath")?.urls.length).toBeGreaterThan(2);
  }, 120_000);
});
