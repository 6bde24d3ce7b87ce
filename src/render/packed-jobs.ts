import type { RenderJob } from "./render-job.ts";

/**
 * Render jobs as worker threads are sent them: every body once, as UTF-8 in one block of shared
 * memory, and the rest of each job (file, line, the shared context) as plain data. Sent as plain
 * jobs, every worker received a copy of every body: at 100,000 articles that passed a worker's
 * heap cap, the worker died before rendering anything, and the main thread rendered them all.
 */
export interface PackedJobs {
  /** The bodies' UTF-8 bytes, one after another. */
  bodies: SharedArrayBuffer;
  /** Where each body ends in `bodies` (it starts where the one before it ends). */
  ends: Float64Array;
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

/** Pack texts into shared memory. Each must be well-formed UTF-16 (`isWellFormed`: no lone surrogate, which UTF-8 cannot carry), as every text read from a file is. */
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

/**
 * Pack jobs for the workers. Every body must be well-formed UTF-16 (`isWellFormed`: no lone
 * surrogate, which UTF-8 cannot carry), as every text read from a file is; `canPack` tells.
 */
export function packJobs(jobs: readonly RenderJob[]): PackedJobs {
  const { bytes, ends } = packTexts(jobs.map((job) => job.body));
  return { bodies: bytes, ends, jobs: jobs.map(({ file, bodyLine, context }) => ({ file, bodyLine, context })) };
}

/** Whether a job's body survives packing unchanged. */
export function canPack(job: RenderJob): boolean {
  return job.body.isWellFormed();
}

/** The job at `index`, its body decoded from the shared bytes. */
export function unpackJob(packed: PackedJobs, index: number, bytes: Buffer = Buffer.from(packed.bodies)): RenderJob {
  const job = packed.jobs[index] as Omit<RenderJob, "body">;
  return { ...job, body: unpackText({ bytes: packed.bodies, ends: packed.ends }, index, bytes) };
}
