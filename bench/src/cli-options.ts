/** The sections of a run, in the order they print; `--only` picks one. */
export const SECTIONS = ["table", "elementary", "autograd", "relaxed", "threads"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** A short run (under a minute) for CI's smoke test: fewer sizes and samples. */
  readonly quick: boolean;
  /** Where the JSON results go. */
  readonly out: string | undefined;
  /** Leave out the NumPy rows even when python3 has NumPy. */
  readonly noNumpy: boolean;
  /** Time samples by elapsed time instead of this process's CPU time. */
  readonly wall: boolean;
  /**
   * Run only one section (`--only`): the main table against the peers, the own elementary
   * functions against Math.*, the autograd cost table, the opt-in relaxed-SIMD product or nn and
   * NumPy at 1 and 2 threads. Absent: all of them.
   */
  readonly only?: Section;
}

const USAGE = `usage: npm run bench -- [--quick] [--no-numpy] [--wall] [--only ${SECTIONS.join("|")}] [--out results.json]`;

export function parseBenchArgs(args: readonly string[]): BenchOptions {
  let quick = false, noNumpy = false, wall = false;
  let out: string | undefined, only: Section | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--quick") quick = true;
    else if (arg === "--no-numpy") noNumpy = true;
    else if (arg === "--wall") wall = true;
    else if (arg === "--only") {
      const part = args[++i];
      if (!(SECTIONS as readonly string[]).includes(part)) {
        throw new Error(`--only takes "table" (the main table against TensorFlow.js and NumPy), "elementary" (the own elementary functions against Math.*), "autograd" (the autograd cost table), "relaxed" (the opt-in relaxed-SIMD product) or "threads" (nn and NumPy at 1 and 2 threads), got ${JSON.stringify(part ?? "")}\n${USAGE}`);
      }
      only = part as Section;
    } else if (arg === "--out") {
      out = args[++i];
      if (out === undefined || out.startsWith("--")) throw new Error(`--out needs a file path\n${USAGE}`);
    } else if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    else throw new Error(`unknown option ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return { quick, out, noNumpy, wall, ...(only !== undefined ? { only } : {}) };
}

/** Whether a run with these options includes `section`. */
export function runsSection(options: BenchOptions, section: Section): boolean {
  return options.only === undefined || options.only === section;
}
