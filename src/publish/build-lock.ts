import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { isProcessRunning } from "../core/process-running.ts";

/** The lock file, inside the build's cache folder: one build at a time writes the cache and the output. */
export const LOCK_FILE = "build.lock";

/** Who holds a build lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The machine's boot (Linux's boot_id), so a lock restored from a CI cache onto another machine, or left by a machine that has since restarted, is known for what it is. */
  boot: string;
  /** When the holding process started (clock ticks since boot, from /proc), so a process id reused by another program is not mistaken for the holder. */
  started: string;
  /** When the lock was taken, ms since the epoch. */
  since: number;
}

/** A held build lock. */
export interface BuildLock {
  /** Give the lock up (idempotent); also done when the process exits. */
  release(): void;
}

/** How to wait for the lock. */
export interface LockOptions {
  /** Told once, when the lock is held by another live build and this one starts waiting. */
  onWait?: ((holder: LockHolder) => void) | undefined;
  /** How often to look again, in ms (default 200). */
  pollMs?: number;
}

/**
 * Take the build lock in `cacheDir`, waiting while another live build holds it. Node has no
 * `flock`, so the lock is a file created exclusively (`wx`) holding the holder's process id,
 * host, boot and process start time; a lock whose holder is not running on this machine any
 * more (killed, or the lock came back with a CI cache) is taken over. Two builds in one folder
 * (an editor's save and a `git pull` hook, two terminals) would otherwise write the same cache
 * and the same search index at once.
 */
export async function acquireBuildLock(cacheDir: string, options: LockOptions = {}): Promise<BuildLock> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LOCK_FILE);
  const me = currentHolder();
  let told = false;
  for (;;) {
    if (tryCreate(file, { ...me, since: Date.now() })) return heldLock(file, me);
    const seen = readLock(file);
    if (seen === undefined) continue;
    // A lock that cannot be understood was cut short by a crash between creating and writing it,
    // unless it is being written this very moment.
    const alive = seen.holder ? isAlive(seen.holder) : seen.ageMs < 2000;
    if (!alive) {
      takeOver(file, seen.text);
      continue;
    }
    if (!told && seen.holder) options.onWait?.(seen.holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

/** Whether the process that wrote `holder` is still running on this machine. */
export function isAlive(holder: LockHolder): boolean {
  const me = currentHolder();
  if (holder.host !== me.host || holder.boot !== me.boot) return false;
  if (holder.pid === process.pid) return holder.started === me.started;
  if (!isProcessRunning(holder.pid)) return false;
  const started = processStart(holder.pid);
  return started === "" || holder.started === "" || started === holder.started;
}

function heldLock(file: string, me: LockHolder): BuildLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    // Only our own lock: never one another build took over after this process was thought dead.
    if (readLock(file)?.holder?.pid === me.pid) rmSync(file, { force: true });
  };
  process.on("exit", release);
  return { release };
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw cause;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

// The lock as found (its holder when it can be read); undefined when it vanished while being
// read (its holder released it).
function readLock(file: string): { text: string; holder: LockHolder | undefined; ageMs: number } | undefined {
  let text: string;
  let ageMs: number;
  try {
    text = readFileSync(file, "utf8");
    ageMs = Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  let holder: LockHolder | undefined;
  try {
    const read = JSON.parse(text) as Partial<LockHolder>;
    if (typeof read.pid === "number" && typeof read.host === "string" && typeof read.boot === "string" && typeof read.started === "string")
      holder = { pid: read.pid, host: read.host, boot: read.boot, started: read.started, since: Number(read.since) || 0 };
  } catch {
    // Not JSON: no holder.
  }
  return { text, holder, ageMs };
}

/**
 * Remove a dead holder's lock, unless it changed since it was read: two builds that both find
 * the same dead lock must not remove the one the faster of them then creates. A claim file,
 * created exclusively, lets one of them at a time do this.
 */
function takeOver(file: string, seenText: string): void {
  const claim = `${file}.claim`;
  let fd: number;
  try {
    fd = openSync(claim, "wx");
  } catch {
    // Another build is taking over; a claim left by a build killed in these few lines expires.
    try {
      if (Date.now() - statSync(claim).mtimeMs > 10_000) unlinkSync(claim);
    } catch {
      // Gone already.
    }
    return;
  }
  closeSync(fd);
  try {
    if (readFileSync(file, "utf8") === seenText) unlinkSync(file);
  } catch {
    // Gone already.
  } finally {
    rmSync(claim, { force: true });
  }
}

// This process as a lock holder (read once: none of it changes while the process runs); `since` is set when a lock is taken.
let self: LockHolder | undefined;

function currentHolder(): LockHolder {
  self ??= { pid: process.pid, host: hostname(), boot: readText("/proc/sys/kernel/random/boot_id"), started: processStart(process.pid), since: 0 };
  return self;
}

// The 22nd field of /proc/<pid>/stat, the process's start time; "" where there is no /proc.
function processStart(pid: number): string {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? "";
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}
