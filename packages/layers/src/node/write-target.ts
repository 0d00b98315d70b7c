import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { describeSystemError, OutputPathError } from "./output-path-error.js";

/** Linux gives up after 40 links in a row (ELOOP); so do we, so a link cycle is an error, not a hang. */
const MAX_LINKS = 40;

/** What a path to write to leads to, after following symbolic links (a chain of them too). */
export interface WriteTarget {
  /**
   * The name to write: for a file reached through links, the real file (so renaming over it keeps
   * the links); for a dangling link, the name at the end of its chain; otherwise the path itself.
   */
  readonly path: string;
  /** `missing`: nothing there yet (also the target of a dangling link); `special`: a device or FIFO. */
  readonly kind: "missing" | "file" | "directory" | "special" | "socket";
  /** True when the path itself is a symbolic link. */
  readonly linked: boolean;
  readonly stats: Stats | undefined;
}

/**
 * Follows `path` through any symbolic links to what would be written. Synchronous: `lstat`, `stat`
 * and `readlink` never block on what they look at (opening a FIFO would). A device or FIFO behind a
 * link keeps the user's path, which opening follows: that also reaches what a `/proc/self/fd/1`
 * stands for, which no link chain spells out.
 */
export function resolveWriteTarget(path: string): WriteTarget {
  const own = statOrMissing(path, lstatSync);
  if (own === undefined) return { path, kind: "missing", linked: false, stats: undefined };
  if (!own.isSymbolicLink()) return { path, kind: kindOf(own), linked: false, stats: own };
  let stats: Stats | undefined;
  try {
    stats = statOrMissing(path, statSync);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw tooManyLinks(path);
    throw error;
  }
  if (stats === undefined) return { path: danglingEnd(path), kind: "missing", linked: true, stats: undefined };
  const kind = kindOf(stats);
  return { path: kind === "file" || kind === "directory" ? realpathSync(path) : path, kind, linked: true, stats };
}

/** Stats, or undefined when nothing is there (ENOTDIR: a file where a directory should be; checkOutputPath names it). */
function statOrMissing(path: string, stat: (path: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    const { problem, code: errorCode } = describeSystemError(error);
    throw new OutputPathError(path, problem, errorCode);
  }
}

/** The name a dangling link finally points at, following the chain by hand. */
function danglingEnd(path: string): string {
  let current = path;
  for (let links = 0; links <= MAX_LINKS; links++) {
    const stats = statOrMissing(current, lstatSync);
    if (stats === undefined || !stats.isSymbolicLink()) return current;
    const link = readlinkSync(current);
    current = isAbsolute(link) ? link : join(dirname(current), link);
  }
  throw tooManyLinks(path);
}

function tooManyLinks(path: string): OutputPathError {
  return new OutputPathError(path, `more than ${MAX_LINKS} symbolic links in a row (a cycle?)`, "ELOOP");
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
    throw new OutputPathError(path, target.linked && target.path !== path ? `it links to ${target.path}, and ${problem}` : problem, code);
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
