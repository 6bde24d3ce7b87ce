import { createHash } from "node:crypto";
import type { Root, RootContent } from "hast";
import { toString } from "hast-util-to-string";
import type { Messages } from "../i18n/messages.ts";
import { VFile } from "vfile";
import { error, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BodyImage, BodyLink } from "../markdown/file-data.ts";
import type { LiveUpdateSource } from "../live/live-coverage.ts";
import { processorFor } from "./processor.ts";
import { messageSource } from "../markdown/report.ts";
import { scanNesting, type NestingProblem } from "../markdown/scan-nesting.ts";

/**
 * Version of the Markdown output. Bump it by hand whenever the same source and options could
 * render differently: a change to processor.ts, the schema, any plugin, or a unified/remark/rehype
 * upgrade. Render caches key on it (see `renderCacheKey`).
 */
export const PIPELINE_VERSION = "tidings-markdown-13";

/** How to render one article body. */
export interface RenderOptions {
  /** Path of the source file relative to the project root, for diagnostics. */
  file: string;
  /** 1-based line in the file where the body starts (after front matter), so body line N is reported as file line bodyLine + N - 1. */
  bodyLine: number;
  /** Ids the page template already uses (e.g. "main", "sources", "corrections", "donate"); heading ids must never equal one of these: they get a -1 suffix like github-slugger's duplicates. */
  reservedIds?: readonly string[];
  /** Hostname(s) of the site itself (e.g. "news.example.org"): links to these are internal, not external. */
  siteHosts?: readonly string[];
  /**
   * Maps a body image `src` as written to its published URL (undefined leaves it). It must be a
   * pure function of `file`, `src` and what `resolverKey` names: render caches key on those, not
   * on this function.
   */
  resolveImage?: (src: string) => string | undefined;
  /**
   * Maps a body link `href` as written to the address to publish (undefined leaves it), e.g. a
   * link to another article's Markdown file to that article's URL. Same purity rule as
   * `resolveImage`.
   */
  resolveLink?: (href: string) => string | undefined;
  /**
   * Names everything the resolvers depend on besides `file` and what they are given (the site's
   * path prefix), e.g. a hash of them. A link to another article cannot be resolved from this file
   * alone, since the target's address comes from its own date and slug: a cache must either name
   * the whole address table here, or record the addresses a render reads and check them before
   * reusing it (src/render/ does the latter, so one new article does not re-render every body).
   */
  resolverKey?: string;
  /** The words the plugins write around the editor's (an embed's), in the site's language; English without. */
  messages?: Messages;
}

/** One article body as safe HTML, plus what the rest of the site needs to know about it. */
export interface RenderedBody {
  /** The body HTML split at the donation marker: one part when there is no marker, two when there is (the page puts the donation block between them). */
  parts: [string] | [string, string];
  /** A live page's updates (`::update` lines and what follows each), top to bottom; `parts` is then the introduction above them. Empty for other bodies. */
  updates: LiveUpdateSource[];
  /** Plain text of the first paragraph (for a default summary/standfirst), whitespace collapsed, "" if none. */
  firstParagraph: string;
  /** Word count of the visible text, for reading time. */
  wordCount: number;
  /** Every link target in the body (after sanitising), with the file line, for whole-site link checks later. */
  links: { url: string; line: number }[];
  /** Every image in the body: src as written, alt, file line. */
  images: { src: string; alt: string; line: number; field?: string }[];
  /** Every element id in the body (headings, footnotes), for checking links to a section. */
  ids: string[];
  /** Problems for the editor: file-relative lines, plain sentences, a fix, stable codes like `markdown/image-alt`. */
  diagnostics: Diagnostic[];
}

