import { load, type CheerioAPI } from "cheerio";
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { VFile } from "vfile";
import "../../../src/markdown/file-data.ts";

/** A hast transformer as the plugins return them. */
export type Transform = (tree: Root, file: VFile) => Root | undefined;

/** What running one plugin on some HTML gave. */
export interface Ran {
  tree: Root;
  file: VFile;
  html: string;
  $: CheerioAPI;
}

const stringifier = unified().use(rehypeStringify).freeze();

/** Parse `html` as a fragment (with positions), run one transform on it, and serialise the result. */
export function runOnHtml(html: string, transform: Transform, data: VFile["data"] = {}): Ran {
  const file = new VFile({ value: html, data });
  const parsed = fromHtml(html, { fragment: true });
  const tree = transform(parsed, file) ?? parsed;
  const out = stringifier.stringify(tree);
  return { tree, file, html: out, $: load(out, null, false) };
}

/** The file's messages as `rule: reason` strings, the shape most assertions want. */
export function messages(file: VFile): string[] {
  return file.messages.map((message) => `${message.ruleId ?? ""}: ${message.reason}`);
}
