/**
 * Per-seed curves → a plotted series (mean line, ± std band), and the thinning that keeps long
 * runs small: every k-th epoch (always the first and the last), the same epochs for every seed.
 */
import { curveStats } from "../stats.js";
import type { LineSeries } from "./line-chart.js";

/** 1-based epochs 1, 1 + k, 1 + 2k, …, n with k chosen so that there are at most about `maxPoints`. */
export function thinEpochs(n: number, maxPoints = 200): number[] {
  const every = Math.max(1, Math.ceil(n / maxPoints));
  const epochs: number[] = [];
  for (let e = 1; e <= n; e += every) epochs.push(e);
  if (n > 0 && epochs[epochs.length - 1] !== n) epochs.push(n);
  return epochs;
}

/** The curve's values at those epochs, stopping where the curve stops (a diverged run). */
export function sampleCurve(curve: readonly number[], epochs: readonly number[]): number[] {
  return epochs.filter((e) => e <= curve.length).map((e) => curve[e - 1]);
}

export function meanBandSeries(label: string, x: readonly number[], curves: readonly (readonly number[])[], color?: number): LineSeries {
  const stats = curveStats(curves);
  const n = Math.min(x.length, stats.mean.length);
  return { label, x: x.slice(0, n), y: stats.mean.slice(0, n), band: stats.std.slice(0, n), color };
}
