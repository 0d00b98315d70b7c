import { type DType, type Rng, Tensor, createRng, optionKeys, allocate } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkDType, checkInteger, checkNonNegative, checkSeed } from "../option-checks.js";
import { identityPermutation, shuffleInPlace } from "../permutation.js";

/** Options every synthetic generator takes. */
export interface GeneratorOptions {
  /** Number of examples (default 100, as scikit-learn). */
  n?: number;
  /** Standard deviation of Gaussian noise added to every coordinate (default 0: the exact shapes). */
  noise?: number;
  /** Seed for `createRng` (default 0). The same seed gives the same bytes on every platform. */
  seed?: number;
  /** Shuffle the rows (default true, as scikit-learn); false keeps the rows grouped by class in generation order. */
  shuffle?: boolean;
  /** dtype of `x` and `y` (default float32). */
  dtype?: DType;
}

/** The keys of `GeneratorOptions`, for generators that take nothing more. */
export const GENERATOR_OPTIONS = optionKeys<GeneratorOptions>()("n", "noise", "seed", "shuffle", "dtype");

export interface ResolvedOptions {
  n: number;
  noise: number;
  shuffle: boolean;
  dtype: DType;
  rng: Rng;
}

export function resolveOptions(op: string, options: GeneratorOptions, minN = 1): ResolvedOptions {
  const n = checkInteger(op, "n", options.n ?? 100, minN);
  const noise = checkNonNegative(op, "noise", options.noise ?? 0);
  const seed = checkSeed(op, options.seed ?? 0);
  if (options.shuffle !== undefined && typeof options.shuffle !== "boolean") {
    throw new TypeError(`${op}: shuffle must be a boolean, got ${String(options.shuffle)}`);
  }
  return { n, noise, shuffle: options.shuffle ?? true, dtype: checkDType(op, options.dtype), rng: createRng(seed) };
}

/**
 * Turns clean points (row-major, `features` per row) and their labels into a Dataset the way
 * scikit-learn's generators do: shuffle the rows first, then add N(0, noise²) to every coordinate,
 * drawn in row-major order of the shuffled rows.
 */
export function finishDataset(
  points: Float64Array, labels: ArrayLike<number>, features: number, numClasses: number, opts: ResolvedOptions,
): Dataset {
  const n = labels.length;
  const order = identityPermutation(n);
  if (opts.shuffle) shuffleInPlace(order, opts.rng);
  const x = allocate(opts.dtype, n * features);
  const y = allocate(opts.dtype, n);
  for (let i = 0; i < n; i++) {
    const src = order[i];
    y[i] = labels[src];
    for (let j = 0; j < features; j++) {
      // Noise is added in float64 before the single rounding to the output dtype.
      const e = opts.noise === 0 ? 0 : opts.noise * opts.rng.normal();
      x[i * features + j] = points[src * features + j] + e;
    }
  }
  return { x: new Tensor(x, [n, features]), y: new Tensor(y, [n]), numClasses };
}

/** NumPy's linspace(start, stop, num, endpoint): start + i·step, with the endpoint set exactly. */
export function linspace(start: number, stop: number, num: number, endpoint: boolean): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  for (let i = 0; i < num; i++) out[i] = start + i * step;
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/** Splits n examples over k groups as scikit-learn's make_blobs: n // k each, the first n % k groups get one more. */
export function groupSizes(n: number, k: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < k; i++) sizes.push(Math.floor(n / k) + (i < n % k ? 1 : 0));
  return sizes;
}
