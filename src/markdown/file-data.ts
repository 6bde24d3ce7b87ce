import type { Messages } from "../i18n/messages.ts";

/**
 * What the Markdown plugins read from and write to `file.data`. The shared processor is frozen,
 * so anything that differs per render travels on the file, never in plugin options.
 */

/** A link target found in the body, with its 1-based line in the body. */
export interface BodyLink {
  url: string;
  line: number;
}

/** An image found in the body: `src` as written, its alt text and its 1-based line in the body. */
export interface BodyImage {
  src: string;
  alt: string;
  line: number;
  /** The attribute that names it when it is not a picture in the text: `poster` for an embed's poster. */
  field?: string;
}

declare module "vfile" {
  interface DataMap {
    /** The site's words, for what plugins write around the editor's (an embed's "Load the chart from …"). */
    messages: Messages;
    /** Ids the page template already uses; input for `rehypeHeadingIds`. */
    reservedIds: readonly string[];
    /** Host names of the site itself; input for `rehypeSafeExternalLinks`. */
    siteHosts: readonly string[];
    /** Maps an image `src` as written to its published URL; input for `rehypeResolveUrls`. */
    resolveImage: (src: string) => string | undefined;
    /** Maps a link `href` as written to the address to publish; input for `rehypeResolveUrls`. */
    resolveLink: (href: string) => string | undefined;
    /** Index in the root's children where the donation block goes; set by `rehypeDonateSplit`. */
    donateSplit: number;
    /** Every link in the output; set by `rehypeBodyFacts`. */
    links: BodyLink[];
    /** Every image in the output; set by `rehypeBodyFacts`. */
    images: BodyImage[];
    /** Every element id in the output, for checking links to a section; set by `rehypeBodyFacts`. */
    ids: string[];
    /** Plain text of the first top-level paragraph, "" if none; set by `rehypeBodyFacts`. */
    firstParagraph: string;
    /** Words of visible text; set by `rehypeBodyFacts`. */
    wordCount: number;
  }
}
