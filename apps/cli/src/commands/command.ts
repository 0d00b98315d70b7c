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
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}
