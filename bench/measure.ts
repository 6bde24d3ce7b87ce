import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

/** What one child process cost: wall time, CPU time (user + system, all threads) and peak resident memory. */
export interface ProcessCost {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

/** A process's cost and what it printed. */
export interface MeasuredProcess extends ProcessCost {
  stdout: string;
}

/**
 * Run a command to completion under GNU time and report what it cost. Wall time is measured
 * around the spawn; CPU and peak RSS come from the kernel's accounting of the child (worker
 * threads share the process, so they are included).
 */
export async function measureProcess(command: string, args: readonly string[], cwd: string): Promise<MeasuredProcess> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed to measure CPU time and peak memory: apt-get install time`);
  const folder = mkdtempSync(path.join(tmpdir(), "tidings-bench-"));
  const report = path.join(folder, "time.txt");
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(GNU_TIME, ["-o", report, "-f", "%U %S %M", command, ...args], cwd);
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${code}):\n${stderr.slice(-4000)}`);
    // GNU time prefixes the line with "Command exited…" when the child fails; the numbers are the last line.
    const [user, system, rssKb] = readFileSync(report, "utf8").trim().split("\n").at(-1)?.split(" ").map(Number) ?? [];
    return { wallMs, cpuMs: ((user ?? 0) + (system ?? 0)) * 1000, peakRssMb: (rssKb ?? 0) / 1024, stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Run a command, collecting what it prints; resolves with the exit code. */
export function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median of each measure over several runs. */
export function medianCost(costs: readonly ProcessCost[]): ProcessCost {
  return {
    wallMs: median(costs.map((cost) => cost.wallMs)),
    cpuMs: median(costs.map((cost) => cost.cpuMs)),
    peakRssMb: median(costs.map((cost) => cost.peakRssMb)),
  };
}
