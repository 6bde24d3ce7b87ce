/** A site path inside a folder of the site (`/news/`, `/cy/`): `/about/` → `/news/about/`; unchanged in `/`. */
export function inFolder(folder: string, sitePath: string): string {
  return folder === "/" ? sitePath : `${folder.replace(/\/$/, "")}${sitePath}`;
}
