import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The folder CI keeps (gitignored): screenshots and the quality gates' measurements. */
export const ARTIFACTS = path.resolve(import.meta.dirname, "..", "..", "artifacts");

/** Write a quality gate's measurements to `artifacts/quality/<name>.json`, for people and CI to read. */
export function writeMeasurement(name: string, data: unknown): void {
  const folder = path.join(ARTIFACTS, "quality");
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
