/**
 * Summary statistics over seeds. `std` is the sample standard deviation (divides by n − 1, as
 * NumPy's `std(ddof=1)`), the usual choice when a handful of seeds stands for all of them.
 */

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

export interface MeanStd {
  mean: number;
  std: number;
}

export function meanStd(values: readonly number[]): MeanStd {
  return { mean: mean(values), std: std(values) };
}

export interface CurveStats {
  mean: number[];
  std: number[];
}

/**
 * Pointwise mean and std of several curves (one per seed). Curves may differ in length (a run that
 * diverged stops early); each point averages the curves that reach it.
 */
export function curveStats(curves: readonly (readonly number[])[]): CurveStats {
  const length = Math.max(0, ...curves.map((c) => c.length));
  const out: CurveStats = { mean: [], std: [] };
  for (let i = 0; i < length; i++) {
    const column = curves.filter((c) => i < c.length).map((c) => c[i]);
    out.mean.push(mean(column));
    out.std.push(std(column));
  }
  return out;
}
