import { accessSync, constants, lstatSync, readlinkSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { describeSystemError, OutputPathError } from "./output-path-error.js";

/** Linux gives up after 40 links in a row (ELOOP); so do we, so a link cycle is an error, not a hang. */
const MAX_LINKS = 40;

/** What a path to write to leads to, after following symbolic links (a chain of them too). */
export interface WriteTarget {
  /** The file actually written: the path itself, or the end of its chain of links. */
  readonly path: string;
  /** `missing`: nothing there yet (also the target of a dangling link); `special`: a device or FIFO. */
  readonly kind: "missing" | "file" | "directory" | "special" | "socket";
  readonly stats: Stats | undefined;
}

/**
 * Follows `path` through any symbolic links to what would be written. Synchronous: a few `lstat`
 * calls, which never block on what they look at (opening a FIFO would).
 */
export function resolveWriteTarget(path: string): WriteTarget {
  let current = path;
  for (let links = 0; ; links++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      // ENOTDIR: a file where a directory should be; checkOutputPath names that directory.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return { path: current, kind: "missing", stats: undefined };
      throw pathError(path, current, error);
    }
    if (!stats.isSymbolicLink()) return { path: current, kind: kindOf(stats), stats };
    if (links === MAX_LINKS) throw new OutputPathError(path, `more than ${MAX_LINKS} symbolic links in a row (a cycle?)`, "ELOOP");
    const link = readlinkSync(current);
    current = isAbsolute(link) ? link : join(dirname(current), link);
  }
}

function kindOf(stats: Stats): WriteTarget["kind"] {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "directory";
  if (stats.isSocket()) return "socket";
  return "special";
}

/**
 * Throws an OutputPathError when `path` clearly cannot be written: call it before long work whose
 * result goes there. A file is replaced by writing a temporary file next to it and renaming, so its
 * directory must exist and be writable; a device or FIFO is written in place; a directory or a
 * socket is refused. `access(W_OK)` is always true for root, so the cases root cannot write either
 * (a missing directory, a directory as target, a read-only file system) are checked from what is
 * there, and a file with no write permission for anyone counts as meant to stay as it is.
 */
export function checkOutputPath(path: string): void {
  const target = resolveWriteTarget(path);
  const fail = (problem: string, code?: string): never => {
    throw new OutputPathError(path, target.path === path ? problem : `it links to ${target.path}, and ${problem}`, code);
  };
  switch (target.kind) {
    case "directory":
      return fail("it is a directory; give a file name", "EISDIR");
    case "socket":
      return fail("it is a socket, which cannot be written as a file", "ENXIO");
    case "special": {
      const denied = accessProblem(target.path);
      if (denied !== undefined) fail(`it is not writable: ${denied.problem}`, denied.code);
      return;
    }
    case "file": {
      if ((target.stats!.mode & 0o222) === 0) fail("the file is read-only", "EACCES");
      const denied = accessProblem(target.path);
      if (denied !== undefined) fail(`the file is not writable: ${denied.problem}`, denied.code);
      break;
    }
    case "missing":
      break;
  }
  const directory = dirname(target.path);
  let stats: Stats;
  try {
    stats = statSync(directory);
  } catch (error) {
    const { problem, code } = describeSystemError(error);
    if (code === "ENOENT") return fail(`the directory ${directory} does not exist`, code);
    if (code === "ENOTDIR") return fail(`${directory} is not a directory`, code);
    return fail(`${directory}: ${problem}`, code);
  }
  if (!stats.isDirectory()) fail(`${directory} is not a directory`, "ENOTDIR");
  const denied = accessProblem(directory);
  if (denied !== undefined) fail(`the directory ${directory} is not writable: ${denied.problem}`, denied.code);
}

/** Why `path` may not be written (permission denied, read-only file system), or undefined if it may. */
function accessProblem(path: string): { problem: string; code: string | undefined } | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return describeSystemError(error);
  }
}

function pathError(path: string, at: string, error: unknown): OutputPathError {
  const { problem, code } = describeSystemError(error);
  return new OutputPathError(path, at === path ? problem : `${at}: ${problem}`, code);
}
