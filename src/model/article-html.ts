import type { Article } from "./types.ts";

/** Every piece of an article's rendered HTML: the body's parts, then a live page's updates (for embeds, frame sources and feeds). */
export function articleHtml(article: Article): string[] {
  const updates = article.live?.updates ?? [];
  return updates.length === 0 ? [...article.body.parts()] : [...article.body.parts(), ...updates.map((update) => update.html)];
}
