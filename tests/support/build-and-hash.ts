// Build a site and print, as one line of JSON, what the build did (whether it took a shortcut, how
// many pages it rendered, where it wrote them) and one hash of every output file (path and bytes),
// for determinism tests run in child processes with different TZ, LANG and thread settings.
// Usage: build-and-hash.ts <root> <now-ms>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { build } from "../../src/build.ts";

const [root, now] = process.argv.slice(2);
const result = await build({ root: root ?? ".", now: Number(now) });
if (!result.ok) {
  console.error(JSON.stringify(result.diagnostics));
  process.exit(1);
}
const hash = createHash("sha256");
const files = readdirSync(result.outputDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(result.outputDir, path.join(entry.parentPath, entry.name)))
  .sort();
for (const file of files)
  hash
    .update(file)
    .update("\0")
    .update(readFileSync(path.join(result.outputDir, file)))
    .update("\0");
const { outputDir, unchanged, inputsUnchanged, rendered, pages, articles } = result;
console.log(
  JSON.stringify({ files: files.length, hash: hash.digest("hex"), outputDir, unchanged: unchanged === true, inputsUnchanged: inputsUnchanged === true, rendered, pages, articles }),
);
