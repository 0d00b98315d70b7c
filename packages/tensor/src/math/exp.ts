import { dd, twoProduct } from "./double-double.js";
import { expExact } from "./exact.js";
import { powerOfTwo, scaleByPowerOfTwo } from "./float-bits.js";
import { EXP_T, LN2_256_HI, LN2_256_LO, LN2_256_MID } from "./tables.js";

/**
 * eˣ correctly rounded, and eˣ − 1 faithfully, from operations IEEE 754 rounds exactly, so every
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

export const LN2_HI = 0.6931471803691238; // ln 2 cut to 32 significant bits
export const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.4426950408889634;
const INV_LN2_256 = 369.3299304675746; // 256/ln 2
const OVERFLOW = 709.782712893384; // largest x with eˣ finite
const UNDERFLOW = -745.1332191019411; // below it eˣ rounds to +0
/** Relative error bound for the fast path's double-double: its largest error measured against mpmath is 2⁻⁷⁸·⁶ (300,000 points). */
const FAST_ERROR = 8.470329472543003e-22; // 2⁻⁷⁰

/** The nearest integer to x·log₂e (halves away from zero), for |x| < 746. */
function nearestMultipleOfLn2(x: number): number {
  const t = x * INV_LN2;
  return t < 0 ? -Math.floor(0.5 - t) : Math.floor(t + 0.5);
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
  // e^r − 1 = P_hi + P_lo: s + s²/2 exactly (s² by Dekker, the sum by TwoSum), then u, s·u and
  // s³/6 + … + s⁶/720 (|s| < 2⁻⁹·⁵, so these small terms need only doubles)
  twoProduct(s, s);
  const half = 0.5 * dd.hi;
  const pH = s + half;
  const pv = pH - s;
  const pL = s - (pH - pv) + (half - pv) + (0.5 * dd.lo + u + s * u + dd.hi * s * (0.16666666666666666 + s * (0.041666666666666664 + s * (0.008333333333333333 + s * 0.001388888888888889))));
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

const Q1 = -0.03333333333333333;
const Q2 = 0.0015873015873015873;
const Q3 = -7.936507936507937e-5;
const Q4 = 4.008337341670675e-6;
const Q5 = -2.0291290132559973e-7;
const Q6 = 1.0277788055565833e-8;
const Q7 = -5.206548935151487e-10;

/**
 * eˣ − 1 without cancellation near 0. Same reduction as exp; e^r − 1 for |r| ≤ ln2/2 from
 * R1(r) = (6/r)·(coth(r/2) − 2/r) = 1 + Σ 12·B₂ₙ₊₂/(2n+2)!·r²ⁿ, written in h = r²/2 (coefficient 2ⁿ·12·B₂ₙ₊₂/(2n+2)!), and the
 * recombination 2^k·(e^r − 1) + (2^k − 1) ordered by k so that no step cancels.
 */
export function expm1(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < -38.816242111356935) return -1; // below it eˣ < 2⁻⁵⁶: −1 is the rounded result
  const ax = Math.abs(x);
  if (ax < 5.551115123125783e-17) return x; // 2⁻⁵⁴
  let k = 0;
  let r = x;
  let c = 0;
  if (ax > 0.34657359027997264) {
    let hi: number;
    let lo: number;
    if (ax < 1.0397207708399179) {
      // |x| < 1.5·ln 2: k = ±1
      k = x > 0 ? 1 : -1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = nearestMultipleOfLn2(x);
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
    c = hi - r - lo; // what rounding r lost
  }
  const half = 0.5 * r;
  const h = r * half;
  const r1 = 1 + h * (Q1 + h * (Q2 + h * (Q3 + h * (Q4 + h * (Q5 + h * (Q6 + h * Q7))))));
  const t = 3 - r1 * half;
  let e = h * ((r1 - t) / (6 - r * t));
  if (k === 0) return r - (r * e - h);
  e = r * (e - c) - c;
  e -= h;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - r);
    return scaleByPowerOfTwo(y, k) - 1;
  }
  if (k < 20) {
    const y = 1 - powerOfTwo(-k) - (e - r); // 1 − 2⁻ᵏ is exact for k < 53
    return y * powerOfTwo(k);
  }
  const y = r - (e + powerOfTwo(-k)) + 1;
  return y * powerOfTwo(k);
}
