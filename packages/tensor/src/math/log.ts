import { dd, ddAdd, ddMultiply, twoProduct } from "./double-double.js";
import { log10Exact, log1pExact, logExact } from "./exact.js";
import { highWord, withHighWord } from "./float-bits.js";
import { LN2_HI42, LN2_LO42, LOG_INV, LOG_NEG_LN } from "./tables.js";

/**
 * ln x, ln(1 + x) and log₁₀ x, correctly rounded, from operations IEEE 754 rounds exactly and, for
 * the rare values too close to a rounding boundary, exact integer arithmetic (exact.ts).
 */

const TWO54 = 18014398509481984;

/** x = 2^k·m with √2/2 ≤ m < √2 for positive normal x: splitExponent returns m and stores k in `reduced.k`. */
export const reduced = { k: 0 };
export function splitExponent(x: number): number {
  const high = highWord(x);
  let k = (high >>> 20) - 1023;
  const fraction = high & 0xfffff;
  // 0x6a09e is the top of √2's fraction: above it, halve m so it lands in [√2/2, √2)
  const i = (fraction + 0x95f64) & 0x100000;
  k += i >>> 20;
  reduced.k = k;
  return withHighWord(x, fraction | (i ^ 0x3ff00000));
}

/** Relative error bound for logCore's double-double: its largest error measured against mpmath is 2⁻⁷⁰·⁶ (435,000 points, near 1 after cancellation with −ln c). */
const FAST_ERROR = 6.776263578034403e-21; // 2⁻⁶⁷

/**
 * ln x ≈ dd.hi + dd.lo for a positive normal x, about 2⁻⁷⁰ relative. x = 2^e·m with m ∈ [√½, √2)
 * (bits, exact); c = LOG_INV[j] ≈ 1/m from the nearest of 182 points m ≈ 1 + j/256; r = m·c − 1
 * exactly (Dekker's product; ph − 1 is exact by Sterbenz); ln x = e·ln 2 − ln c + ln(1 + r) with
 * |r| < 2⁻⁸·³, ln(1 + r) = r − r²/2 (double-double) + r³·(1/3 − r/4 + … − r⁹/12) (a double).
 */
function logCore(x: number, shift: number): void {
  const m = splitExponent(x);
  const e = reduced.k + shift;
  const t = (m - 1) * 256;
  const j = (t < 0 ? -Math.floor(0.5 - t) : Math.floor(t + 0.5)) + 75;
  twoProduct(m, LOG_INV[j]);
  const a = dd.hi - 1;
  const b = dd.lo;
  const rh = a + b;
  const bv = rh - a;
  const rl = a - (rh - bv) + (b - bv);
  twoProduct(rh, rh);
  const qh = dd.hi;
  const ql = dd.lo + 2 * rh * rl;
  const tail = rh * qh * (0.3333333333333333 + rh * (-0.25 + rh * (0.2 + rh * (-0.16666666666666666 + rh * (0.14285714285714285 + rh * (-0.125 + rh * (0.1111111111111111 + rh * (-0.1 + rh * (0.09090909090909091 + rh * -0.08333333333333333)))))))));
  ddAdd(rh, rl, -0.5 * qh, tail - 0.5 * ql);
  const lnH = dd.hi;
  const lnL = dd.lo;
  ddAdd(e * LN2_HI42, e * LN2_LO42, LOG_NEG_LN[2 * j], LOG_NEG_LN[2 * j + 1]);
  ddAdd(dd.hi, dd.lo, lnH, lnL);
}

/** ln x correctly rounded (fast path, rounding test, accurate path: see exp.ts). */
export function log(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return -Infinity;
    return NaN; // negative or NaN
  }
  if (x === Infinity) return x;
  let shift = 0;
  let y = x;
  if (y < 2.2250738585072014e-308) {
    y *= TWO54; // subnormal: make it normal first
    shift = -54;
  }
  logCore(y, shift);
  const err = Math.abs(dd.hi) * FAST_ERROR;
  const up = dd.hi + (dd.lo + err);
  if (up === dd.hi + (dd.lo - err)) return up;
  return logExact(x);
}

const INV_LN10_HI = 0.4342944819032518; // 1/ln 10 as a double-double
const INV_LN10_LO = 1.098319650216765e-17;

/** log₁₀ x correctly rounded (ln x in double-double times 1/ln 10 in double-double; exact powers of ten come out exact). */
export function log10(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return -Infinity;
    return NaN;
  }
  if (x === Infinity) return x;
  let shift = 0;
  let y = x;
  if (y < 2.2250738585072014e-308) {
    y *= TWO54;
    shift = -54;
  }
  logCore(y, shift);
  ddMultiply(dd.hi, dd.lo, INV_LN10_HI, INV_LN10_LO);
  const err = Math.abs(dd.hi) * FAST_ERROR;
  const up = dd.hi + (dd.lo + err);
  if (up === dd.hi + (dd.lo - err)) return up;
  return log10Exact(x);
}

/**
 * ln(1 + x) correctly rounded: 1 + x = u_hi + u_lo exactly (TwoSum), ln(1 + x) = ln u_hi +
 * ln(1 + q) with q = u_lo/u_hi (|q| ≤ 2⁻⁵³) = ln u_hi + q − q²/2, ln u_hi by log's double-double
 * core and q as a double-double; then log's rounding test and the exact fallback.
 */
export function log1p(x: number): number {
  if (!(x > -1)) {
    if (x === -1) return -Infinity;
    return NaN;
  }
  if (x === Infinity) return x;
  if (Math.abs(x) < 1.1102230246251565e-16) return x; // 2⁻⁵³: ln(1 + x) = x − x²/2 rounds to x
  const uH = 1 + x;
  const v = uH - 1;
  const uL = 1 - (uH - v) + (x - v);
  logCore(uH, 0); // uH ≥ 2⁻⁵³: normal
  const lH = dd.hi;
  const lL = dd.lo;
  const q = uL / uH;
  twoProduct(q, uH);
  const qL = (uL - dd.hi - dd.lo) / uH; // uL − q·uH exactly, over uH
  ddAdd(lH, lL, q, qL - 0.5 * q * q);
  const err = Math.abs(dd.hi) * FAST_ERROR;
  const up = dd.hi + (dd.lo + err);
  if (up === dd.hi + (dd.lo - err)) return up;
  return log1pExact(x);
}

