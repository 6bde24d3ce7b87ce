import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const created: string[] = [];

/** Make a fresh folder under the system's temporary folder; it is removed after the test file that made it. */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `tidings-${prefix}-`));
  created.push(folder);
  return folder;
}

/** Remove every folder `tempFolder` made so far (run after each test file by the suite's setup file). */
export function removeTempFolders(): void {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
}
