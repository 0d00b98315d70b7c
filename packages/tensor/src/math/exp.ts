import { timesPowerOfTwo, powerOfTwo, scaleByPowerOfTwo } from "./float-bits.js";

/**
 * eˣ and eˣ − 1 from operations IEEE 754 rounds exactly, so every engine returns the same bits.
 * Method (Cody–Waite reduction, then a rational form of e^r; docs/design_notes.md "Own elementary
 * functions"): x = k·ln2 + r with |r| ≤ ln2/2, where k·LN2_HI is exact (LN2_HI has 32 bits and
 * |k| < 2¹¹) and LN2_LO carries the rest of ln 2. Then e^r = 1 + r + r·c/(2 − c) with
 * c = r − (R(r) − 2), R(r) = r·coth(r/2) = 2 + Σ 2·B₂ₙ/(2n)!·r²ⁿ (Bernoulli numbers; the series is
 * cut where the next term is below 2⁻⁶⁴ of the sum on |r| ≤ 0.35). Coefficients come from
 * packages/tensor/scripts/elementary-reference.py.
 */

export const LN2_HI = 0.6931471803691238; // ln 2 cut to 32 significant bits
export const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.4426950408889634;
const OVERFLOW = 709.782712893384; // largest x with eˣ finite
const UNDERFLOW = -745.1332191019411; // below it eˣ rounds to +0
const P1 = 0.16666666666666666;
const P2 = -0.002777777777777778;
const P3 = 6.613756613756614e-5;
const P4 = -1.6534391534391535e-6;
const P5 = 4.17535139757362e-8;
const P6 = -1.0568380277374986e-9;
const P7 = 2.6765073061369358e-11;

/** The nearest integer to x·log₂e (halves away from zero), for |x| < 746. */
function nearestMultipleOfLn2(x: number): number {
  const t = x * INV_LN2;
  return t < 0 ? -Math.floor(0.5 - t) : Math.floor(t + 0.5);
}

export function exp(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + x; // 2⁻²⁸: e^x = 1 + x to within half an ulp
  let k = 0;
  let hi = x;
  let lo = 0;
  if (ax > 0.34657359027997264) {
    k = nearestMultipleOfLn2(x);
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const z = r * r;
  const c = r - z * (P1 + z * (P2 + z * (P3 + z * (P4 + z * (P5 + z * (P6 + z * P7))))));
  // e^r = 1 + hi − lo + r·c/(2 − c). Forming 1 + hi with its exact rounding error (Fast2Sum,
  // |hi| < 1) leaves one rounding of consequence, the last: 0.5 ulp plus the small terms' error.
  const q = (r * c) / (2 - c);
  const s = 1 + hi;
  const tail = 1 - s + hi - lo + q;
  if (k === 0) return s + tail;
  return timesPowerOfTwo(s, tail, k);
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
