import { EXIT_OK, EXIT_TRAINING_FAILED, EXIT_USAGE, UsageError } from "./args/usage-error.js";
import { suggestName } from "./args/did-you-mean.js";
import type { Command, CommandIO } from "./commands/command.js";
import { COMMANDS, findCommand } from "./commands/registry.js";
import { firstLine } from "./session/load-data.js";
import { NN_VERSION } from "./version.js";

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    "usage: nn [command] [flags]        (no command: nn train)",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "nn <command> --help shows a command's flags; nn --version the version.",
  ].join("\n");
}

/** The command `argv` names and the arguments it gets; undefined for an unknown name. */
export function commandFor(argv: readonly string[]): { command: Command; args: readonly string[] } | undefined {
  const [first, ...rest] = argv;
  // `nn` alone, or `nn --epochs 10`, is `nn train …`.
  if (first === undefined || first.startsWith("-")) return { command: findCommand("train")!, args: argv };
  const command = findCommand(first);
  return command === undefined ? undefined : { command, args: rest };
}

/**
 * Runs `nn` with the arguments after the program name and resolves to the exit code. Usage errors
 * print one line (exit 2); any other failure prints its first line (exit 1). Never a stack trace.
 */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const first = argv[0];
  try {
    if (first === "--version" || first === "-v" || first === "version") {
      io.stdout.write(`nn ${NN_VERSION}\n`);
      return EXIT_OK;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.stdout.write(mainUsage() + "\n");
      return EXIT_OK;
    }
    const resolved = commandFor(argv);
    if (resolved === undefined) {
      const names = COMMANDS.map((c) => c.name);
      const hint = suggestName(first, names);
      throw new UsageError(`nn: unknown command "${first}"${hint === "" ? ` (commands: ${names.join(", ")})` : hint}`);
    }
    return await resolved.command.run(resolved.args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(error.message + "\n");
      return EXIT_USAGE;
    }
    io.stderr.write(`nn: ${firstLine(error)}\n`);
    return EXIT_TRAINING_FAILED;
  }
}
