import { imageSources } from "../../src/media/picture-html.ts";
import { frameOrigins } from "../../src/embeds/frame-sources.ts";
import { bodyFacts, knownBody, type BodyHtml, type BodyParts } from "../../src/model/body-html.ts";
import type { SearchDocument } from "../../src/search/search-documents.ts";

/** A rendered body whose HTML is at hand, with the facts rendering would give it. */
export function htmlBody(...parts: BodyParts): BodyHtml {
  return knownBody(parts, bodyFacts(parts, { imageSources, frameOrigins }));
}

/** A search document whose HTML is at hand (not an article's): its HTML is its key text. */
export function htmlDocument(document: { url: string; publishedMs: number; html: () => string }): SearchDocument {
  return { ...document, keyText: document.html, bodyChars: 0 };
}
