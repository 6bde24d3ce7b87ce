import { readFileSync } from "node:fs";
import path from "node:path";
import { headersFor, parseHeadersFile } from "./headers-file.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

/** Serve a built site the way its host would, with the site's own headers (public/_headers, so its Content-Security-Policy too). */
export async function serveWithSiteHeaders(outputDir: string, root: string): Promise<StaticServer> {
  const rules = parseHeadersFile(readFileSync(path.join(root, "public", "_headers"), "utf8"));
  return serveFolder(outputDir, (sitePath) => headersFor(rules, sitePath));
}