/** Render an article body (Markdown, never a template) to sanitised HTML split at the donation marker; never throws on content. */
export function renderMarkdown(source: string, options: RenderOptions): RenderedBody {
  const file = new VFile({ value: source });
  file.data.reservedIds = options.reservedIds ?? [];
  if (options.messages) file.data.messages = options.messages;
  file.data.siteHosts = options.siteHosts ?? [];
  if (options.resolveImage) file.data.resolveImage = options.resolveImage;
  if (options.resolveLink) file.data.resolveLink = options.resolveLink;
  const offset = options.bodyLine - 1;
  // Checked before parsing: the parser's cost grows faster than the nesting (minutes for a few
  // thousand levels), and the stack overflow caught below comes only after that time is spent.
  const hostile = scanNesting(source);
  if (hostile !== undefined) return refused(options, hostile);
  try {
    const processor = processorFor(source);
    const tree = processor.runSync(processor.parse(file), file);
    const marks = file.data.liveUpdates ?? [];
    const cuts = marks.map((mark) => tree.children.indexOf(mark.marker));
    const children = tree.children;
    const updates = marks.map((mark, index): LiveUpdateSource => {
      const part = tidied(children.slice((cuts[index] ?? 0) + 1, cuts[index + 1] ?? children.length));
      const html = processor.stringify(part, file);
      const first = part.children.find((node) => node.type === "element" && node.tagName === "p");
      const update: LiveUpdateSource = {
        time: mark.time,
        line: mark.line + offset,
        html,
        opening: first === undefined ? "" : toString(first).replace(/\s+/g, " ").trim(),
      };
      if (mark.title !== undefined) update.title = mark.title;
      if (mark.key === true) update.key = true;
      return update;
    });
    // The introduction: everything above the first update line (the whole body without any).
    const intro: Root = cuts.length === 0 ? tree : { type: "root", children: children.slice(0, cuts[0]) };
    const parts = splitAt(intro, file.data.donateSplit).map((part) => processor.stringify(part, file));
    return {
      parts: parts.length === 2 ? [parts[0] ?? "", parts[1] ?? ""] : [parts[0] ?? ""],
      updates,
      firstParagraph: file.data.firstParagraph ?? "",
      wordCount: file.data.wordCount ?? 0,
      links: (file.data.links ?? []).map((link): BodyLink => ({ url: link.url, line: link.line + offset })),
      images: (file.data.images ?? []).map((image): BodyImage => ({ ...image, line: image.line + offset })),
      ids: file.data.ids ?? [],
      diagnostics: toDiagnostics(file, options),
    };
  } catch (cause) {
    // Every tree utility recurses, so thousands of nested quotes, lists or HTML tags overflow
    // the stack. That is a content problem, reported as one; anything else is a bug and throws.
    if (!(cause instanceof RangeError && /call stack/i.test(cause.message))) throw cause;
    return refused(options, {
      rule: "too-deep",
      line: 1,
      column: 1,
      message:
        "the article body is nested too deeply to render (for example thousands of > quote marks, list levels or unclosed HTML tags)",
      fix: "Remove the extra nesting; a quote or list rarely needs more than three levels.",
    });
  }
}

/**
 * A key for caching `renderMarkdown(source, options)`: changes when the source (or the digest of
 * the file it is the body of, for a body not read), any option
 * (the resolvers through `resolverKey`) or `PIPELINE_VERSION` changes. Ids and hosts are
 * compared as sets, since their order does not matter. Every option must appear below (the type
 * makes a new option a compile error until it does). The code of the pipeline itself is covered
 * by the content cache's code fingerprint.
 */
export function renderCacheKey(source: string | { fileDigest: string }, options: RenderOptions): string {
  const settings: { [Option in keyof Required<RenderOptions>]: unknown } = {
    file: options.file,
    bodyLine: options.bodyLine,
    reservedIds: [...new Set(options.reservedIds ?? [])].sort(),
    siteHosts: [...new Set((options.siteHosts ?? []).map((host) => host.toLowerCase()))].sort(),
    // Pure functions of `file`, what they are given and what `resolverKey` names (see their docs).
    resolveImage: options.resolveImage !== undefined,
    resolveLink: options.resolveLink !== undefined,
    resolverKey: options.resolverKey ?? "",
    // A body's HTML holds the words the plugins write, so a change of them renders it again.
    messages: options.messages?.key ?? null,
  };
  return createHash("sha256")
    .update(PIPELINE_VERSION)
    .update("\0")
    .update(JSON.stringify(settings))
    .update("\0")
    // The body itself, or the digest of the whole file it is cut from (with `bodyLine`, that fixes the body as surely).
    .update(typeof source === "string" ? `text\0${source}` : `sha256\0${source.fileDigest}`)
    .digest("base64url");
}

/** The root's children as one tree, or two when there is a split. */
function splitAt(tree: Root, index: number | undefined): Root[] {
  if (index === undefined) return [tidied(tree.children)];
  return [tidied(tree.children.slice(0, index)), tidied(tree.children.slice(index))];
}

/**
 * A root of `children` without blank lines at either end or runs of them in between, which
 * removed markers, comments and scripts leave behind.
 */
function tidied(children: RootContent[]): Root {
  const kept = children.filter((node, index) => !(isBlank(node) && (index === 0 || isBlank(children[index - 1]))));
  while (isBlank(kept.at(-1))) kept.pop();
  return { type: "root", children: kept };
}

function isBlank(node: RootContent | undefined): boolean {
  return node?.type === "text" && node.value.trim() === "";
}

/** The file's messages as diagnostics on file lines, sorted, exact repeats removed. */
function toDiagnostics(file: VFile, options: RenderOptions): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const message of file.messages) {
    const diagnostic: Diagnostic = {
      severity: message.fatal === true ? "error" : "warning",
      code: `${message.source ?? messageSource}/${message.ruleId ?? "problem"}`,
      file: options.file,
      message: message.reason,
    };
    if (typeof message.line === "number") diagnostic.line = message.line + options.bodyLine - 1;
    if (typeof message.column === "number") diagnostic.column = message.column;
    if (typeof message.note === "string") diagnostic.fix = message.note;
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return sortDiagnostics(diagnostics);
}

/** The result for a body too deeply nested to render: nothing published, one error at its place in the file. */
function refused(options: RenderOptions, problem: NestingProblem): RenderedBody {
  return {
    parts: [""],
    updates: [],
    firstParagraph: "",
    wordCount: 0,
    links: [],
    images: [],
    ids: [],
    diagnostics: [
      error(`${messageSource}/${problem.rule}`, options.file, problem.message, {
        line: problem.line + options.bodyLine - 1,
        column: problem.column,
        fix: problem.fix,
      }),
    ],
  };
}
