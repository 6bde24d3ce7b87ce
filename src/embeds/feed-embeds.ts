import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { EXIT, walk } from "../markdown/walk.ts";
import { hasEmbeds } from "./frame-sources.ts";
import { PROVIDER_NAMES, type ProviderId } from "./providers.ts";

/**
 * A rendered body for feeds: each click-to-load facade becomes a paragraph with a plain link to
 * the provider's page (feed readers run no script and often drop figures; the facade's box would
 * be an empty rectangle there). Post cards stay, as they are already a quote and a link.
 */
export function embedsAsLinks(html: string): string {
  if (!hasEmbeds([html])) return html;
  const tree = fromHtml(html, { fragment: true });
  walk(tree, (node, index, parent) => {
    if (node.type !== "element" || node.tagName !== "figure") return undefined;
    const facade = findFacade(node);
    if (facade === undefined) return undefined;
    const provider = classes(node).find((name) => name.startsWith("embed-"))?.slice("embed-".length) as ProviderId | undefined;
    const name = provider !== undefined && provider in PROVIDER_NAMES ? PROVIDER_NAMES[provider] : undefined;
    const title = String(facade.properties.dataEmbedTitle ?? "");
    const link: Element = { type: "element", tagName: "a", properties: { href: facade.properties.href ?? "" }, children: [{ type: "text", value: name === undefined ? title : `${title} (${name})` }] };
    parent.children[index] = { type: "element", tagName: "p", properties: {}, children: [link] };
    return index + 1;
  });
  return toHtml(tree);
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

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}
