import type { OutputStream } from "./commands/command.js";

/** A process output stream that stops writing, quietly, once its reader has gone. */
export interface GuardedOutput {
  readonly stream: OutputStream;
  /** Aborted when the stream can no longer be written (EPIPE: `nn --json | head -1` after head exits). */
  readonly closed: AbortSignal;
}

/**
 * Wraps stdout or stderr so that a closed pipe (EPIPE), or any other write error, ends the output
 * instead of the process: without an 'error' listener Node throws it as an uncaught exception with
 * a stack trace. Writing on stops; the command's other duties (a --save) go on. An error other
 * than a closed pipe is worth one line on `report` (the other stream), e.g. a full disk.
 */
export function guardOutput(target: NodeJS.WriteStream, name: string, report: () => OutputStream): GuardedOutput {
  const closed = new AbortController();
  target.on("error", (error: NodeJS.ErrnoException) => {
    if (closed.signal.aborted) return;
    closed.abort(error.code ?? "closed");
    if (error.code !== "EPIPE") report().write(`nn: cannot write to ${name}: ${error.message}; output stopped\n`);
  });
  const stream: OutputStream = {
    write: (text: string) => (closed.signal.aborted ? false : target.write(text)),
    get isTTY() {
      return target.isTTY;
    },
  };
  return { stream, closed: closed.signal };
}
