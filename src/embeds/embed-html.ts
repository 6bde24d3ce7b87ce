import type { Element, ElementContent } from "hast";
import { s } from "hastscript";
import type { Messages } from "../i18n/messages.ts";
import { OWN_WORDS_CLASS, POSTER_CLASS } from "../markdown/marks.ts";
import type { CardEmbed, Embed, FrameEmbed, Medium, Ratio } from "./providers.ts";

/** What an editor may set on an embed besides its address. */
export interface EmbedOptions {
  /** The title readers hear and see on the facade; the provider's default when absent. */
  title?: string;
  /** The box's shape, overriding the provider's usual one. */
  ratio?: Ratio;
  /** For posts: the words of the post, quoted on the card (the build cannot fetch them); without them nothing is quoted. */
  text?: string;
  /** For frames: a local picture's path (never an address: `parseEmbedDirective` refuses those), shown on the facade. */
  poster?: string;
}

/** The attribute on a facade link that carries the iframe's address; only this module writes it, since the sanitiser drops every `data-*` an editor writes. */
export const EMBED_SRC_ATTRIBUTE = "data-embed-src";

// Words Tidings writes around an embed (provider names, "view the post") are not the article's own
// text, so search leaves them out, as it does the page's other furniture.
const NOT_INDEXED = { dataPagefindIgnore: "" };

/**
 * An embed as hast: a click-to-load facade for frames, a static quote card or link for posts. Neither
 * references anything on a third-party host that a browser fetches by itself: only `href` and
 * `cite` (followed when the reader asks) and `data-embed-*` (read by embed.js on a click); a
 * poster is the site's own picture, published later like any body image.
 */
export function toEmbedElement(embed: Embed, options: EmbedOptions, messages: Messages): Element {
  return embed.kind === "frame" ? toFacade(embed, options, messages) : toCard(embed, options, messages);
}

/** The title a frame gets when the editor gives none, in the site's language: "Video on YouTube". */
export function defaultTitle(embed: FrameEmbed, messages: Messages): string {
  return messages.text("embed.title", { subject: embed.subject, provider: embed.providerName });
}

function toFacade(embed: FrameEmbed, options: EmbedOptions, messages: Messages): Element {
  const title = options.title ?? defaultTitle(embed, messages);
  const ratio = options.ratio ?? embed.ratio;
  // A default title ("Chart by Datawrapper") already names the kind and the provider.
  const action =
    options.title === undefined
      ? []
      : [
          text(" "),
          el("span", { className: ["embed-action"], ...NOT_INDEXED }, [
            text(messages.text("embed.action", { medium: embed.medium, provider: embed.providerName })),
          ]),
        ];
  const poster = options.poster === undefined ? [] : [el("img", { className: [POSTER_CLASS], src: options.poster, alt: "" }, [])];
  // A link, not a button: without JavaScript it takes the reader to the provider's page; embed.js
  // turns the click into the iframe. Its text is the title and then what selecting it does, so
  // screen readers name it by the title; the symbol is decoration.
  const facade = el(
    "a",
    {
      className: options.poster === undefined ? ["embed-load"] : ["embed-load", "embed-with-poster"],
      href: embed.page,
      rel: ["noopener", "noreferrer"],
      dataEmbedSrc: embed.src,
      dataEmbedAllow: embed.allow,
      dataEmbedSandbox: embed.sandbox,
      dataEmbedTitle: title,
    },
    [
      ...poster,
      symbol(embed.medium),
      el("span", { className: ["embed-words"] }, [el("span", { className: ["embed-title"] }, [text(title)]), ...action]),
    ],
  );
  return el("figure", { className: ["embed", `embed-${embed.provider}`] }, [
    el("div", { className: ["embed-box", `ratio-${ratio}`] }, [facade]),
    el("figcaption", { className: ["embed-note"], ...NOT_INDEXED }, [text(messages.text("embed.note", { provider: embed.providerName }))]),
  ]);
}

// Line drawings on a 24-unit grid, stroked in the text colour: bars, a page, a sound wave, a folded map.
const ICONS: Readonly<Record<Exclude<Medium, "video">, string>> = {
  chart: "M3 21h18M6 17v-5M11 17V6M16 17v-8",
  document: "M6 2h9l5 5v15H6zM15 2v5h5M9 12h8M9 16h8",
  audio: "M3 10v4M7 7v10M11 3v18M15 7v10M19 10v4",
  map: "M2 6l7-3 6 3 7-3v15l-7 3-6-3-7 3zM9 3v15M15 6v15",
};

/**
 * The facade's symbol: a play triangle (CSS) only for video, since it promises something to
 * play; every other kind its own icon, drawn inline so it costs no request.
 */
function symbol(medium: Medium): Element {
  if (medium === "video") return el("span", { className: ["embed-play"], ariaHidden: "true" }, []);
  return s(
    "svg",
    {
      className: ["embed-icon", `embed-icon-${medium}`],
      viewBox: "0 0 24 24",
      width: 40,
      height: 40,
      fill: "none",
      stroke: "currentColor",
      strokeWidth: 1.75,
      strokeLinecap: "round",
      strokeLinejoin: "round",
      ariaHidden: "true",
    },
    [s("path", { d: ICONS[medium] })],
  );
}

/**
 * A post: the words the editor gave, quoted as the author's with a link to the post; without them,
 * no quotation at all (the build cannot fetch the post, and anything else in a blockquote would be
 * words the author never wrote), just a link to the post and who posted it.
 */
function toCard(embed: CardEmbed, options: EmbedOptions, messages: Messages): Element {
  const link = (words: string, properties: Element["properties"] = {}) =>
    el("a", { href: embed.page, rel: ["noopener", "noreferrer"], ...properties }, [text(words)]);
  if (options.text === undefined) {
    const lead = options.title === undefined ? [] : [text(options.title)];
    const by =
      embed.author !== undefined
        ? options.title === undefined
          ? messages.text("embed.postedBy", { author: embed.author })
          : messages.text("embed.postedByAfterTitle", { author: embed.author })
        : lead.length > 0
          ? messages.text("embed.afterTitle")
          : "";
    const between = by === "" ? [] : [el("span", NOT_INDEXED, [text(by)])];
    return el("p", { className: [OWN_WORDS_CLASS, `embed-${embed.provider}`] }, [
      ...lead,
      ...between,
      link(messages.text("embed.viewPost", { provider: embed.providerName }), NOT_INDEXED),
    ]);
  }
  const source =
    embed.author === undefined
      ? messages.text("embed.postSourceNoAuthor", { provider: embed.providerName })
      : messages.text("embed.postSource", { author: embed.author, provider: embed.providerName });
  return el("figure", { className: ["embed", "embed-card", `embed-${embed.provider}`] }, [
    el("blockquote", { cite: embed.page }, [el("p", {}, [text(options.text)])]),
    el("figcaption", NOT_INDEXED, [text(source), link(messages.text("embed.viewThePost", { provider: embed.providerName }))]),
  ]);
}

/**
 * What a feed carries for an embed: feed readers run no script and many strip figures, so a frame
 * is a link saying what it is and where ("River levels (chart on Flourish)"); a post is its card,
 * already a quote or a link.
 */
export function toFeedLink(embed: Embed, options: EmbedOptions, messages: Messages): Element {
  if (embed.kind === "card") return toCard(embed, options, messages);
  const words =
    options.title === undefined
      ? defaultTitle(embed, messages)
      : messages.text("embed.feedLink", { title: options.title, medium: embed.medium, provider: embed.providerName });
  return el("p", {}, [el("a", { href: embed.page }, [text(words)])]);
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
