import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { EXIT, walk } from "../markdown/walk.ts";
import { hasEmbeds } from "./frame-sources.ts";
import type { Messages } from "../i18n/messages.ts";
import { defaultTitle, toFeedLink } from "./embed-html.ts";
import { parseEmbedUrl } from "./providers.ts";

/**
 * A rendered body for feeds: each click-to-load facade becomes a paragraph with a plain link to
 * the provider's page, saying what it is (feed readers run no script and often drop figures; the
 * facade's box would be an empty rectangle there, and its poster a picture that plays nothing).
 * Post cards stay, as they are already a quote or a link.
 */
export function embedsAsLinks(html: string, messages: Messages): string {
  if (!hasEmbeds([html])) return html;
  const tree = fromHtml(html, { fragment: true });
  walk(tree, (node, index, parent) => {
    if (node.type !== "element" || node.tagName !== "figure") return undefined;
    const facade = findFacade(node);
    if (facade === undefined) return undefined;
    parent.children[index] = feedLink(String(facade.properties.href ?? ""), String(facade.properties.dataEmbedTitle ?? ""), messages);
    return index + 1;
  });
  return toHtml(tree);
}

/** The feed's link for a facade, read back from the provider's page the facade links to (the facade's HTML says no more than that and the title). */
function feedLink(page: string, title: string, messages: Messages): Element {
  const parsed = parseEmbedUrl(page);
  if (parsed.ok) return toFeedLink(parsed.embed, title === "" || (parsed.embed.kind === "frame" && title === defaultTitle(parsed.embed, messages)) ? {} : { title }, messages);
  // Only a page this build wrote reaches here, and every one parses; a plain link is the safe side.
  return { type: "element", tagName: "p", properties: {}, children: [{ type: "element", tagName: "a", properties: { href: page }, children: [{ type: "text", value: title }] }] };
}

function findFacade(figure: Element): Element | undefined {
  let found: Element | undefined;
  walk(figure, (node) => {
    if (node.type === "element" && node.tagName === "a" && node.properties.dataEmbedSrc !== undefined) {
      found = node;
      return EXIT;
    }
    return undefined;
  });
  return found;
}
