import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the generator makes: how many articles, from which seed. */
export interface GenerateOptions {
  articles: number;
  seed: number;
}

/** One generated article, shared by the Tidings site and the plain Eleventy baseline. */
export interface GeneratedArticle {
  slug: string;
  year: string;
  title: string;
  date: string;
  byline: string[];
  tags: string[];
  sources: { name: string; url?: string }[];
  body: string;
}

const TOPICS = [
  "Council", "Housing", "Transport", "Environment", "Health", "Schools", "Business", "Culture", "Sport", "Courts",
  "River", "Police", "Budget", "Planning", "Elections", "Weather", "Farming", "Libraries", "Parks", "Roads",
  "Buses", "Rail", "Cycling", "Energy", "Water", "Waste", "Jobs", "Markets", "Tourism", "Festivals",
  "Music", "Theatre", "Football", "Rugby", "Cricket", "Rowing", "Hospitals", "GP surgeries", "Care homes", "Social care",
  "Youth", "Older people", "Charities", "Churches", "History", "Heritage", "Archaeology", "Wildlife", "Trees", "Flooding",
  "Air quality", "Noise", "Licensing", "Pubs", "Restaurants", "Shops", "High street", "Broadband", "Post office", "Fire service",
  "Ambulance", "Crime", "Courts and justice", "Immigration", "Climate", "Science", "Universities", "Colleges", "Apprenticeships", "Obituaries",
];

const FIRST = ["Priya", "Owen", "Bethan", "Joel", "Ana", "Tomasz", "Grace", "Idris", "Mei", "Callum", "Sofia", "Kwame", "Niamh", "Rhys", "Hana"];
const LAST = ["Raman", "Halloran", "Threlfall", "Amadi-Stone", "Okafor", "Kowalski", "Whitlock", "Begum", "Lindqvist", "Moreau"];

const WORDS = (
  "council residents plan river bridge school budget meeting vote report families street market town valley " +
  "housing homes rent landlord tenants repairs flood wall defence water summer winter spring autumn week " +
  "officers committee chair leader opposition proposal consultation funding million pounds cost year people " +
  "children teachers parents hospital patients nurses doctors surgery waiting list ambulance service road " +
  "traffic buses route timetable cyclists pavement lorry quarry business shop owner jobs workers wages " +
  "festival music theatre library volunteers charity church history museum park trees wildlife farmers"
).split(" ");

/** A small, fast, seedable PRNG (mulberry32), so the same seed always gives the same site. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generate realistic articles: most about 1.5 KB of news Markdown, one in twenty a 12 KB long read. */
export function generateArticles(options: GenerateOptions): { articles: GeneratedArticle[]; authors: string[] } {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const authors = Array.from({ length: 30 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`);
  const uniqueAuthors = [...new Set(authors)];
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min));
    const words = Array.from({ length }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8, 18)).join(" ");
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < options.articles; index++) {
    const moment = new Date(start + Math.floor((span * (index + random())) / options.articles));
    const year = String(moment.getUTCFullYear());
    const date = `${moment.toISOString().slice(0, 10)} ${moment.toISOString().slice(11, 16)}`;
    const title = sentence(6, 12).slice(0, -1);
    const longRead = random() < 0.05;
    const blocks: string[] = [paragraph(3)];
    const sections = longRead ? 12 : 2;
    for (let section = 0; section < sections; section++) {
      blocks.push(`## ${sentence(3, 6).slice(0, -1)}`);
      blocks.push(paragraph(longRead ? 7 : 2));
      if (section === 0) blocks.push(`> “${sentence(10, 20).slice(0, -1)},” said a ${pick(WORDS)} spokesperson.`);
      if (section === 1 || longRead) blocks.push(Array.from({ length: 3 }, () => `- ${sentence(4, 9)}`).join("\n"));
      blocks.push(`${paragraph(1)} The *${pick(WORDS)}* figures are **${pick(WORDS)}**; read the [full report](https://example.org/reports/${index}-${section}) for details.`);
    }
    const tagCount = 2 + Math.floor(random() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TOPICS)))];
    const bylineCount = random() < 0.1 ? 2 : 1;
    const byline = [...new Set(Array.from({ length: bylineCount }, () => pick(uniqueAuthors)))];
    const sources = random() < 0.8 ? Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => (i === 0 ? { name: `${pick(TOPICS)} committee papers`, url: `https://example.org/papers/${index}` } : { name: `Interview with a ${pick(WORDS)} officer` })) : [];
    // Editors name files after the headline, so most names are already slugs.
    const slug = `${title.toLowerCase().split(" ").slice(0, 4).join("-")}-${index + 1}`;
    articles.push({ slug, year, title, date, byline, tags, sources, body: blocks.join("\n\n") });
  }
  return { articles, authors: uniqueAuthors };
}

