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

/**
 * Pack jobs for the workers. Every body must be well-formed UTF-16 (`isWellFormed`: no lone
 * surrogate, which UTF-8 cannot carry), as every text read from a file is; `canPack` tells.
 */
export function packJobs(jobs: readonly RenderJob[]): PackedJobs {
  const ends = new Float64Array(jobs.length);
  let size = 0;
  jobs.forEach((job, index) => {
    size += Buffer.byteLength(job.body, "utf8");
    ends[index] = size;
  });
  const bodies = new SharedArrayBuffer(size);
  const bytes = Buffer.from(bodies);
  let offset = 0;
  for (const job of jobs) offset += bytes.write(job.body, offset, "utf8");
  return { bodies, ends, jobs: jobs.map(({ file, bodyLine, context }) => ({ file, bodyLine, context })) };
}

/** Whether a job's body survives packing unchanged. */
export function canPack(job: RenderJob): boolean {
  return job.body.isWellFormed();
}

/** The job at `index`, its body decoded from the shared bytes. */
export function unpackJob(packed: PackedJobs, index: number, bytes: Buffer = Buffer.from(packed.bodies)): RenderJob {
  const start = index === 0 ? 0 : (packed.ends[index - 1] as number);
  const job = packed.jobs[index] as Omit<RenderJob, "body">;
  return { ...job, body: bytes.toString("utf8", start, packed.ends[index]) };
}
