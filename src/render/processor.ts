import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { htmlCommentHandler } from "../markdown/html-comment-handler.ts";
import { rehypeBodyFacts } from "../markdown/plugins/rehype-body-facts.ts";
import { rehypeDonateSplit } from "../markdown/plugins/rehype-donate-split.ts";
import { rehypeEmbeds } from "../embeds/rehype-embeds.ts";
import { rehypeFigures } from "../markdown/plugins/rehype-figures.ts";
import { rehypeFragmentLinks } from "../markdown/plugins/rehype-fragment-links.ts";
import { rehypeLiveUpdates } from "../live/rehype-live-updates.ts";
import { rehypeHeadingIds } from "../markdown/plugins/rehype-heading-ids.ts";
import { rehypeResolveUrls } from "../markdown/plugins/rehype-resolve-urls.ts";
import { rehypeRawWhenNeeded } from "../markdown/plugins/rehype-raw-when-needed.ts";
import { rehypeReportUnsafe } from "../markdown/plugins/rehype-report-unsafe.ts";
import { rehypeSafeExternalLinks } from "../markdown/plugins/rehype-safe-external-links.ts";
import { rehypeTableAlign } from "../markdown/plugins/rehype-table-align.ts";
import { remarkDirectiveLines } from "../markdown/plugins/remark-directive-lines.ts";
import { gfmConstructsFor, remarkGfmLean, type GfmConstructs } from "../markdown/plugins/remark-gfm-lean.ts";
import { remarkPlainTaskLists } from "../markdown/plugins/remark-plain-task-lists.ts";
import { clobberPrefix, newsroomSchema } from "../markdown/sanitize-schema.ts";

/**
 * The article body pipeline for `source`: one frozen pipeline for each set of GFM constructs a text
 * can hold (gfmConstructsFor), without the others, which parses to the same tree (micromark would
 * try a table at every line and an autolink at every word starting with `h`, `w` or `_`). Renders
 * share them, so per-render values (reserved ids, site hosts) travel on `file.data`. Synchronous
 * throughout.
 *
 *  1. remark-parse               Markdown → mdast
 *  2. remarkGfmLean              GFM as remark-gfm parses it (tables, strikethrough, autolinks,
 *                                task lists, footnotes), at about half the cost; tables and
 *                                autolink literals only in a text that can hold them (processorFor)
 *  3. remarkPlainTaskLists       task items → ☐/☑ text (no form controls)
 *  3a. remarkDirectiveLines      an `::update`/`::embed` line with text right under it → two
 *                               paragraphs, so steps 10a and 13a see the line on its own
 *  4. remark-rehype              mdast → hast; raw HTML kept as `raw` nodes, plain comments
 *                                become comment nodes; footnote ids left unprefixed (step 8 fixes links)
 *  5. rehypeRawWhenNeeded        parse raw HTML with parse5, only when there is any
 *  6. rehypeTableAlign           table cells' `align` (from GFM `---:`) → `align-*` classes
 *  7. rehypeReportUnsafe         warn about what step 8 will remove
 *  8. rehype-sanitize            newsroomSchema: the allowlist; prefixes ids with `user-content-`
 *  9. rehypeFragmentLinks        `#fn-1` → `#user-content-fn-1`
 * 10. rehypeHeadingIds           # → h2 when needed; unique ids, never a reserved one
 * 10a. rehypeEmbeds              provider links alone on a line and `::embed{…}` lines → click-to-load
 *                               facades and post cards (after 8: they carry data-embed-* attributes
 *                               no editor may write; src/embeds/ decides what is an embed)
 * 11. rehypeSafeExternalLinks    rel="noopener noreferrer" on links to other hosts
 * 12. rehypeFigures              captioned figures, lazy images, alt-text errors
 * 13. rehypeDonateSplit          find the donation marker; drop all comments
 * 13a. rehypeLiveUpdates         `::update{time=…}` lines → markers `renderMarkdown` cuts a live
 *                               page's updates at (after 13: it drops a donation marker below them)
 * 14. rehypeBodyFacts            links, images, ids, first paragraph, word count
 * 15. rehypeResolveUrls          image paths and links to content files → published URLs
 *                               (after 14, so the facts keep what the editor wrote)
 * 16. rehype-stringify           hast → HTML (called once per part by `renderMarkdown`)
 *
 * Bump `PIPELINE_VERSION` in render-markdown.ts whenever a change here can change the output.
 */
export function processorFor(source: string): BodyProcessor {
  const constructs = gfmConstructsFor(source);
  const key = JSON.stringify(constructs);
  let found = pipelines.get(key);
  if (found === undefined) {
    found = bodyProcessor(constructs);
    pipelines.set(key, found);
  }
  return found;
}

type BodyProcessor = ReturnType<typeof bodyProcessor>;

// The pipeline for each set of GFM constructs a text can hold, made when first needed (at most 16).
const pipelines = new Map<string, BodyProcessor>();

function bodyProcessor(constructs: GfmConstructs) {
  return unified()
    .use(remarkParse)
    .use(remarkGfmLean, constructs)
    .use(remarkPlainTaskLists)
    .use(remarkDirectiveLines)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "", handlers: { html: htmlCommentHandler } })
    .use(rehypeRawWhenNeeded)
    .use(rehypeTableAlign)
    .use(rehypeReportUnsafe, { schema: newsroomSchema })
    .use(rehypeSanitize, newsroomSchema)
    .use(rehypeFragmentLinks, { prefix: clobberPrefix })
    .use(rehypeHeadingIds)
    .use(rehypeEmbeds)
    .use(rehypeSafeExternalLinks)
    .use(rehypeFigures)
    .use(rehypeDonateSplit)
    .use(rehypeLiveUpdates)
    .use(rehypeBodyFacts)
    .use(rehypeResolveUrls)
    .use(rehypeStringify)
    .freeze();
}
