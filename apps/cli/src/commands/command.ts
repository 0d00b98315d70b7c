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
  /** Raised on Ctrl-C in plain mode (the live screen reads Ctrl-C as a key instead). */
  readonly interrupt?: AbortSignal;
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
