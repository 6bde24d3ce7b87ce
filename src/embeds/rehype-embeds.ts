import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";
import { parseEmbedDirective, isEmbedDirective } from "./embed-directive.ts";
import { englishMessages } from "../i18n/catalogues.ts";
import { toEmbedElement } from "./embed-html.ts";
import { parseEmbedUrl } from "./providers.ts";
import { paragraphSource } from "../markdown/leaf-directive.ts";
import { report } from "../markdown/report.ts";
import { walk, SKIP } from "../markdown/walk.ts";

/**
 * Turn embeds into facades (src/embeds/), on top-level paragraphs only:
 * - a link to a supported provider alone in its paragraph (a bare address, or `[Title](address)`,
 *   whose words become the title); any other link stays a link, since an editor may simply mean
 *   to link to a video;
 * - a `::embed{url="…" title="…" ratio="…" poster="…"}` line; there an unknown or malformed
 *   address, or a mistake in the attributes, is an error (`markdown/embed`). A poster is left as
 *   an `<img>` with the path as written, so the later steps treat it as any body picture: its
 *   path resolved, its file checked and published in the sizes the site makes.
 * Runs after the sanitiser, because the facade carries `data-embed-*` attributes that no editor
 * may write themselves; it builds them only from addresses `parseEmbedUrl` accepted.
 */
export function rehypeEmbeds() {
  return function (tree: Root, file: VFile): undefined {
    // The words around an embed are in the site's language; a render without a site's (a test, a tool) writes English.
    const messages = file.data.messages ?? englishMessages();
    walk(tree, (node, index, parent) => {
      if (node.type !== "element") return undefined;
      if (node.tagName !== "p" || parent.type !== "root") return SKIP;
      const directive = directiveSource(node, file);
      if (directive !== undefined) {
        const parsed = parseEmbedDirective(directive);
        if (!parsed.ok) {
          report(file, node, { severity: "error", rule: "embed", ...parsed.problem });
          return SKIP;
        }
        const embed = parseEmbedUrl(parsed.directive.url ?? "");
        if (!embed.ok) {
          report(file, node, { severity: "error", rule: "embed", message: `the embed's address ${embed.error.message}`, fix: embed.error.fix });
          return SKIP;
        }
        const { title, ratio, text, poster } = parsed.directive;
        if (poster !== undefined && embed.embed.kind === "card") {
          report(file, node, {
            severity: "error",
            rule: "embed",
            message: `the embed's \`poster\` is on a post from ${embed.embed.providerName}, which shows no picture: only a video, chart, document, audio or map box has one`,
            fix: "Remove `poster`; to show the post's words, give them with `text`.",
          });
          return SKIP;
        }
        parent.children[index] = placed(toEmbedElement(embed.embed, { ...(title && { title }), ...(ratio && { ratio }), ...(text && { text }), ...(poster && { poster }) }, messages), node);
        return SKIP;
      }
      const link = soleLink(node);
      const href = link?.properties.href;
      if (link === undefined || typeof href !== "string") return SKIP;
      const embed = parseEmbedUrl(href);
      if (!embed.ok) return SKIP;
      const words = toString(link).trim();
      const title = words === "" || words === href || words === href.replace(/^https?:\/\//, "") ? undefined : words;
      parent.children[index] = placed(toEmbedElement(embed.embed, title === undefined ? {} : { title }, messages), node);
      return SKIP;
    });
  };
}

/** The embed at the paragraph's place, so the facts (a poster's line) and messages point at the embed's line. */
function placed(embed: Element, paragraph: Element): Element {
  if (paragraph.position !== undefined) embed.position = paragraph.position;
  return embed;
}

/** The paragraph's source when it is an `::embed` line. */
function directiveSource(paragraph: Element, file: VFile): string | undefined {
  const source = paragraphSource(paragraph, file);
  return isEmbedDirective(source) ? source : undefined;
}

/** The paragraph's only child that is not whitespace, when it is a link. */
function soleLink(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const only = content[0];
  return content.length === 1 && only?.type === "element" && only.tagName === "a" ? only : undefined;
}
