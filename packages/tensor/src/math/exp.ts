import { dd, ddAdd, twoProduct } from "./double-double.js";
import { expExact, expm1Exact } from "./exact.js";
import { powerOfTwo } from "./float-bits.js";
import { EXP_T, LN2_256_HI, LN2_256_LO, LN2_256_MID } from "./tables.js";

/**
 * eˣ and eˣ − 1 correctly rounded, from operations IEEE 754 rounds exactly, so every
 * engine returns the same bits (docs/design_notes.md "Own elementary functions").
 *
 * exp follows the CORE-MATH / CR-LIBM method: a fast path computes eˣ as a double-double with a
 * known error bound, a rounding test checks that every value within that bound rounds to the same
 * double, and only when it does not (about once in 10⁵ calls) the accurate path in exact integer
 * arithmetic (exact.ts) decides. Fast path: x = (256·k' + i)·ln2/256 + r with |r| ≤ ln2/512
 * (ln2/256 in three parts, the first two with 34 bits so that n·part is exact), then
 * eˣ = 2^k'·2^(i/256)·e^r, the table entry as a double-double (tables.ts) and e^r = 1 + r + r²/2
 * + … + r⁶/720 with r² exact; about 2⁻⁷⁸ relative in all.
 */

const INV_LN2_256 = 369.3299304675746; // 256/ln 2
const OVERFLOW = 709.782712893384; // largest x with eˣ finite
const UNDERFLOW = -745.1332191019411; // below it eˣ rounds to +0
/** Relative error bound for the fast path's double-double: its largest error measured against mpmath is 2⁻⁷⁸·⁶ (300,000 points). */
const FAST_ERROR = 8.470329472543003e-22; // 2⁻⁷⁰

/**
 * e^r − 1 = dd.hi + dd.lo (not normalised) for r = s + u, |s| < 2⁻⁹·⁵, |u| ≤ ulp(s): s + s²/2
 * exactly (s² by Dekker, the sum by TwoSum), then u, s·u and s³/6 + … + s⁶/720 as doubles.
 */
function expm1OfReduced(s: number, u: number): void {
  twoProduct(s, s);
  const half = 0.5 * dd.hi;
  const pH = s + half;
  const pv = pH - s;
  dd.lo = s - (pH - pv) + (half - pv) + (0.5 * dd.lo + u + s * u + dd.hi * s * (0.16666666666666666 + s * (0.041666666666666664 + s * (0.008333333333333333 + s * 0.001388888888888889))));
  dd.hi = pH;
}

/**
 * e^x ≈ (dd.hi + dd.lo)·2^k for |x| < 746, about 2⁻⁷⁸ relative: returns k. The core of exp,
 * shared with tanh.
 */
export function expCore(x: number): number {
  const t = x * INV_LN2_256;
  const n = t < 0 ? -Math.floor(0.5 - t) : Math.floor(t + 0.5);
  // r = x − n·ln2/256 as s + u: x − n·HI is exact (Sterbenz), n·HI and n·MID are exact (|n| < 2¹⁹)
  const a = x - n * LN2_256_HI;
  const b = -n * LN2_256_MID;
  const s = a + b;
  const bv = s - a;
  const u = a - (s - bv) + (b - bv) - n * LN2_256_LO;
  expm1OfReduced(s, u);
  const pH = dd.hi;
  const pL = dd.lo;
  const i = (n & 255) << 1;
  const tH = EXP_T[i];
  const tL = EXP_T[i + 1];
  // T·e^r = T_hi + T_hi·P_hi (exact product) + T_hi·P_lo + T_lo·(1 + P_hi); T_hi ≥ 1 > |T_hi·P_hi|
  twoProduct(tH, pH);
  const h = tH + dd.hi;
  const l = tH - h + dd.hi + (dd.lo + (tH * pL + tL * (1 + pH)));
  // normalised (|lo| ≤ ulp(hi)/2), so that the rounding test's hi + (lo ± ε) sees ε
  dd.hi = h + l;
  dd.lo = l - (dd.hi - h);
  return n >> 8;
}

export function exp(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  // |x| < 2⁻⁵⁴: eˣ lies within a quarter ulp of 1 (both sides), so 1 is the rounded result
  if (Math.abs(x) < 5.551115123125783e-17) return 1;
  const k = expCore(x);
  const e = dd.hi * FAST_ERROR;
  const y = dd.hi + (dd.lo + e);
  // k ≥ −1021: the result is normal and scaling it is exact (below, it is rounded on the
  // subnormal grid, once, by the accurate path); k = 1024 just below the overflow threshold
  if (y === dd.hi + (dd.lo - e) && k >= -1021) return k > 1023 ? y * 2 * powerOfTwo(1023) : y * powerOfTwo(k);
  return expExact(x);
}

/** Relative error bound for expm1's double-doubles: eˣ's error (2⁻⁷⁸·⁶ measured) grows by at most 2⁹·⁶ when 1 is subtracted from eˣ ≥ 1 + 2⁻¹⁰. */
const EXPM1_ERROR = 1.3552527156068805e-20; // 2⁻⁶⁶

/**
 * eˣ − 1 correctly rounded, without cancellation near 0: for |x| < 2⁻¹⁰ straight from the
 * reduced form (e^x − 1 = x + x²/2 + …, x² exact), above it eˣ from expCore minus 1 in
 * double-double, then the rounding test of exp and its exact fallback.
 */
export function expm1(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < -38.816242111356935) return -1; // below it eˣ < 2⁻⁵⁶: −1 is the rounded result
  const ax = Math.abs(x);
  if (ax < 5.551115123125783e-17) return x; // 2⁻⁵⁴: x + x²/2 rounds to x
  let k = 0;
  if (ax < 0.0009765625) {
    expm1OfReduced(x, 0);
  } else {
    k = expCore(x); // −56 ≤ k ≤ 1024
    if (k < 1000) ddAdd(dd.hi, dd.lo, -powerOfTwo(-k), 0); // past that, −1 is far below the error bound
  }
  const h = dd.hi + dd.lo;
  const l = dd.lo - (h - dd.hi);
  const e = Math.abs(h) * EXPM1_ERROR;
  const y = h + (l + e);
  if (y === h + (l - e)) return k > 1023 ? y * 2 * powerOfTwo(1023) : y * powerOfTwo(k);
  return expm1Exact(x);
}
