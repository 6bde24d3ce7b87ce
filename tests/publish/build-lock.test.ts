import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireBuildLock, isAlive, LOCK_FILE, type LockHolder } from "../../src/publish/build-lock.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-lock-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The id of a process that has exited: nothing runs under it now (the kernel does not hand a pid
// out again this soon).
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

function lockIn(name: string): string {
  return path.join(folder, name);
}

function writeLock(dir: string, holder: Partial<LockHolder> | string): void {
  writeFileSync(path.join(dir, LOCK_FILE), typeof holder === "string" ? holder : JSON.stringify(holder));
}

const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();

describe("acquireBuildLock", () => {
  it("lets one holder at a time in: a second waits, says so once, and gets the lock when the first gives it up", async () => {
    const dir = lockIn("one-at-a-time");
    const first = await acquireBuildLock(dir);
    const waits: LockHolder[] = [];
    let secondHeld = false;
    const second = acquireBuildLock(dir, { pollMs: 10, onWait: (holder) => waits.push(holder) }).then((lock) => {
      secondHeld = true;
      return lock;
    });
    // However long it waits, the second never gets the lock while the first holds it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondHeld).toBe(false);
    expect(waits).toHaveLength(1);
    expect(waits[0]?.pid).toBe(process.pid);
    first.release();
    (await second).release();
    expect(secondHeld).toBe(true);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over, without waiting, a lock whose process has died", async () => {
    const dir = lockIn("dead");
    await acquireBuildLock(dir).then((lock) => lock.release());
    writeLock(dir, { pid: deadPid(), host: hostname(), boot: bootId, started: "12345", since: Date.now() });
    const waits: LockHolder[] = [];
    const lock = await acquireBuildLock(dir, { onWait: (holder) => waits.push(holder) });
    expect(waits).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock that came back with a CI cache from another machine, even when its process id runs here", async () => {
    const dir = lockIn("restored");
    await acquireBuildLock(dir).then((lock) => lock.release());
    // This very process's id, on another machine (another boot).
    writeLock(dir, { pid: process.pid, host: "fv-az123-456", boot: "0a1b2c3d-other-boot", started: "999", since: Date.now() - 86_400_000 });
    const lock = await acquireBuildLock(dir, { onWait: () => expect.unreachable("waited for a lock from another machine") });
    lock.release();
  });

  it("takes over a lock cut short by a crash while it was written, once it is not being written any more", async () => {
    const dir = lockIn("unreadable");
    await acquireBuildLock(dir).then((lock) => lock.release());
    writeLock(dir, '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, LOCK_FILE), old, old);
    const lock = await acquireBuildLock(dir);
    lock.release();
  });
});

describe("isAlive", () => {
  it("knows a running process from a dead one, and a reused process id from its holder", () => {
    // This process's start time, field 22 of /proc/<pid>/stat.
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    const me: LockHolder = { pid: process.pid, host: hostname(), boot: bootId, started: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "", since: 0 };
    expect(isAlive(me)).toBe(true);
    expect(isAlive({ ...me, pid: deadPid() })).toBe(false);
    expect(isAlive({ ...me, started: "1" })).toBe(false);
    expect(isAlive({ ...me, boot: "another-boot" })).toBe(false);
  });
});
