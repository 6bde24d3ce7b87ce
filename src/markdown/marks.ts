import type { Element } from "hast";

/*
 * Classes a plugin puts on elements it writes itself, so that the general plugins can tell them
 * from what the editor wrote. The sanitiser lets no editor write a class on an image or a
 * paragraph, and the plugins that write these run after it, so a class here is never forged.
 */

/** On a picture Tidings shows as decoration for a named attribute (an embed's `poster`): empty alt text by design, reported under that field. */
export const POSTER_CLASS = "embed-poster";

/** On a paragraph of Tidings' own words (the link to a post given without its words): never the article's opening paragraph. */
export const OWN_WORDS_CLASS = "embed-post";

/** True for a picture marked with POSTER_CLASS. */
export function isPoster(image: Element): boolean {
  return hasClass(image, POSTER_CLASS);
}

/** True for a paragraph marked with OWN_WORDS_CLASS. */
export function isOwnWords(paragraph: Element): boolean {
  return hasClass(paragraph, OWN_WORDS_CLASS);
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}
