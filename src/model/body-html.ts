import { createHash } from "node:crypto";
import { splitLede } from "./lede.ts";

/** A body's HTML in its parts: before and after the point the donation ask goes, or one part. */
export type BodyParts = [string] | [string, string];

/**
 * A rendered body, known by a key and made when asked. A build needs the HTML of few bodies (the
 * pages it renders, the search shards it indexes, the feeds), but keys every page: a large
 * archive's bodies are kept in the content cache until one is asked for, and a page's key takes
 * the body's key instead of its text. The key is a hash of the HTML the body had when it was
 * rendered (computed then, from the text itself), and each change made to it since (`changedBody`)
 * adds its step, so two bodies with one key have the same HTML.
 *
 * What the model needs of every body's opening (the standfirst taken from it, where a dateline
 * goes) is known without the text.
 */
export interface BodyHtml {
  readonly key: string;
  /** The opening paragraph's inline HTML when the body opens with a plain paragraph (see splitLede), else undefined. */
  readonly lede: string | undefined;
  /** Whether the first part has nothing but white space. */
  readonly opensBlank: boolean;
  /** Whether the first part has nothing but white space once the lede is taken off (opensBlank when there is no lede). */
  readonly blankAfterLede: boolean;
  /** The `src` of every `<img>` in the body, as `imageSources` finds them when it is rendered (see src/media/picture-html.ts). */
  readonly imageSources: readonly string[];
  /** The origins its click-to-load embeds would frame (see src/embeds/frame-sources.ts). */
  readonly frameOrigins: readonly string[];
  /** How many characters its HTML had when it was rendered (about as many as it has: what changes it since adds or takes little). */
  readonly chars: number;
  /** The HTML, made (or read) on the first call. */
  parts(): BodyParts;
}

/** What is known of a body's opening and images without its text (see BodyHtml). */
export type BodyFacts = Pick<BodyHtml, "key" | "lede" | "opensBlank" | "blankAfterLede" | "imageSources" | "frameOrigins" | "chars">;

/** What finds the facts that features know how to read in HTML (the model does not): the images addPictures would change, the origins embeds frame. */
export interface BodyReaders {
  imageSources: (html: string) => string[];
  frameOrigins: (bodies: Iterable<readonly string[]>) => string[];
}

/** The facts of a body whose HTML is at hand: its key is the hash of its text. Without `readers`, no images or framed origins are found (a body known to have none). */
export function bodyFacts(parts: BodyParts, readers?: BodyReaders): BodyFacts {
  const hash = createHash("sha256").update(String(parts.length));
  for (const part of parts) hash.update("\0").update(part);
  const split = splitLede(parts[0]);
  return {
    key: hash.digest("base64url"),
    lede: split?.lede,
    opensBlank: isBlank(parts[0]),
    blankAfterLede: split ? isBlank(split.rest) : isBlank(parts[0]),
    imageSources: readers ? parts.flatMap(readers.imageSources) : [],
    frameOrigins: readers ? readers.frameOrigins([parts]) : [],
    chars: parts.reduce((sum, part) => sum + part.length, 0),
  };
}

/** A body whose HTML is at hand (a fresh render, a test's fixture), with the facts rendering found. */
export function knownBody(parts: BodyParts, facts: BodyFacts): BodyHtml {
  return { ...facts, parts: () => parts };
}

/** A body known by its facts whose HTML `read` gives when it is first asked for (once). */
export function deferredBody(facts: BodyFacts, read: () => BodyParts): BodyHtml {
  let parts: BodyParts | undefined;
  return {
    ...facts,
    parts: () => (parts ??= read()),
  };
}

/**
 * The body with its HTML changed by `change` when asked: `step` names the change and everything
 * it depends on besides the HTML (a dateline's words, the pictures it puts in), so the key of the
 * result is the old key and the step. The facts of the opening and the images are `facts`' (by
 * default the old ones).
 */
export function changedBody(body: BodyHtml, step: string, change: (parts: BodyParts) => BodyParts, facts: Partial<BodyFacts> = {}): BodyHtml {
  const key = createHash("sha256").update(body.key).update("\0").update(step).digest("base64url");
  return deferredBody({ ...body, ...facts, key }, () => change(body.parts()));
}

/** The body without its lede (the standfirst made of it); the body itself when it has none. */
export function withoutLede(body: BodyHtml): BodyHtml {
  if (body.lede === undefined) return body;
  return changedBody(
    body,
    "lede",
    (parts) => {
      const rest = splitLede(parts[0])?.rest ?? parts[0];
      return parts.length === 2 ? [rest, parts[1]] : [rest];
    },
    { lede: undefined, opensBlank: body.blankAfterLede },
  );
}

function isBlank(html: string): boolean {
  return html.search(/\S/) === -1;
}
