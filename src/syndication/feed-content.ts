import type { Messages } from "../i18n/messages.ts";
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { SiteConfig } from "../config/config.ts";
import { embedsAsLinks } from "../embeds/feed-embeds.ts";
import { walk } from "../markdown/walk.ts";
import type { Article } from "../model/types.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";

// One article is in several feeds (the site's in three formats, its tags', its authors'): its
// content is built once per site address.
const cache = new WeakMap<Article, { siteUrl: string; html: string }>();

/**
 * The full content of an article for feeds, as HTML: the lead image with its caption and credit,
 * the standfirst, then the body. Feed readers show it away from the site, so every link and image
 * address is made absolute against the article's address (`#note` → the article's address with
 * `#note`). Body links already carry the site's path prefix (the Markdown pipeline adds it), so a
 * root-relative `/news/media/x.jpg` resolves against the host; the lead image is a site path and
 * is placed under the site's address. The donation block and page furniture are not part of it.
 */
export function feedContentHtml(article: Article, config: SiteConfig, messages: Messages): string {
  const cached = cache.get(article);
  if (cached?.siteUrl === config.url) return cached.html;
  const articleUrl = toAbsoluteUrl(article.url, config.url);
  const opening: Root = { type: "root", children: [] };
  if (article.image) {
    const { image } = article;
    const caption = [image.caption, image.credit].filter((part) => part !== undefined).join(" ");
    // The resized fallback src/media/ made (already under the path prefix), else the file as published.
    const src = image.picture ? new URL(image.picture.src, articleUrl).href : toAbsoluteUrl(image.url, config.url);
    opening.children.push(h("figure", [h("img", { src, alt: image.alt }), caption === "" ? undefined : h("figcaption", caption)]));
  }
  const parts = [toHtml(opening)];
  if (article.standfirst !== "") parts.push(`<p>${withAbsoluteLinks(article.standfirst, articleUrl)}</p>`);
  // Facades become plain links: a feed reader runs no script. A live page's updates follow its
  // introduction, newest first, each under its time, linked to its anchor on the page.
  const updates = (article.live?.updates ?? []).map(
    (update) =>
      toHtml(
        h("h2", [
          h("a", { href: `#${update.id}` }, `${update.time.time}${messages.text("live.updateDay", { day: update.time.day })}`),
          update.title === undefined ? "" : ` ${update.title}`,
        ]),
      ) + update.html,
  );
  parts.push(withAbsoluteLinks(embedsAsLinks([...article.body.parts(), ...updates].join("\n"), messages), articleUrl));
  const html = parts.join("");
  cache.set(article, { siteUrl: config.url, html });
  return html;
}

// Rendered bodies are serialised by hast-util-to-html, which writes every attribute as ` name="value"`
// (a `"` in a value as a reference): a body in which every address these match is absolute has no
// link or image that needs rewriting, and is used as it is; an image CDN's pictures are all
// absolute. Text that merely looks like an attribute only costs a parse that changes nothing; one
// with a lone `"` could run on into a real tag and hide its address, so a match that holds a `<`
// or `>` counts as relative.
const URL_ATTRIBUTE = / (href|src|srcset)="([^"]*)"/g;
const ABSOLUTE = /^(?:https?:\/\/|mailto:)/;

function mayHaveRelativeUrl(html: string): boolean {
  for (const [, name, value = ""] of html.matchAll(URL_ATTRIBUTE)) {
    if (value.includes("<") || value.includes(">")) return true;
    const addresses = name === "srcset" ? splitSrcset(value).map((candidate) => candidate.address) : [value];
    if (addresses.some((address) => !ABSOLUTE.test(address))) return true;
  }
  return false;
}

/** The HTML with every `href`, `src` and `srcset` address made absolute; parsed only when it may have a relative one (parsing costs ~1.5 ms an article). */
function withAbsoluteLinks(html: string, articleUrl: string): string {
  if (!mayHaveRelativeUrl(html)) return html;
  const tree = fromHtml(html, { fragment: true });
  walk(tree, (node) => {
    if (node.type !== "element") return undefined;
    for (const attribute of ["href", "src"] as const) {
      const value = node.properties[attribute];
      if (typeof value === "string") node.properties[attribute] = absolute(value, articleUrl);
    }
    // `srcset` is a list of "address width" candidates; hast-util-from-html may give it as an
    // array although @types/hast types it as a string, so both are read.
    const srcSet: unknown = node.properties.srcSet;
    const value = Array.isArray(srcSet) ? srcSet.map(String).join(",") : typeof srcSet === "string" ? srcSet : undefined;
    if (value !== undefined) {
      node.properties.srcSet = splitSrcset(value)
        .map(({ address, descriptor }) => [absolute(address, articleUrl), descriptor].filter((part) => part !== "").join(" "))
        .join(", ");
    }
    return undefined;
  });
  return toHtml(tree);
}

function absolute(value: string, articleUrl: string): string {
  try {
    return new URL(value, articleUrl).href;
  } catch {
    return value;
  }
}

/**
 * The candidates of a `srcset`, read as browsers read them (HTML's srcset parsing rules): an
 * address runs to the next whitespace, so the commas image CDNs put inside addresses
 * (`/cdn-cgi/image/width=800,f=auto/…`) stay in them; a comma ends a candidate only after the address.
 */
export function splitSrcset(value: string): { address: string; descriptor: string }[] {
  const candidates: { address: string; descriptor: string }[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value[position] ?? "")) position++;
    if (position >= value.length) break;
    let end = position;
    while (end < value.length && !/\s/.test(value[end] ?? "")) end++;
    const address = value.slice(position, end);
    position = end;
    if (address.endsWith(",")) {
      candidates.push({ address: address.replace(/,+$/, ""), descriptor: "" });
      continue;
    }
    // The descriptor runs to the next comma outside parentheses (`(min-width: …)` never occurs here, but the rule allows it).
    let depth = 0;
    end = position;
    while (end < value.length && (value[end] !== "," || depth > 0)) {
      if (value[end] === "(") depth++;
      else if (value[end] === ")") depth = Math.max(0, depth - 1);
      end++;
    }
    candidates.push({ address, descriptor: value.slice(position, end).trim() });
    position = end + 1;
  }
  return candidates;
}
