import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../../src/build.ts";
import { copySampleSiteInto, recordSampleHistory, SAMPLE_SITE_NOW } from "./sample-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample site built once for every quality gate and browser test: where its output is, and its copied project root. */
    sampleBuild: { outputDir: string; root: string };
  }
}

/**
 * Vitest global setup of the quality project: build the sample site (The Millbrook Lantern) once,
 * for real, into a temporary folder every gate reads (`inject("sampleBuild")`); removed afterwards.
 */
export default async function buildSampleSite(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(tmpdir(), "tidings-quality-"));
  copySampleSiteInto(root);
  recordSampleHistory(root);
  const result = await build({ root, now: SAMPLE_SITE_NOW });
  if (!result.ok) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`the sample site did not build: ${JSON.stringify(result.diagnostics, null, 2)}`);
  }
  project.provide("sampleBuild", { outputDir: result.outputDir, root });
  return () => rmSync(root, { recursive: true, force: true });
}
