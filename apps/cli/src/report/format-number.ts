/**
 * A loss or other metric for a legend or a progress line: four decimals while that is readable,
 * three significant digits with an exponent beyond (`4.976e+24`, never `4975734114436552000000000`
 * or `4.975734114436552e+24`, which is what toFixed gives past 1e21).
 */
export function formatMetric(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e4 || a < 1e-4) ? v.toExponential(3) : v.toFixed(4);
}
