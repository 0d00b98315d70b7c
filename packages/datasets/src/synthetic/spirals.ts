import { checkOptions, optionKeys, elementary } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkFinite, checkInteger } from "../option-checks.js";
import { type GeneratorOptions, finishDataset, groupSizes, resolveOptions } from "./generator-options.js";

export interface SpiralsOptions extends GeneratorOptions {
  /** Number of arms, one class each (default 2). */
  arms?: number;
  /** Full turns each arm makes from the centre to radius 1 (default 1). */
  turns?: number;
}

/**
 * `arms` interleaved Archimedean spirals. Arm j (class j) gets n // arms points (the first
 * n % arms arms one more); its i-th of m points has t = (i + 1) / m, radius r = t and angle
 * θ = 2π (j / arms + turns · t), i.e. (r cos θ, r sin θ). Starting at t = 1/m keeps the arms
 * from sharing the point at the origin. Shuffled, then N(0, noise²) added to each coordinate.
 */
const SPIRALS_OPTIONS = optionKeys<SpiralsOptions>()("n", "noise", "seed", "shuffle", "dtype", "arms", "turns");

export function makeSpirals(options: SpiralsOptions = {}): Dataset {
  checkOptions("makeSpirals", options, SPIRALS_OPTIONS);
  const opts = resolveOptions("makeSpirals", options);
  const arms = checkInteger("makeSpirals", "arms", options.arms ?? 2, 1);
  const turns = checkFinite("makeSpirals", "turns", options.turns ?? 1);
  const points = new Float64Array(opts.n * 2);
  const labels = new Uint16Array(opts.n);
  let row = 0;
  groupSizes(opts.n, arms).forEach((m, arm) => {
    for (let i = 0; i < m; i++, row++) {
      const t = (i + 1) / m;
      const theta = 2 * Math.PI * (arm / arms + turns * t);
      points[2 * row] = t * elementary.cos(theta);
      points[2 * row + 1] = t * elementary.sin(theta);
      labels[row] = arm;
    }
  });
  return finishDataset(points, labels, 2, arms, opts);
}
