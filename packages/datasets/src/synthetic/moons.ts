import { checkOptions, elementary } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { GENERATOR_OPTIONS, type GeneratorOptions, finishDataset, linspace, resolveOptions } from "./generator-options.js";

export type MoonsOptions = GeneratorOptions;

/**
 * Two interleaving half circles, with scikit-learn's `make_moons` formulas:
 * class 0 (the upper moon, n // 2 points): (cos t, sin t) for t = linspace(0, π);
 * class 1 (the lower moon, the rest): (1 − cos t, 1 − sin t − 0.5), so it is the unit circle
 * centred at (1, 0.5) below y = 0.5. Rows are shuffled (unless `shuffle: false`), then noise is added.
 */
export function makeMoons(options: MoonsOptions = {}): Dataset {
  checkOptions("makeMoons", options, GENERATOR_OPTIONS);
  const opts = resolveOptions("makeMoons", options);
  const nOut = Math.floor(opts.n / 2);
  const nIn = opts.n - nOut;
  const points = new Float64Array(opts.n * 2);
  const labels = new Uint8Array(opts.n);
  const tOut = linspace(0, Math.PI, nOut, true);
  for (let i = 0; i < nOut; i++) {
    points[2 * i] = elementary.cos(tOut[i]);
    points[2 * i + 1] = elementary.sin(tOut[i]);
  }
  const tIn = linspace(0, Math.PI, nIn, true);
  for (let i = 0; i < nIn; i++) {
    const r = nOut + i;
    points[2 * r] = 1 - elementary.cos(tIn[i]);
    points[2 * r + 1] = 1 - elementary.sin(tIn[i]) - 0.5;
    labels[r] = 1;
  }
  return finishDataset(points, labels, 2, 2, opts);
}
