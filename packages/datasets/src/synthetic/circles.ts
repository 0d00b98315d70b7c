import { checkOptions, optionKeys, elementary } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { type GeneratorOptions, finishDataset, linspace, resolveOptions } from "./generator-options.js";

export interface CirclesOptions extends GeneratorOptions {
  /** Radius of the inner circle relative to the outer one, in [0, 1) (default 0.8, as scikit-learn). */
  factor?: number;
}

/**
 * Two concentric circles, with scikit-learn's `make_circles` formulas: class 0 (n // 2 points) on
 * the unit circle at angles linspace(0, 2π, n // 2, endpoint=false), class 1 (the rest) on the
 * circle of radius `factor` at equally spaced angles the same way. Shuffled, then noise added.
 */
const CIRCLES_OPTIONS = optionKeys<CirclesOptions>()("n", "noise", "seed", "shuffle", "dtype", "factor");

export function makeCircles(options: CirclesOptions = {}): Dataset {
  checkOptions("makeCircles", options, CIRCLES_OPTIONS);
  const opts = resolveOptions("makeCircles", options);
  const factor = options.factor ?? 0.8;
  if (typeof factor !== "number" || !(factor >= 0 && factor < 1)) {
    throw new RangeError(`makeCircles: factor must be in [0, 1), got ${String(factor)}`);
  }
  const nOut = Math.floor(opts.n / 2);
  const nIn = opts.n - nOut;
  const points = new Float64Array(opts.n * 2);
  const labels = new Uint8Array(opts.n);
  const tOut = linspace(0, 2 * Math.PI, nOut, false);
  for (let i = 0; i < nOut; i++) {
    points[2 * i] = elementary.cos(tOut[i]);
    points[2 * i + 1] = elementary.sin(tOut[i]);
  }
  const tIn = linspace(0, 2 * Math.PI, nIn, false);
  for (let i = 0; i < nIn; i++) {
    const r = nOut + i;
    points[2 * r] = elementary.cos(tIn[i]) * factor;
    points[2 * r + 1] = elementary.sin(tIn[i]) * factor;
    labels[r] = 1;
  }
  return finishDataset(points, labels, 2, 2, opts);
}
