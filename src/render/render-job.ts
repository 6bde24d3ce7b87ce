import { Messages, type Catalogue } from "../i18n/messages.ts";
import { renderMarkdown, type RenderedBody, type RenderOptions } from "./render-markdown.ts";
import { resolveContentLink } from "../model/content-links.ts";
import { resolveMedia } from "../model/media-files.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import type { SitePath } from "../model/types.ts";
import { withPathPrefix } from "../model/urls.ts";
import { bodyFacts, type BodyFacts } from "../model/body-html.ts";
import { imageSources } from "../media/picture-html.ts";
import { frameOrigins } from "../embeds/frame-sources.ts";

/** What every body of one site is rendered against; one object shared by all jobs (and sent once to each worker). */
export interface RenderContext {
  /** Host names of the site itself; the first is the site's own. */
  siteHosts: readonly string[];
  /** The path the pages are served under, `/` at a domain's root. */
  pathPrefix: string;
  /** The site path of every content file, by project path, for links between content files. */
  addresses: ReadonlyMap<string, SitePath>;
  /**
   * What the resolvers depend on besides the file and the addresses they read (see
   * RenderOptions.resolverKey): the path prefix. The addresses a body reads are recorded with it
   * instead (RenderedJob.addressesRead), so a new or re-dated article re-renders only the bodies
   * that link to it.
   */
  resolverKey: string;
  /** The words the Markdown plugins write around the editor's (an embed's "Load the chart from …"), in the site's language. */
  words?: { language: string; patterns: Catalogue };
}

/** The messages of the Markdown plugins, the words every body of a site shares: the `embed.` ones. */
export function bodyWords(messages: Messages): { language: string; patterns: Catalogue } {
  return { language: messages.language, patterns: messages.patternsStartingWith("embed.") };
}

// One Messages per context (a worker receives its own copy of the context once), so each message is compiled once.
const wordsOfContext = new WeakMap<object, Messages>();

/**
 * One content body to render, as plain data: it can be sent to a worker thread, and with the code
 * fingerprint it determines the output completely.
 */
export interface RenderJob {
  /** The Markdown body (after the front matter). */
  body: string;
  /** The content file, relative to the project root. */
  file: string;
  /** The file line the body starts on. */
  bodyLine: number;
  context: RenderContext;
}

/**
 * A job as renderAll takes it: a body may be undefined (left unread by the loader, known by its
 * file's digest; or held back by the caller), and is asked for (`readBody`) only when it must be
 * rendered.
 */
export type RenderRequest = Omit<RenderJob, "body"> & {
  body: string | undefined;
  /** The SHA-256 of the content file's bytes, when known: a body is remembered by it, whether or not the file was read. */
  digest?: string | undefined;
};

/**
 * A rendered body, with every content file whose address its links read and the address found
 * (undefined: none), and what the model needs to know of its HTML without reading it (see BodyHtml).
 */
export type RenderedJob = RenderedBody & { addressesRead: [file: string, address: SitePath | undefined][]; facts: BodyFacts };

/**
 * The render options for a job: the page's reserved ids, images and links to other content
 * resolved for the file. Each address the link resolver looks up is put in `addressesRead`.
 */
export function toRenderOptions(job: Omit<RenderJob, "body">, addressesRead?: Map<string, SitePath | undefined>): RenderOptions {
  const { file } = job;
  const { siteHosts, pathPrefix, addresses, resolverKey } = job.context;
  const linkContext = { file, pageUrl: addresses.get(file) ?? "/", host: siteHosts[0] ?? "", pathPrefix };
  return {
    file,
    bodyLine: job.bodyLine,
    reservedIds: PAGE_IDS,
    siteHosts,
    resolveImage: (src: string) => {
      const media = resolveMedia(file, src);
      if (typeof media === "object") return withPathPrefix(media.url, pathPrefix);
      return src.startsWith("/") && !src.startsWith("//") && pathPrefix !== "/" ? withPathPrefix(src, pathPrefix) : undefined;
    },
    resolveLink: (href: string) =>
      resolveContentLink(href, linkContext, {
        get: (target: string) => {
          const address = addresses.get(target);
          addressesRead?.set(target, address);
          return address;
        },
      }),
    resolverKey,
    ...(job.context.words === undefined ? {} : { messages: contextMessages(job.context.words) }),
  };
}

function contextMessages(words: NonNullable<RenderContext["words"]>): Messages {
  let messages = wordsOfContext.get(words);
  if (messages === undefined) {
    messages = new Messages(words.language, words.patterns);
    wordsOfContext.set(words, messages);
  }
  return messages;
}

/** Render one job's body to HTML, noting the addresses of other content files it read. */
export function renderJob(job: RenderJob): RenderedJob {
  const addressesRead = new Map<string, SitePath | undefined>();
  const body = renderMarkdown(job.body, toRenderOptions(job, addressesRead));
  return { ...body, addressesRead: [...addressesRead], facts: bodyFacts(body.parts, { imageSources, frameOrigins }) };
}

/** Whether a body rendered earlier read the same addresses that `addresses` gives now, so it is still what rendering would give. */
export function readsSameAddresses(rendered: Pick<RenderedJob, "addressesRead">, addresses: ReadonlyMap<string, SitePath>): boolean {
  return rendered.addressesRead.every(([file, address]) => addresses.get(file) === address);
}
