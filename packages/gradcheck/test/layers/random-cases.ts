// Random shapes, seeds and parameter values for the @nn/layers gradcheck cases.
import { type DType, type Rng, Tensor, createRng, randn } from "@nn/tensor";
import type { GradcheckReport, Layer } from "../../src/index.js";

/** One gradcheck run: what it checks, and the check itself. */
export interface GradcheckCase {
  label: string;
  run: () => GradcheckReport;
}

/** Seeds each export is checked over; every seed draws its own shapes and values. */
export const SEEDS = [1, 2, 3];
export const DTYPES: readonly DType[] = ["float32", "float64"];

/** Integer in [lo, hi]. */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

export function normal(rng: Rng, shape: number[], dtype: DType, std = 1): Tensor {
  return randn(shape, rng, { std, dtype });
}

export function uniform(rng: Rng, shape: number[], dtype: DType, low: number, high: number): Tensor {
  const t = normal(rng, shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = low + (high - low) * rng.next();
  return t;
}

/**
 * Fresh layers start with zero biases and unit norm scales; random values make the check see
 * every term of the backward pass (a gradient that ignores γ would pass at γ = 1).
 */
export function randomizeParameters<L extends Layer>(layer: L, rng: Rng): L {
  for (const p of layer.parameters()) {
    const d = p.value.data;
    for (let i = 0; i < d.length; i++) d[i] += 0.5 * rng.normal();
  }
  return layer;
}

/** The seeded stream for one case: export name, seed and dtype give independent draws. */
export function caseRng(seed: number, dtype: DType): Rng {
  return createRng(seed, dtype === "float32" ? 100 : 200);
}

export function exactly(values: number[][], dtype: DType): Tensor {
  const n = values.length, k = values[0].length;
  const data = dtype === "float64" ? new Float64Array(n * k) : new Float32Array(n * k);
  values.forEach((row, i) => row.forEach((v, j) => (data[i * k + j] = v)));
  return new Tensor(data, [n, k]);
}
