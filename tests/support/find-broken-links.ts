import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { htmlFiles } from "./site-files.ts";

/** A link in a built page that leads nowhere: which page, what it points to, and why it fails. */
export interface BrokenLink {
  page: string;
  target: string;
  problem: "missing" | "fragment";
}

// Where pages refer to other files. srcset holds several candidates, split below.
const ATTRIBUTES: [selector: string, attribute: string][] = [
  ["a[href]", "href"],
  ["area[href]", "href"],
  ["link[href]", "href"],
  ["img[src]", "src"],
  ["script[src]", "src"],
  ["source[src]", "src"],
  ["form[action]", "action"],
  ["img[srcset]", "srcset"],
  ["source[srcset]", "srcset"],
  ['meta[property="og:url"]', "content"],
  ['meta[property="og:image"]', "content"],
  ['meta[name="twitter:image"]', "content"],
];

/**
 * Every internal link, image, stylesheet, script and fragment in a built site that does not
 * resolve: a site path (or an address on the site's own host, such as the canonical URL) must name
 * a published file or folder with an index.html, and a `#fragment` must name an element id in the
 * target page. Links to other hosts are skipped (the check runs offline).
 */
export function findBrokenLinks(outputDir: string, siteUrl: string): BrokenLink[] {
  const site = new URL(siteUrl);
  const prefix = site.pathname.endsWith("/") ? site.pathname : `${site.pathname}/`;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string, $?: CheerioAPI): Set<string> => {
    let found = ids.get(file);
    if (!found) {
      const page = $ ?? load(readFileSync(file, "utf8"));
      found = new Set(
        page("[id]")
          .map((_, element) => page(element).attr("id") ?? "")
          .get(),
      );
      page("a[name]").each((_, element) => void found?.add(page(element).attr("name") ?? ""));
      ids.set(file, found);
    }
    return found;
  };

  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(outputDir)) {
    const $ = load(readFileSync(file, "utf8"));
    const pagePath = `/${path.relative(outputDir, file).split(path.sep).join("/")}`;
    const pageUrl = new URL(pagePath.replace(/index\.html$/, ""), site.origin + prefix.slice(0, -1) + "/");
    for (const [selector, attribute] of ATTRIBUTES) {
      $(selector).each((_, element) => {
        const value = $(element).attr(attribute) ?? "";
        const targets = attribute === "srcset" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") : [value];
        for (const target of targets.filter((candidate) => candidate !== "")) {
          const problem = checkTarget(target, pageUrl, site, prefix, outputDir, file, $, idsOf);
          if (problem) broken.push({ page: pagePath, target, problem });
        }
      });
    }
  }
  return broken;
}

function checkTarget(
  target: string,
  pageUrl: URL,
  site: URL,
  prefix: string,
  outputDir: string,
  pageFile: string,
  $: CheerioAPI,
  idsOf: (file: string, $?: CheerioAPI) => Set<string>,
): BrokenLink["problem"] | undefined {
  // Relative links resolve against the page's address on the site's host; other hosts and schemes are out of scope.
  const url = new URL(target, pageUrl);
  if (url.origin !== site.origin) return undefined;
  if (!url.pathname.startsWith(prefix)) return "missing";
  const fragment = decodeURIComponent(url.hash.slice(1));
  const samePage = target.startsWith("#");
  const file = samePage ? pageFile : resolveFile(outputDir, decodeURIComponent(url.pathname.slice(prefix.length)));
  if (!file) return "missing";
  if (fragment === "" || !file.endsWith(".html")) return undefined;
  return idsOf(file, samePage ? $ : undefined).has(fragment) ? undefined : "fragment";
}

// A static host serves a folder as its index.html.
function resolveFile(outputDir: string, relative: string): string | undefined {
  const candidate = path.join(outputDir, ...relative.split("/").filter((part) => part !== ""));
  if (!candidate.startsWith(outputDir)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}
