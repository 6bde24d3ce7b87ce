import type { RenderJob } from "./render-job.ts";

/**
 * Render jobs as worker threads are sent them: every body once, as UTF-8 in one block of shared
 * memory, and the rest of each job (file, line, the shared context) as plain data. Sent as plain
 * jobs, every worker received a copy of every body: at 100,000 articles that passed a worker's
 * heap cap, the worker died before rendering anything, and the main thread rendered them all.
 */
export interface PackedJobs {
  /** The bodies, packed (see packTexts). */
  bodies: PackedTexts;
  /** Each job without its body. */
  jobs: Omit<RenderJob, "body">[];
}

/** Texts as UTF-8, one after another in one block of shared memory, which every thread reads without a copy of its own. */
export interface PackedTexts {
  /** The texts' UTF-8 bytes, one after another. */
  bytes: SharedArrayBuffer;
  /** Where each text ends in `bytes` (it starts where the one before it ends). */
  ends: Float64Array;
}

/** Pack texts into shared memory. Each must be well-formed UTF-16 (no lone surrogate, which UTF-8 cannot carry), as every text read from a file is: `canPack` tells. */
export function packTexts(texts: readonly string[]): PackedTexts {
  const ends = new Float64Array(texts.length);
  let size = 0;
  texts.forEach((text, index) => {
    size += Buffer.byteLength(text, "utf8");
    ends[index] = size;
  });
  const bytes = new SharedArrayBuffer(size);
  const view = Buffer.from(bytes);
  let offset = 0;
  for (const text of texts) offset += view.write(text, offset, "utf8");
  return { bytes, ends };
}

/** The text at `index`, decoded from the shared bytes (`view`: a Buffer over them, made once by a caller that reads many). */
export function unpackText(packed: PackedTexts, index: number, view: Buffer = Buffer.from(packed.bytes)): string {
  const start = index === 0 ? 0 : (packed.ends[index - 1] as number);
  return view.toString("utf8", start, packed.ends[index]);
}

/** Pack jobs for the workers: their bodies as packTexts packs them (each must pass `canPack`). */
export function packJobs(jobs: readonly RenderJob[]): PackedJobs {
  return { bodies: packTexts(jobs.map((job) => job.body)), jobs: jobs.map(({ file, bodyLine, context }) => ({ file, bodyLine, context })) };
}

/** Whether a text survives packing unchanged. */
export function canPack(text: string): boolean {
  return text.isWellFormed();
}

/** The job at `index`, its body decoded from the shared bytes (`view`: see unpackText). */
export function unpackJob(packed: PackedJobs, index: number, view: Buffer = Buffer.from(packed.bodies.bytes)): RenderJob {
  return { ...(packed.jobs[index] as Omit<RenderJob, "body">), body: unpackText(packed.bodies, index, view) };
}
