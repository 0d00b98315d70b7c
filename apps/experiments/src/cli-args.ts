/** Command-line options of `pnpm experiments`. */

export interface CliOptions {
  quick: boolean;
  /** Study ids to run (default: all). */
  only: string[];
  /** Output directory (default: <repo>/experiments/results, or results-quick with --quick). */
  out: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: pnpm experiments [--quick] [--only <study>[,<study>…]] [--out <dir>]

  --quick          2 seeds, fewer epochs and samples (the CI run; under a minute)
  --only <ids>     run only these studies (comma-separated ids, or repeat the flag);
                   their rows of index.md are replaced, the other rows kept
  --out <dir>      write reports here (default experiments/results, or experiments/results-quick with --quick)
`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { quick: false, only: [], out: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      // pnpm forwards a literal "--" when called as `pnpm experiments -- --quick`.
      case "--": break;
      case "--quick": options.quick = true; break;
      case "--only": options.only.push(...value().split(",").filter((s) => s !== "")); break;
      case "--out": options.out = value(); break;
      case "--help": case "-h": options.help = true; break;
      default: throw new Error(`unknown argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    }
  }
  return options;
}
