import type { Element, ElementContent } from "hast";
import type { CardEmbed, Embed, FrameEmbed, Ratio } from "./providers.ts";

/** What an editor may set on an embed besides its address. */
export interface EmbedOptions {
  /** The title readers hear and see on the facade; the provider's default when absent. */
  title?: string;
  /** The box's shape, overriding the provider's usual one. */
  ratio?: Ratio;
  /** For posts: the words of the post, quoted on the card (the build cannot fetch them). */
  text?: string;
}

/** The attribute on a facade link that carries the iframe's address; only this module writes it, since the sanitiser drops every `data-*` an editor writes. */
export const EMBED_SRC_ATTRIBUTE = "data-embed-src";

// Words Tidings writes around an embed (provider names, "view the post") are not the article's own
// text, so search leaves them out, as it does the page's other furniture.
const NOT_INDEXED = { dataPagefindIgnore: "" };

/**
 * An embed as hast: a click-to-load facade for frames, a static quote card for posts. Neither
 * references anything on a third-party host that a browser fetches by itself: only `href` and
 * `cite` (followed when the reader asks) and `data-embed-*` (read by embed.js on a click).
 */
export function toEmbedElement(embed: Embed, options: EmbedOptions = {}): Element {
  return embed.kind === "frame" ? toFacade(embed, options) : toCard(embed, options);
}

function toFacade(embed: FrameEmbed, options: EmbedOptions): Element {
  const title = options.title ?? embed.defaultTitle;
  const ratio = options.ratio ?? embed.ratio;
  // A link, not a button: without JavaScript it takes the reader to the provider's page; embed.js
  // turns the click into the iframe. Its text is the title, so the title is its accessible name.
  const facade = el(
    "a",
    {
      className: ["embed-load"],
      href: embed.page,
      rel: ["noopener", "noreferrer"],
      dataEmbedSrc: embed.src,
      dataEmbedAllow: embed.allow,
      dataEmbedSandbox: embed.sandbox,
      dataEmbedTitle: title,
    },
    [el("span", { className: ["embed-play"], ariaHidden: "true" }, []), el("span", { className: ["embed-title"] }, [text(title)])],
  );
  return el("figure", { className: ["embed", `embed-${embed.provider}`] }, [
    el("div", { className: ["embed-box", `ratio-${ratio}`] }, [facade]),
    el("figcaption", { className: ["embed-note"], ...NOT_INDEXED }, [text(`${embed.providerName}: nothing loads from ${embed.providerName} until you select it.`)]),
  ]);
}

function toCard(embed: CardEmbed, options: EmbedOptions): Element {
  const words = options.text ?? options.title;
  const quote: ElementContent[] = words === undefined ? [el("p", NOT_INDEXED, [text(`A post by ${embed.author} on ${embed.providerName}.`)])] : [el("p", {}, [text(words)])];
  return el("figure", { className: ["embed", "embed-card", `embed-${embed.provider}`] }, [
    el("blockquote", { cite: embed.page }, quote),
    el("figcaption", NOT_INDEXED, [
      text(`${embed.author} on ${embed.providerName}: `),
      el("a", { href: embed.page, rel: ["noopener", "noreferrer"] }, [text(`view the post on ${embed.providerName}`)]),
    ]),
  ]);
}

/** The link a feed carries instead of a facade: feed readers run no script, and many strip figures. */
export function toFeedLink(embed: Embed, options: EmbedOptions = {}): Element {
  const title = options.title ?? (embed.kind === "frame" ? embed.defaultTitle : `A post by ${embed.author}`);
  return el("p", {}, [el("a", { href: embed.page }, [text(`${title} (${embed.providerName})`)])]);
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
