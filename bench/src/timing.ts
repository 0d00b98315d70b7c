import { settle } from "./settle.js";

/** Median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median: no values");
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * What a sample measures. `cpu` (the default) is this process's CPU time, user + system: every
 * row of the table runs on one thread, so on an idle machine it equals wall time, and on a shared
 * one (CI, a 2-core box running other jobs) it leaves out the time other processes held the core.
 * `wall` is elapsed time.
 */
export type Clock = "cpu" | "wall";

/** A reading of `clock` in seconds (differences only are meaningful). */
export function readClock(clock: Clock): number {
  if (clock === "wall") return performance.now() / 1000;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Something the harness can time: `run()` does one unit of work (a training step, a product). */
export interface Timed {
  readonly name: string;
  /** Untimed set-up before each sample (tfjs: make this implementation's backend the active one). */
  prepare?(): Promise<void>;
  run(): void;
}

export interface InterleaveOptions {
  /** Untimed units per implementation before the first round (JIT tier-up, buffer growth). */
  warmup: number;
  /** Timed rounds; each round times every implementation once, in a rotated order. */
  rounds: number;
  /**
   * Units per timed sample: one count for all (training, so every implementation ends in the
   * same state) or one per implementation (products, calibrated to a sample duration).
   */
  unitsPerSample: number | readonly number[];
  /** Default `cpu`. */
  clock?: Clock;
}

/**
 * An implementation the harness times through messages: in this process (`localSampler`) or in
 * a process of its own (`isolated/host-process.ts`). `sample` returns seconds per unit.
 */
export interface Sampler {
  readonly name: string;
  /** `units` untimed units (warm-up). */
  run(units: number): Promise<void>;
  /** `units` timed units; seconds per unit on the implementation's own clock. */
  sample(units: number): Promise<number>;
}

/**
 * A `Timed` run in this process: untimed set-up, a full collection (`settle`, unless told not
 * to), then the clock around the units. Rows sharing a process settle, so one row's garbage is not
 * collected while the next is timed; a row alone in its process (`isolated/impl-host.ts`) does not,
 * since whatever garbage it makes is its own cost, and a forced collection would leave the
 * collector's concurrent sweeping running, and billed, in the sample after it.
 */
export function localSampler(impl: Timed, clock: Clock = "cpu", settles = true): Sampler {
  return {
    name: impl.name,
    async run(units) {
      await impl.prepare?.();
      for (let i = 0; i < units; i++) impl.run();
    },
    async sample(units) {
      await impl.prepare?.();
      if (settles) settle();
      const start = readClock(clock);
      for (let u = 0; u < units; u++) impl.run();
      return (readClock(clock) - start) / units;
    },
  };
}

/**
 * Times every implementation round-robin, so a slow stretch of the machine (the CI box is shared
 * and 2-core) hits all of them alike rather than whichever happened to run then. Returns, per
 * implementation, the median seconds per unit over the rounds.
 */
export async function interleaveSamplers(samplers: readonly Sampler[], options: Omit<InterleaveOptions, "clock">): Promise<number[]> {
  const { warmup, rounds, unitsPerSample } = options;
  for (const s of samplers) await s.run(warmup);
  const samples = samplers.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < samplers.length; j++) {
      const index = (j + r) % samplers.length; // rotate who goes first
      const units = typeof unitsPerSample === "number" ? unitsPerSample : unitsPerSample[index];
      samples[index].push(await samplers[index].sample(units));
    }
  }
  return samples.map((s) => median(s));
}

/** `interleaveSamplers` on implementations in this process (`options.clock`, default CPU time). */
export async function interleave(impls: readonly Timed[], options: InterleaveOptions): Promise<number[]> {
  return interleaveSamplers(impls.map((impl) => localSampler(impl, options.clock)), options);
}

/**
 * Runs `impl` until `seconds` of `clock` have passed (at least once) and returns how many units
 * that was. Used on the timed trainer or product itself (a trainer then resets its weights) so that
 * the engine's compilers have finished with the code before timing: V8 compiles a function with
 * its optimising tier only after it has run a while, on a background thread whose CPU time the
 * `cpu` clock counts, and the fixed warm-up counts of the training jobs (62 steps at mini-batch
 * 32, 2 steps of W2) left that compilation inside the timed samples.
 */
export async function warmUp(impl: Timed, seconds: number, clock: Clock = "cpu"): Promise<number> {
  await impl.prepare?.();
  const start = readClock(clock);
  let units = 0;
  do {
    impl.run();
    units++;
  } while (readClock(clock) - start < seconds);
  return units;
}

/**
 * How many units make one sample last about `targetSeconds`, from one timed unit (at least 1).
 * Used where each implementation may run a different count (matmul), never for training.
 */
export async function calibrate(impl: Timed, targetSeconds: number, clock: Clock = "cpu"): Promise<number> {
  await impl.prepare?.();
  const start = readClock(clock);
  impl.run();
  const once = Math.max(readClock(clock) - start, 1e-7);
  return Math.max(1, Math.min(100_000, Math.round(targetSeconds / once)));
}
