export interface BenchOptions {
  /** A short run (under a minute) for CI's smoke test: fewer sizes and samples. */
  readonly quick: boolean;
  /** Where the JSON results go. */
  readonly out: string | undefined;
  /** Leave out the NumPy rows even when python3 has NumPy. */
  readonly noNumpy: boolean;
  /** Time samples by elapsed time instead of this process's CPU time. */
  readonly wall: boolean;
  /** Run only the cost of the own elementary functions against Math.* (`--only elementary`). */
  readonly onlyElementary: boolean;
  /** Run only the autograd cost table, the seed MLP by layers and by @nn/autograd (`--only autograd`). */
  readonly onlyAutograd: boolean;
  /** Run only the relaxed-SIMD table, wasm against the opt-in fused multiply-add (`--only relaxed`); absent otherwise. */
  readonly onlyRelaxed?: true;
  /** Run only the threads table, nn and NumPy at 1 and 2 threads in wall time (`--only threads`); absent otherwise. */
  readonly onlyThreads?: true;
}

const USAGE = "usage: pnpm bench [--quick] [--no-numpy] [--wall] [--only elementary|autograd|relaxed|threads] [--out results.json]";

export function parseBenchArgs(args: readonly string[]): BenchOptions {
  let quick = false, noNumpy = false, wall = false, onlyElementary = false, onlyAutograd = false, onlyRelaxed = false, onlyThreads = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--quick") quick = true;
    else if (arg === "--no-numpy") noNumpy = true;
    else if (arg === "--wall") wall = true;
    else if (arg === "--only") {
      const part = args[++i];
      if (part === "elementary") onlyElementary = true;
      else if (part === "autograd") onlyAutograd = true;
      else if (part === "relaxed") onlyRelaxed = true;
      else if (part === "threads") onlyThreads = true;
      else throw new Error(`--only takes "elementary" (the own elementary functions against Math.*), "autograd" (the autograd cost table), "relaxed" (the opt-in relaxed-SIMD product) or "threads" (nn and NumPy at 1 and 2 threads), got ${JSON.stringify(part ?? "")}\n${USAGE}`);
    } else if (arg === "--out") {
      out = args[++i];
      if (out === undefined || out.startsWith("--")) throw new Error(`--out needs a file path\n${USAGE}`);
    } else if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    else throw new Error(`unknown option ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return { quick, out, noNumpy, wall, onlyElementary, onlyAutograd, ...(onlyRelaxed ? { onlyRelaxed: true as const } : {}), ...(onlyThreads ? { onlyThreads: true as const } : {}) };
}
