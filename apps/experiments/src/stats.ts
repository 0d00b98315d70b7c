/**
 * Summary statistics over seeds. `std` is the sample standard deviation (divides by n − 1, as
 * NumPy's `std(ddof=1)`), the usual choice when a handful of seeds stands for all of them.
 * Every summary that drops non-finite values (a diverged seed) says how many it kept: `n` next to
 * `of`, so a report can say "mean over 7 of 10 seeds" instead of silently averaging fewer.
 */
import { elementary } from "@nn/tensor";
import { studentTQuantile, studentTTwoSidedP } from "./student-t.js";

/** Arithmetic mean of the finite values (NaN when there are none). */
export function mean(values: readonly number[]): number {
  let sum = 0, n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) { sum += v; n++; }
  }
  return n === 0 ? NaN : sum / n;
}

/** Sample standard deviation of the finite values: 0 for one value, NaN for none. */
export function std(values: readonly number[]): number {
  const m = mean(values);
  if (Number.isNaN(m)) return NaN;
  let ss = 0, n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) { ss += (v - m) * (v - m); n++; }
  }
  return n < 2 ? 0 : Math.sqrt(ss / (n - 1));
}

/** A mean with its two-sided 95 % Student-t confidence interval over the finite values. */
export interface MeanCI {
  mean: number;
  lo: number;
  hi: number;
  /** Finite values the mean is over. */
  n: number;
  /** Values given (seeds run); `n < of` means some were dropped as non-finite. */
  of: number;
}

/** Mean ± t(0.975, n − 1)·s/√n. With one finite value the interval is unknown (NaN bounds). */
export function meanCI(values: readonly number[], level = 0.95): MeanCI {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const m = mean(finite);
  if (n < 2) return { mean: m, lo: NaN, hi: NaN, n, of: values.length };
  const half = studentTQuantile(0.5 + level / 2, n - 1) * std(finite) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half, n, of: values.length };
}

/**
 * Geometric mean with its interval: the t interval of ln(values), mapped back. For quantities that
 * vary over decades (losses, gradient norms), where an arithmetic mean is one seed's value. Values
 * ≤ 0 or non-finite are left out (and counted in `of`).
 */
export function geometricMeanCI(values: readonly number[], level = 0.95): MeanCI {
  const ci = meanCI(logs(values), level);
  const back = (v: number): number => (Number.isFinite(v) ? elementary.exp(v) : NaN);
  return { mean: back(ci.mean), lo: back(ci.lo), hi: back(ci.hi), n: ci.n, of: ci.of };
}

/** Natural logs, with NaN for values ≤ 0 or non-finite (so paired tests drop them and count them). */
export function logs(values: readonly number[]): number[] {
  return values.map((v) => (v > 0 && Number.isFinite(v) ? elementary.log(v) : NaN));
}

/** Paired comparison of b − a over seeds (the same data sample, split and initial draw in both). */
export interface PairedTest {
  /** Mean of the differences b − a. */
  diff: number;
  /** 95 % confidence interval of the mean difference. */
  lo: number;
  hi: number;
  /** Two-sided p-value of the paired t-test (H0: mean difference 0); NaN when it cannot be computed. */
  p: number;
  /** Pairs with both values finite. */
  n: number;
  /** Pairs given. */
  of: number;
}

/**
 * Paired t-test of b against a. A pair is used only when both values are finite. All differences
 * equal (zero spread): p is 1 when they are 0 and 0 otherwise (the interval collapses to a point).
 */
export function pairedTTest(a: readonly number[], b: readonly number[]): PairedTest {
  if (a.length !== b.length) throw new RangeError(`pairedTTest: ${a.length} values against ${b.length}; pairs need equal lengths`);
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(b[i] - a[i]);
  const n = d.length;
  const m = mean(d);
  if (n < 2) return { diff: m, lo: NaN, hi: NaN, p: NaN, n, of: a.length };
  const se = std(d) / Math.sqrt(n);
  if (se === 0) return { diff: m, lo: m, hi: m, p: m === 0 ? 1 : 0, n, of: a.length };
  const half = studentTQuantile(0.975, n - 1) * se;
  return { diff: m, lo: m - half, hi: m + half, p: studentTTwoSidedP(m / se, n - 1), n, of: a.length };
}

/** Linear-interpolation quantile (NumPy's default) of the finite values; NaN when none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos), frac = pos - i;
  return i + 1 < sorted.length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
}

export interface CurveQuantiles {
  median: number[];
  lo: number[];
  hi: number[];
}

/**
 * Pointwise median and [q, 1 − q] quantiles of several curves (default 10 % and 90 %). Quantiles
 * of positive values are positive, so the band can be drawn on a log axis without clamping.
 */
export function curveQuantiles(curves: readonly (readonly number[])[], q = 0.1): CurveQuantiles {
  const length = Math.max(0, ...curves.map((c) => c.length));
  const out: CurveQuantiles = { median: [], lo: [], hi: [] };
  for (let i = 0; i < length; i++) {
    const column = curves.filter((c) => i < c.length).map((c) => c[i]);
    out.median.push(quantile(column, 0.5));
    out.lo.push(quantile(column, q));
    out.hi.push(quantile(column, 1 - q));
  }
  return out;
}
