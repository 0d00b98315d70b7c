import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Starts a browser as the leader of its own process group. A headless browser leaves helpers
 * (crashpad, zygotes, renderers) that outlive its main process and keep writing into the profile;
 * only a group lets `stopBrowser` find and end them all.
 */
export function spawnBrowser(command: string, args: readonly string[]): ChildProcess {
  return spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
}

// Live members of a process group, from /proc. Zombies do not count: a helper orphaned by the
// browser is reaped by PID 1, which in a container may never do it. Without /proc (not Linux),
// signal 0 to the group tells whether any member, zombies included, is left.
function liveMembers(group: number): number {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-group, 0);
      return 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return 0;
      throw error;
    }
  }
  let live = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try { stat = readFileSync(`/proc/${entry}/stat`, "utf8"); } catch { continue; } // exited meanwhile
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === group && state !== "Z") live += 1;
  }
  return live;
}

/** Ends every process of the browser's group and waits, up to `timeoutMs`, until none is left. */
export async function stopBrowser(browser: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const pid = browser.pid;
  if (pid === undefined) return;
  const deadline = Date.now() + timeoutMs;
  while (liveMembers(pid) > 0) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // ESRCH: the group emptied meanwhile
    }
    if (Date.now() > deadline) throw new Error(`${liveMembers(pid)} of the browser's processes (group ${pid}) still ran ${timeoutMs} ms after SIGKILL`);
    await sleep(20);
  }
}

/** Removes a browser profile once nothing writes into it any more (after `stopBrowser`); the retries cover a slow file system. */
export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
