/**
 * Number formatting for reports and plots. Everything goes through `toFixed`/`toPrecision`, which
 * do not depend on the locale, so the same numbers always print the same characters.
 */

/** `x` with `digits` decimals; "-0.00" prints as "0.00"; non-finite values print as "—". */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "—" : x > 0 ? "∞" : "−∞";
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** `x` in scientific notation with `digits` significant digits (`1.2e-3`), for values spanning decades. */
export function scientific(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return fixed(x, 0);
  if (x === 0) return "0";
  return x.toExponential(digits - 1).replace("e+", "e");
}

/** Plain decimals for moderate magnitudes, scientific notation for very small or large ones. */
export function compact(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return fixed(x, 0);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return scientific(x, digits);
  return fixed(x, digits);
}

/** Rounds to `digits` significant digits for the raw JSON, so files stay small and stable. */
export function roundForJson(x: number, digits = 6): number | null {
  if (!Number.isFinite(x)) return null;
  return Number(x.toPrecision(digits));
}

/** The sentence with its first letter upper-cased (a reason string starting a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
