import { randomBytes } from "node:crypto";
import { readdirSync, unlinkSync } from "node:fs";
import { open, rename, rm, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describeSystemError, OutputPathError } from "./output-path-error.js";
import { checkOutputPath, resolveWriteTarget } from "./write-target.js";

/** Temporary files this thread is writing; removed if the process exits before they are renamed. */
const unfinished = new Set<string>();
let exitHookInstalled = false;

/**
 * Writes `data` to `path` without ever destroying what is there by accident:
 * - a regular file, or nothing yet: the bytes go to a temporary file next to the real file
 *   (symbolic links, chains of them too, are followed; a dangling link creates its target), are
 *   flushed to disk, and the temporary file is renamed over the real file. A crash or a failed
 *   write leaves the old file as it was; a link stays a link.
 * - a device, FIFO or other special file: written in place (replacing `/dev/null` with a regular
 *   file is what renaming over it would do).
 * - a directory, a socket, a read-only file or a path `checkOutputPath` finds unwritable: refused.
 * Every error is an OutputPathError naming `path`, never the temporary file, which is removed on
 * every failure path (and when the process exits mid-write).
 */
export async function writeFileSafely(path: string, data: string | Uint8Array): Promise<void> {
  checkOutputPath(path);
  const target = resolveWriteTarget(path);
  if (target.kind === "special") {
    try {
      await writeFile(target.path, data);
    } catch (error) {
      throw explain(path, error);
    }
    return;
  }
  const temp = join(dirname(target.path), `${tempPrefix(target.path)}${randomBytes(4).toString("hex")}.tmp`);
  rememberUnfinished(temp);
  let handle: FileHandle | undefined;
  try {
    // "wx": never reuse a file that is already there. A replaced file keeps its permission bits.
    handle = await open(temp, "wx", target.stats === undefined ? 0o666 : target.stats.mode & 0o7777);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target.path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw explain(path, error);
  } finally {
    unfinished.delete(temp);
  }
  await syncDirectory(dirname(target.path));
}

/**
 * Removes the temporary files this process left for `path` (any thread of it: a worker thread
 * ended mid-save cannot clean up after itself). Synchronous, for exit and signal handlers.
 * Resolves to the names removed, so a caller can say that a save was cut short.
 */
export function discardUnfinishedWrites(path: string): string[] {
  let target;
  try {
    target = resolveWriteTarget(path);
  } catch {
    return [];
  }
  const directory = dirname(target.path);
  const prefix = tempPrefix(target.path);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const file = join(directory, name);
    try {
      unlinkSync(file);
      removed.push(file);
    } catch {
      // Gone already (its own write finished or cleaned up): nothing to do.
    }
    unfinished.delete(file);
  }
  return removed;
}

/** `m.json.<pid>-`: the process id lets discardUnfinishedWrites find every thread's files and only this process's. */
function tempPrefix(realPath: string): string {
  return `${basename(realPath)}.${process.pid}-`;
}

function rememberUnfinished(temp: string): void {
  unfinished.add(temp);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const file of unfinished) {
      try {
        unlinkSync(file);
      } catch {
        // Already renamed or removed.
      }
    }
  });
}

/** The most specific reason: a structural problem with the path if there is one, else the system's. */
function explain(path: string, error: unknown): OutputPathError {
  try {
    checkOutputPath(path);
  } catch (checked) {
    if (checked instanceof OutputPathError) return checked;
  }
  const { problem, code } = describeSystemError(error);
  return new OutputPathError(path, problem, code);
}

/** Makes the rename itself durable. Not every platform can open a directory (Windows): best effort. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch {
    // Durability of the directory entry is a bonus; the file itself is already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
