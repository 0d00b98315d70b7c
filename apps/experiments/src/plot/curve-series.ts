/**
 * Per-seed curves → a plotted series (median line, band from the 10 % to the 90 % quantile over
 * seeds), and the thinning that keeps long runs small: every k-th epoch (always the first and the
 * last), the same epochs for every seed. Quantiles, unlike mean ± std, stay inside the values the
 * seeds took, so a band on a log axis never reaches below zero.
 */
import { curveQuantiles } from "../stats.js";
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

export function medianBandSeries(label: string, x: readonly number[], curves: readonly (readonly number[])[], color?: number): LineSeries {
  const q = curveQuantiles(curves, 0.1);
  const n = Math.min(x.length, q.median.length);
  return { label, x: x.slice(0, n), y: q.median.slice(0, n), band: { lo: q.lo.slice(0, n), hi: q.hi.slice(0, n) }, color };
}
