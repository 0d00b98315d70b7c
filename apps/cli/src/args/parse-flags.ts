import { parseArgs } from "node:util";
import { suggestName } from "./did-you-mean.js";
import { UsageError } from "./usage-error.js";

/** One flag of a command: its kind, a short help text and the value placeholder shown in usage. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly description: string;
  /** Placeholder in the usage text, e.g. `<n>`; string flags only. */
  readonly value?: string;
  /** Shown as "(default …)" in the usage text. */
  readonly default?: string;
  readonly short?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * Strict flag parsing on top of node:util parseArgs. Every failure becomes a one-line UsageError
 * that names the command and the flag. `--lr -1` is read as the value -1 (parseArgs alone calls
 * it ambiguous), so that the value check can say what is wrong with it.
 */
export function parseFlags(command: string, argv: readonly string[], specs: FlagSpecs, maxPositionals = 0): ParsedFlags {
  const args = joinNegativeValues(argv, specs);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
      ),
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`nn ${command}: ${describeParseError(error, specs)}`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`nn ${command}: unexpected argument "${parsed.positionals[maxPositionals]}" (see nn ${command} --help)`);
  }
  return { values: parsed.values as ParsedFlags["values"], positionals: parsed.positionals };
}

function joinNegativeValues(argv: readonly string[], specs: FlagSpecs): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const next = argv[i + 1];
    const name = token.startsWith("--") ? token.slice(2) : undefined;
    if (name !== undefined && specs[name]?.type === "string" && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

function describeParseError(error: unknown, specs: FlagSpecs): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /Option '(-{1,2}[^' ]+)/.exec(message)?.[1] ?? /option '(-{1,2}[^' ]+)'/i.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    return `unknown flag ${flag}${suggestName(flag.replace(/^-+/, "").split("=")[0], Object.keys(specs), "--")}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    if (message.includes("does not take an argument")) return `${flag} is a switch and takes no value`;
    return `${flag} needs a value`;
  }
  return message.split("\n")[0];
}

/** The usage block of a command: one line per flag, aligned. */
export function formatFlagHelp(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = `  --${name}${spec.type === "string" ? ` ${spec.value ?? "<value>"}` : ""}`;
    const right = spec.description + (spec.default !== undefined ? ` (default ${spec.default})` : "");
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right).join("\n");
}
