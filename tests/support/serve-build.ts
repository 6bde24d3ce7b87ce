import { readFileSync } from "node:fs";
import path from "node:path";
import { headersFor, parseHeadersFile } from "./headers-file.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

/** Serve a built site with the `_headers` it published, so its pages run under the policy its host would send. */
export async function serveBuild(outputDir: string): Promise<StaticServer> {
  const rules = parseHeadersFile(readFileSync(path.join(outputDir, "_headers"), "utf8"));
  return serveFolder(outputDir, (sitePath) => headersFor(rules, sitePath));
}
