import path from "node:path";
import type { SitePath } from "../model/types.ts";
import type { SiteInput } from "./site-input.ts";

/** True when a site path is a file copied from public/ (a folder path: its index.html). */
export function isPublicFile(sitePath: SitePath, input: SiteInput): boolean {
  const relative = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return input.fileExists(path.join(input.root, "public", ...relative.split("/").filter((part) => part !== "" && part !== "..")));
}
