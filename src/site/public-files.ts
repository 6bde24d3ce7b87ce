import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SitePath } from "../model/types.ts";
import type { SiteInput } from "./site-input.ts";

/** True when a site path is a file copied from public/ (a folder path: its index.html). */
export function isPublicFile(sitePath: SitePath, input: SiteInput): boolean {
  const relative = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return input.fileExists(path.join(input.root, "public", ...relative.split("/").filter((part) => part !== "" && part !== "..")));
}

/** The publisher logo that structured data and feeds point at must exist in public/. */
export function checkLogo(input: SiteInput): Diagnostic[] {
  const logo = input.config.logo;
  if (logo === undefined || !logo.startsWith("/") || isPublicFile(logo, input)) return [];
  return [
    error("config/logo-missing", CONFIG_FILE, `the logo "${logo}" does not exist in public/`, {
      field: "logo",
      fix: `Add the image at public${logo}, or correct the \`logo\` path.`,
    }),
  ];
}
