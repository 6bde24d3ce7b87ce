import { CONFIG_FILE } from "../content/config-file.ts";
import { lineOf, parseYaml } from "../content/yaml-document.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { findPlaceholders } from "./placeholders.ts";
import { configTexts, isNewsroomField, type SampleRecord } from "./sample-record.ts";

/** What the deploy check reads: the config as written and the placeholders found in the files the build publishes. */
export interface DeployCheckInput {
  /** tidings.config.yml as written (not with TIDINGS_URL applied: the file is what the newsroom edits). */
  configText: string;
  /** `placeholderProblems` of every published article, page and author file (found while the texts are at hand, before rendering). */
  placeholders: readonly Diagnostic[];
  record: SampleRecord;
}

const DEMO = "To publish the sample on purpose, as a demonstration, add `demo: true` to tidings.config.yml.";

// The domains kept for examples (RFC 2606): nobody's site, donation page or newsletter is there.
const EXAMPLE_HOST = /^https?:\/\/(?:[^/?#]*\.)?example\.(?:org|com|net)(?:[:/?#]|$)/i;

/**
 * The problems that stop a deploy build publishing (`build --deploy`, the deploy workflow): a
 * config that is still the sample's (its address, example.org links, its donation links or its
 * words) and setup's placeholder text left in a published page. A local build never runs this, so
 * the untouched sample builds without a warning.
 */
export function checkDeploy(input: DeployCheckInput): Diagnostic[] {
  return [...checkSampleConfig(input.configText, input.record), ...input.placeholders];
}

function checkSampleConfig(configText: string, record: SampleRecord): Diagnostic[] {
  const yaml = parseYaml(configText, CONFIG_FILE);
  // A config that does not parse has its own errors already.
  if (!yaml.ok) return [];
  const lineFor = (field: string) => lineOf(yaml.lines, field.split("."));
  const diagnostics: Diagnostic[] = [];
  const copied: string[] = [];
  const sampleCopy = new Set(record.config.copy);
  for (const { path, value } of configTexts(yaml.data)) {
    if (path === "url" && trimSlash(value) === trimSlash(record.config.url)) {
      diagnostics.push(
        error("deploy/sample", CONFIG_FILE, `\`url\` is still the sample's address, ${value}`, {
          line: lineFor(path),
          field: path,
          fix: `Set \`url\` to the address your site will have, or run \`npm run setup\`. ${DEMO}`,
        }),
      );
    } else if (EXAMPLE_HOST.test(value.trim())) {
      const what = path.startsWith("donation.provider") ? "the sample's donation link" : "a link";
      diagnostics.push(
        error(
          "deploy/sample",
          CONFIG_FILE,
          `\`${path}\` is ${what} to ${new URL(value.trim()).hostname}, an example address that is nobody's site`,
          {
            line: lineFor(path),
            field: path,
            fix: `Put your own address in \`${path}\`${path.startsWith("donation.provider") ? " (your donation provider's link or account, docs/features/donation.md)" : ""}. ${DEMO}`,
          },
        ),
      );
    } else if (sampleCopy.has(value) && isNewsroomField(path)) {
      copied.push(path);
    }
  }
  const [first] = copied;
  if (first !== undefined) {
    const listed =
      copied.length > 4 ? `${copied.slice(0, 4).map(code).join(", ")} and ${copied.length - 4} more` : copied.map(code).join(", ");
    diagnostics.push(
      error(
        "deploy/sample",
        CONFIG_FILE,
        `${listed} still ${copied.length === 1 ? "holds" : "hold"} the sample newsroom's words or accounts (The Millbrook Lantern's)`,
        {
          line: lineFor(first),
          field: first,
          fix: `Write your newsroom's own in ${copied.length === 1 ? "that field" : "each of them"}, or run \`npm run setup\`, which writes them from your answers. ${DEMO}`,
        },
      ),
    );
  }
  return diagnostics;
}

/** Setup's placeholder text left in a file (what stops a deploy when the file is published: see `checkDeploy`). */
export function placeholderProblems(entry: { file: string; source: string }): Diagnostic[] {
  return findPlaceholders(entry.source).map((found) =>
    error("deploy/placeholder", entry.file, `placeholder text is still on this published page: ${found.text}`, {
      line: found.line,
      fix: "Replace the text between ⟦ and ⟧, brackets included, with your own words (or make the file a draft with `draft: true`).",
    }),
  );
}

function trimSlash(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

function code(field: string): string {
  return `\`${field}\``;
}