/** Write a Tidings site (config, articles, authors, an about page) into `root`, replacing it. */
export function writeTidingsSite(root: string, generated: ReturnType<typeof generateArticles>): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "content", "authors"), { recursive: true });
  mkdirSync(path.join(root, "content", "pages"), { recursive: true });
  writeFileSync(
    path.join(root, "tidings.config.yml"),
    [
      "name: The Benchmark Herald",
      "url: https://bench.example.org",
      "language: en-GB",
      "timeZone: Europe/London",
      "articlesPerPage: 10",
      "donation: { heading: Support us, text: We are reader funded., button: Donate, url: /about/ }",
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(root, "content", "pages", "about.md"), "---\ntitle: About\n---\nA generated newsroom.\n");
  for (const author of generated.authors) {
    const slug = author.toLowerCase().replace(/[^a-z]+/g, "-");
    writeFileSync(path.join(root, "content", "authors", `${slug}.md`), `---\nname: ${author}\nrole: Reporter\n---\n${author} reports on the valley.\n`);
  }
  for (const article of generated.articles) {
    const folder = path.join(root, "content", "articles", article.year);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${article.slug}.md`), toTidingsMarkdown(article));
  }
}

/** The Markdown file of one article, as an editor would write it. */
export function toTidingsMarkdown(article: GeneratedArticle): string {
  const lines = [
    "---",
    `title: ${JSON.stringify(article.title)}`,
    `date: ${article.date}`,
    `byline: ${JSON.stringify(article.byline)}`,
    `tags: ${JSON.stringify(article.tags)}`,
  ];
  if (article.sources.length > 0) {
    lines.push("sources:");
    for (const source of article.sources) {
      lines.push(`  - name: ${JSON.stringify(source.name)}`);
      if (source.url) lines.push(`    url: ${source.url}`);
    }
  }
  lines.push("---", article.body, "");
  return lines.join("\n");
}

/**
 * Write the same articles as a plain Eleventy 3 project (default markdown-it, one Nunjucks
 * layout, one page per tag through Eleventy's tag collections): the baseline.
 */
export function writeEleventySite(root: string, generated: ReturnType<typeof generateArticles>): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "articles"), { recursive: true });
  mkdirSync(path.join(root, "_includes"), { recursive: true });
  writeFileSync(path.join(root, "eleventy.config.mjs"), 'export default function (eleventyConfig) { eleventyConfig.setQuietMode(true); }\n');
  writeFileSync(
    path.join(root, "_includes", "layout.njk"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1><p>By {{ byline | join(", ") }} · {{ page.date.toISOString() }}</p>{{ content | safe }}<ul>{% for tag in tags %}<li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a></li>{% endfor %}</ul></main></body></html>\n',
  );
  writeFileSync(
    path.join(root, "tags.njk"),
    '---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n  filter: [all]\npermalink: /tags/{{ tag | slugify }}/\n---\n<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ tag }}</title></head><body><h1>{{ tag }}</h1><ul>{% for item in collections[tag] | reverse %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul></body></html>\n',
  );
  writeFileSync(
    path.join(root, "index.njk"),
    '---\npagination:\n  data: collections.all\n  size: 10\n  reverse: true\n---\n<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><ul>{% for item in pagination.items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul></body></html>\n',
  );
  for (const article of generated.articles) {
    const frontMatter = [
      "---",
      "layout: layout.njk",
      `title: ${JSON.stringify(article.title)}`,
      `date: ${article.date.replace(" ", "T")}:00Z`,
      `byline: ${JSON.stringify(article.byline)}`,
      `tags: ${JSON.stringify(article.tags)}`,
      `permalink: /${article.year}/${article.slug}/`,
      "---",
    ];
    writeFileSync(path.join(root, "articles", `${article.slug}.md`), `${frontMatter.join("\n")}\n${article.body}\n`);
  }
}
