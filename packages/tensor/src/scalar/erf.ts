/**
 * The error function to full float64 precision (JavaScript has no Math.erf). Two expansions,
 * each used where it converges fast and loses nothing to cancellation:
 *
 * - |x| < 2: erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿ·x^(2n+1) / (1·3·5···(2n+1)). Every term is positive,
 *   so the sum is as accurate as its last rounding (unlike the alternating Taylor series).
 * - x ≥ 1 for erfc, x ≥ 2 for erf: Laplace's continued fraction
 *   erfc(x) = (e^(−x²)/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))),
 *   in its even contraction, evaluated bottom-up from a depth that reaches 1e-17 (found by measuring convergence).
 *
 * e^(−x²) is computed with x² split exactly (x = hi + lo, hi a float32), because rounding x²
 * first would put an error of x²·2⁻⁵³ into the exponent. See docs/math_derivations.md §A.1 (the evaluation) and §3.5 (GELU, its one user in @nn/layers, and @nn/autograd's gelu).
 */
import * as elementary from "../math/index.js";

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/** e^(−x²) without the rounding error of forming x² first. */
export function expMinusSquare(x: number): number {
  if (Math.abs(x) > 27.3) return 0; // e^(−745) is below the smallest float64
  const hi = Math.fround(x);
  const lo = x - hi; // exact: the bits fround dropped
  return elementary.exp(-hi * hi) * elementary.exp(-(2 * hi * lo + lo * lo)); // hi·hi is exact (24-bit factors)
}

/** 1/(1·3·5···(2n+1)) rounded once to float64 (exact BigInt division), for n < 40. */
const SERIES_COEFFICIENTS = (() => {
  const out = new Float64Array(40);
  let doubleFactorial = 1n;
  for (let n = 0; n < out.length; n++) {
    doubleFactorial *= BigInt(2 * n + 1);
    // (2n+1)!! < 2^200 for n < 40, so 2^300 / (2n+1)!! keeps over 100 significant bits.
    out[n] = Number((1n << 300n) / doubleFactorial) * 2 ** -150 * 2 ** -150;
  }
  return out;
})();

/**
 * erf(x) for |x| < 2 from the positive series, as a polynomial in u = 2x² by Horner's rule. The
 * degree ⌈11 + 12|x|⌉ leaves a tail below 1e-17 of the sum (measured on a 0.25 grid).
 */
function erfSeries(x: number): number {
  const u = 2 * x * x;
  const degree = Math.ceil(11 + 12 * Math.abs(x));
  let sum = SERIES_COEFFICIENTS[degree];
  for (let n = degree - 1; n >= 0; n--) sum = sum * u + SERIES_COEFFICIENTS[n];
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * x * sum;
}

/** e^(−x²/2), with x² split exactly as in expMinusSquare. */
export function expMinusHalfSquare(x: number): number {
  if (Math.abs(x) > 38.6) return 0; // e^(−745) is below the smallest float64
  const hi = Math.fround(x);
  const lo = x - hi;
  return elementary.exp(-0.5 * hi * hi) * elementary.exp(-(hi * lo + 0.5 * lo * lo));
}

/**
 * 1/K(x) where erfc(x) = (e^(−x²)/√π)·K(x), from the even contraction of Laplace's fraction
 * (two levels per step, so half the depth): K(x) = x/(x² + 1/2 − (1·2/4)/(x² + 5/2 − (3·4/4)/(x² + 9/2 − ...))).
 * Depth ⌈10 + 90/x²⌉ reaches 1e-17 for x ≥ 1 (measured against a 200 000-level evaluation).
 */
function continuedFraction(x: number): number {
  const x2 = x * x;
  const depth = Math.ceil(10 + 90 / x2);
  let f = x2 + 2 * depth + 0.5;
  for (let n = depth; n >= 1; n--) f = x2 + 2 * n - 1.5 - (n * (2 * n - 1)) / 2 / f;
  return f / x;
}

/** erfc(x) for x ≥ 1 from the continued fraction. */
function erfcContinuedFraction(x: number): number {
  if (x > 27.3) return 0;
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / continuedFraction(x);
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2) return erfSeries(x);
  const tail = erfcContinuedFraction(ax);
  return x > 0 ? 1 - tail : tail - 1;
}

/** erfc(x) = 1 − erf(x), with full relative precision in the right tail (where 1 − erf would give 0). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 1) return 1 - (x > -2 ? erfSeries(x) : erfcContinuedFraction(-x) - 1);
  return erfcContinuedFraction(x);
}

/**
 * Φ(x), the standard normal CDF, = erfc(−x/√2)/2. In the left tail the exponential is taken of
 * −x²/2 directly rather than of (x/√2)², whose rounded argument would cost ~2t² ulp at t = −x/√2.
 */
export function normalCdf(x: number): number {
  if (!(x < -Math.SQRT2)) return 0.5 * erfc(-x * Math.SQRT1_2);
  if (x < -38.6) return 0;
  return (0.5 * ONE_OVER_SQRT_PI * expMinusHalfSquare(x)) / continuedFraction(-x * Math.SQRT1_2);
}
