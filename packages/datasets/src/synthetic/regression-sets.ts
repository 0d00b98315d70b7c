import { checkOptions, createRng, optionKeys, Tensor, allocate } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkDType, checkInteger, checkNonNegative, checkSeed } from "../option-checks.js";

/**
 * Options of the regression generators. `noise` is the TensorFlow Playground's: the target is read
 * at a position shifted by uniform(−6, 6)·noise in each coordinate (its slider runs 0–0.5).
 */
export interface RegressionOptions {
  /** Number of examples (default 100). */
  n?: number;
  /** Shift of the point where the target is read, as a fraction of the half-width 6 (default 0: exact targets). */
  noise?: number;
  /** Seed for `createRng` (default 0). */
  seed?: number;
  /** dtype of `x` and `y` (default float32). */
  dtype?: "float32" | "float64";
}

const REGRESSION_OPTIONS = optionKeys<RegressionOptions>()("n", "noise", "seed", "dtype");

/** Half-width of the square [−6, 6]² the points are drawn from (the Playground's radius). */
const HALF_WIDTH = 6;

/** The plane's target: (x₁ + x₂) / 10, the Playground's linear scale from [−10, 10] to [−1, 1] (not clamped). */
export function planeTarget(x1: number, x2: number): number {
  return (x1 + x2) / 10;
}

/** Centres (x₁, x₂) and signs of the six bumps of the multi-Gaussian set, as the Playground places them. */
export const MULTI_GAUSSIAN_BUMPS: readonly (readonly [number, number, 1 | -1])[] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/**
 * The multi-Gaussian target: each bump k contributes sₖ·max(0, 1 − dₖ/2), dₖ the distance to its
 * centre (a cone of radius 2, which the Playground calls a Gaussian); the target is the
 * contribution largest in absolute value (the first bump on a tie), 0 farther than 2 from every
 * centre. Values lie in [−1, 1].
 */
export function multiGaussianTarget(x1: number, x2: number): number {
  let best = 0;
  for (const [cx, cy, sign] of MULTI_GAUSSIAN_BUMPS) {
    const dx = x1 - cx;
    const dy = x2 - cy;
    const v = sign * Math.max(0, 1 - Math.sqrt(dx * dx + dy * dy) / 2);
    if (Math.abs(v) > Math.abs(best)) best = v;
  }
  return best;
}

/**
 * The Playground's regression set "plane": n points uniform in [−6, 6]², target (x₁ + x₂)/10 read
 * at the noisy position. A Dataset with real-valued `y` [n] and `numClasses` 0.
 */
export function makePlane(options: RegressionOptions = {}): Dataset {
  return regressionSet("makePlane", options, planeTarget);
}

/**
 * The Playground's regression set "multi-Gaussian": n points uniform in [−6, 6]², target
 * `multiGaussianTarget` read at the noisy position (six bumps of alternating sign). Real-valued
 * `y` [n], `numClasses` 0.
 */
export function makeMultiGaussian(options: RegressionOptions = {}): Dataset {
  return regressionSet("makeMultiGaussian", options, multiGaussianTarget);
}

function regressionSet(op: string, options: RegressionOptions, target: (x1: number, x2: number) => number): Dataset {
  checkOptions(op, options, REGRESSION_OPTIONS);
  const n = checkInteger(op, "n", options.n ?? 100, 1);
  const noise = checkNonNegative(op, "noise", options.noise ?? 0);
  const rng = createRng(checkSeed(op, options.seed ?? 0));
  const dtype = checkDType(op, options.dtype);
  const x = allocate(dtype, n * 2);
  const y = allocate(dtype, n);
  const uniform = (): number => -HALF_WIDTH + 2 * HALF_WIDTH * rng.next();
  for (let i = 0; i < n; i++) {
    // Four draws per point whatever the noise (as the Playground), so the points of a seed stay
    // where they are when only the noise changes.
    const x1 = uniform();
    const x2 = uniform();
    const shift1 = uniform() * noise;
    const shift2 = uniform() * noise;
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    // Read from the stored (rounded) point, so with noise 0 every target is exactly the stored point's.
    y[i] = target(x[2 * i] + shift1, x[2 * i + 1] + shift2);
  }
  return { x: new Tensor(x, [n, 2]), y: new Tensor(y, [n]), numClasses: 0 };
}
