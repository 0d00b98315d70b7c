/**
 * A file that cannot be written where the user asked. The message names the user's path (never a
 * temporary file) and what is wrong with it: `cannot write out/m.json: the directory out does not exist`.
 */
export class OutputPathError extends Error {
  override name = "OutputPathError";
  /** The path as the caller gave it. */
  readonly path: string;
  readonly problem: string;
  /** The system error code behind the problem (`EACCES`, `ENOSPC`, ...), when there was one. */
  readonly code: string | undefined;

  constructor(path: string, problem: string, code?: string) {
    super(`cannot write ${path}: ${problem}`);
    this.path = path;
    this.problem = problem;
    this.code = code;
  }
}

/**
 * A system error's reason without the file names Node appends to it (which would be the temporary
 * file's): `EACCES: permission denied, open '/x/m.json.123-ab.tmp'` → `permission denied (EACCES)`.
 */
export function describeSystemError(error: unknown): { problem: string; code: string | undefined } {
  if (!(error instanceof Error)) return { problem: String(error), code: undefined };
  const code = (error as NodeJS.ErrnoException).code;
  const parsed = /^([A-Z0-9_]+): ([^,]+)/.exec(error.message);
  if (parsed !== null) return { problem: `${parsed[2]} (${parsed[1]})`, code: code ?? parsed[1] };
  return { problem: error.message, code };
}
