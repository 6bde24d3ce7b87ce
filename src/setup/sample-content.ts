import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileDigest, siteFiles, type SampleRecord } from "../checks/sample-record.ts";

/** A file of content/ (or the config) that is not as the sample has it. */
export interface SampleDifference {
  file: string;
  /** `added`: not one of the sample's files; `changed`: one, edited; `removed`: one, deleted. */
  how: "added" | "changed" | "removed";
}

/**
 * How the content and config in `root` differ from the recorded sample: none while they are
 * still the sample's, which setup may replace. Anything else is the newsroom's own work.
 */
export function differencesFromSample(root: string, record: SampleRecord): SampleDifference[] {
  const differences: SampleDifference[] = [];
  const present = siteFiles(root);
  for (const file of present) {
    const digest = record.files[file];
    if (digest === undefined) differences.push({ file, how: "added" });
    else if (fileDigest(readFileSync(path.join(root, file))) !== digest) differences.push({ file, how: "changed" });
  }
  for (const file of Object.keys(record.files)) {
    if (!existsSync(path.join(root, file))) differences.push({ file, how: "removed" });
  }
  // The newsroom's own files first: they are why setup refuses.
  const order = { added: 0, changed: 1, removed: 2 } as const;
  return differences.sort((a, b) => order[a.how] - order[b.how] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
