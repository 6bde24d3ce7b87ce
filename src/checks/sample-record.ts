import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { listFiles } from "../core/files.ts";

/**
 * What Tidings remembers of its sample newsroom (The Millbrook Lantern), so that setup can tell
 * the sample's content from a newsroom's own and the deploy build can tell the sample's settings
 * from a newsroom's: every file of content/ and the config by digest, and the config's address
 * and the words and accounts that are the Lantern's.
 */
export interface SampleRecord {
  /** Project path (`content/pages/about.md`, `tidings.config.yml`) → digest of its text (see fileDigest). */
  files: Record<string, string>;
  config: {
    /** The sample's `url`. */
    url: string;
    /** Every value of the sample config that is the Lantern's own (its copy and accounts), sorted. */
    copy: string[];
  };
}

/** Where the record is kept: the same file from src/ and from the bundled dist/bundle/ (it is read, not imported). */
export const SAMPLE_RECORD_FILE = path.resolve(import.meta.dirname, "..", "..", "src", "checks", "sample-record.json");

/** The folder of the content the record covers. */
export const CONTENT_DIR = "content";

/** The recorded sample. */
export function readSampleRecord(): SampleRecord {
  return JSON.parse(readFileSync(SAMPLE_RECORD_FILE, "utf8")) as SampleRecord;
}

/**
 * The digest of a file as the record keeps it: text with its line endings made `\n` first, since
 * git on Windows checks the sample out with `\r\n` and that is still the sample.
 */
export function fileDigest(bytes: Buffer): string {
  const text = bytes.includes(0) ? bytes : Buffer.from(bytes.toString("latin1").replace(/\r\n/g, "\n"), "latin1");
  return createHash("sha256").update(text).digest("hex");
}

/** Every file of content/ and the config in `root`, as project paths with forward slashes, sorted. */
export function siteFiles(root: string): string[] {
  const content = listFiles(path.join(root, CONTENT_DIR)).map((file) => path.relative(root, file).split(path.sep).join("/"));
  return [...(existsSync(path.join(root, CONFIG_FILE)) ? [CONFIG_FILE] : []), ...content].sort();
}

// Settings every newsroom has some value for, which say nothing about whose site it is: the
// sample's values for these ("News", "/about/", "GBP", "Europe/London") are not its identity.
const GENERIC_FIELDS = [
  /^language$/,
  /^languages\.\d+\.code$/,
  /^(timeZone|dateFormat|timeFormat|logo)$/,
  /^navigation\./,
  /^languages\.\d+\.navigation\./,
  /^(languages\.\d+\.)?sections\.\d+\.(name|slug|tags|folders)(\.|$)/,
  /^(languages\.\d+\.)?types\./,
  /^donation\.(url|currency|frequencies\.default|exclude)(\.|$)/,
  /^donation\.provider\.name$/,
  /^donation\.variants\.\d+\.(name|tags|types|from|until)(\.|$)/,
  /^newsletter\.(provider|field)$/,
  /^images\./,
  // Where a newsroom's policies are (/corrections-policy/) says nothing of whose they are; where to report an error does.
  /^standards\.(?!reportError$)/,
];

/** True for a config field whose value is a newsroom's own (its words, accounts and addresses); `path` as in `donation.variants.0.heading`. */
export function isNewsroomField(fieldPath: string): boolean {
  return !GENERIC_FIELDS.some((pattern) => pattern.test(fieldPath));
}

/** Every text value of a config's data with its field path (`sections.2.description`), in file order. */
export function configTexts(data: unknown, prefix: string[] = []): { path: string; value: string }[] {
  if (typeof data === "string") return [{ path: prefix.join("."), value: data }];
  if (Array.isArray(data)) return data.flatMap((item, index) => configTexts(item, [...prefix, String(index)]));
  if (data !== null && typeof data === "object")
    return Object.entries(data).flatMap(([key, value]) => configTexts(value, [...prefix, key]));
  return [];
}

/** The record of a sample site in `root` (how sample-record.json is made and checked: tests/checks/sample-record.test.ts). */
export function recordSample(root: string, configData: Record<string, unknown>): SampleRecord {
  const files: Record<string, string> = {};
  for (const file of siteFiles(root)) files[file] = fileDigest(readFileSync(path.join(root, file)));
  const copy = configTexts(configData)
    .filter((text) => text.path !== "url" && isNewsroomField(text.path))
    .map((text) => text.value);
  return { files, config: { url: String(configData["url"]), copy: [...new Set(copy)].sort() } };
}
