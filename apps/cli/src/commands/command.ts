/** Where a command writes; tests pass string sinks, the entry point passes the process streams. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CommandIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The real process streams when running for real (the live screen needs them); absent in tests. */
  readonly processStreams?: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
  /** Raised on Ctrl-C, SIGTERM or SIGHUP, with the signal's name as its reason (the live screen reads a typed Ctrl-C as a key instead). */
  readonly interrupt?: AbortSignal;
  /** Raised when stdout's reader has gone (EPIPE: `nn train --json | head -1`): nothing more printed will be read. */
  readonly outputClosed?: AbortSignal;
  /**
   * Tells the entry point about a file the command writes, so that a forced exit (a second Ctrl-C
   * during a save) removes that file's unfinished temporary file and says the save was interrupted.
   * A command that does not stop on `interrupt` calls it just before writing: from then on a signal
   * is handled in JavaScript, which waits for the event loop (before, the signal ends it at once).
   */
  readonly registerOutput?: (path: string) => void;
}

/**
 * One `nn` subcommand. Adding a command is adding a file that exports one of these and listing it
 * in commands/registry.ts. `run` resolves to the exit code; a UsageError thrown from it means exit 2.
 */
export interface Command {
  readonly name: string;
  /** One line for `nn --help`. */
  readonly summary: string;
  /** The full `nn <name> --help` text. */
  usage(): string;
  /**
   * True when `run` watches `io.interrupt` and ends by itself (saving first) on Ctrl-C, SIGTERM or
   * SIGHUP. The entry point ends any other command at the first such signal, as the signal would.
   */
  readonly stopsOnInterrupt?: boolean;
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}
