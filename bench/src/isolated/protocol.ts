import type { Clock } from "../timing.js";

/**
 * What the bench's parent process asks of an implementation living in a process of its own
 * (`impl-host.ts` for the JavaScript rows, `python/bench_numpy.py --serve` for NumPy), one JSON
 * object per line on the child's stdin; the child answers each with one line on its stdout.
 * Every time a child reports is its own process's clock, so nothing another implementation
 * does (TensorFlow.js's garbage, NumPy's allocator) is billed to it.
 */
export type HostRequest =
  /**
   * Trains (or multiplies) for `seconds`, so the engine has compiled the code before timing;
   * a trainer then goes back to the spec's initial weights and first batch (`Trainer.reset`).
   */
  | { op: "warm"; seconds: number; clock: Clock }
  /** Units that make one sample last about `seconds` (products: each implementation its own count). */
  | { op: "calibrate"; seconds: number; clock: Clock }
  /** `units` untimed units of the timed copy. */
  | { op: "run"; units: number }
  /** `units` timed units of the timed copy, after a full garbage collection where the engine allows it. */
  | { op: "sample"; units: number; clock: Clock }
  /** The training copy's loss on the evaluation rows. */
  | { op: "loss" }
  /** Writes the product's last result to `path` as raw little-endian float32. */
  | { op: "result"; path: string };

/** The answer to every request; the fields its request asks for, or `error`. */
export interface HostAnswer {
  readonly units?: number;
  readonly seconds?: number;
  readonly loss?: number;
  readonly error?: string;
}
