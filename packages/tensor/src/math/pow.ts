import { dd, ddAdd, ddMultiply, twoProduct } from "./double-double.js";
import { expCore } from "./exp.js";
import { timesPowerOfTwo } from "./float-bits.js";
import { reduced, splitExponent } from "./log.js";

/**
 * xʸ as the ** operator defines it (every special case of ECMAScript's Number::exponentiate),
 * from exactly rounded operations. |x|ʸ = e^(y·ln|x|) with ln|x| and the product y·ln|x| carried
 * in double-double arithmetic (about 2⁻⁹⁰ relative), then e^(h + l) in double-double (exp's core,
 * about 2⁻⁷⁸) and one final rounding, so the result is correctly rounded except when xʸ lies
 * within ~2⁻²⁴ ulp of a rounding boundary, and exact powers (10², 2⁻³, 0.5¹⁰) come out exact. Slower than exp (it runs on
 * scalars: bias corrections, schedules), never inside a per-element loop.
 */

const LN2_HI_D = 0.6931471805599453; // ln 2 as a double-double
const LN2_LO_D = 2.3190468138462996e-17;
const THIRD_HI = 0.3333333333333333;
const THIRD_LO = 1.850371707708594e-17;

/** ln x for finite x > 0, as dd.hi + dd.lo. */
function logDoubleDouble(x: number): void {
  let shift = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2⁵⁴
    shift = -54;
  }
  const m = splitExponent(x);
  const k = reduced.k + shift;
  const f = m - 1; // exact
  // s = f/(2 + f) = f/(1 + m) in double-double
  ddAdd(1, 0, m, 0);
  const dH = dd.hi;
  const dL = dd.lo;
  const sH = f / dH;
  twoProduct(sH, dH);
  const sL = (f - dd.hi - dd.lo - sH * dL) / dH;
  // ln(1 + f) = 2s·(1 + z/3 + z²/5 + …), z = s²; the terms past z/3 are below 0.006 and need only a double
  ddMultiply(sH, sL, sH, sL);
  const zH = dd.hi;
  const zL = dd.lo;
  const tail = zH * (0.2 + zH * (0.14285714285714285 + zH * (0.1111111111111111 + zH * (0.09090909090909091 + zH * (0.07692307692307693 + zH * (0.06666666666666667 + zH * (0.058823529411764705 + zH * (0.05263157894736842 + zH * (0.047619047619047616 + zH * (0.043478260869565216 + zH * (0.04 + zH * (0.037037037037037035 + zH * 0.034482758620689655))))))))))));
  ddAdd(THIRD_HI, THIRD_LO, tail, 0);
  ddMultiply(dd.hi, dd.lo, zH, zL);
  ddAdd(1, 0, dd.hi, dd.lo);
  ddMultiply(dd.hi, dd.lo, 2 * sH, 2 * sL);
  const lnMH = dd.hi;
  const lnML = dd.lo;
  twoProduct(k, LN2_HI_D);
  const kLnH = dd.hi;
  const kLnL = dd.lo + k * LN2_LO_D;
  ddAdd(kLnH, kLnL, lnMH, lnML);
}

function isOddInteger(y: number): boolean {
  return Math.abs(y) < 9007199254740992 && y % 2 !== 0 && Math.floor(y) === y;
}

export function pow(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const negative = x < 0 || Object.is(x, -0);
  const odd = isOddInteger(y);
  if (ax === 0 || ax === Infinity) {
    const big = (ax === Infinity) === y > 0;
    const magnitude = big ? Infinity : 0;
    return negative && odd ? -magnitude : magnitude;
  }
  if (x < 0 && Math.floor(y) !== y) return NaN;
  if (y === 1) return x;
  let magnitude: number;
  if (ax === 1) magnitude = 1;
  else if (Math.abs(y) > 1.8446744073709552e19) {
    // |y| > 2⁶⁴ and |x| ≠ 1: |y·ln|x|| > 2¹¹, far past overflow or underflow
    magnitude = ax > 1 === y > 0 ? Infinity : 0;
  } else {
    logDoubleDouble(ax);
    const lH = dd.hi;
    const lL = dd.lo;
    twoProduct(y, lH);
    const pH = dd.hi;
    const pL = dd.lo + y * lL;
    const h = pH + pL;
    const l = pL - (h - pH);
    if (h > 710) magnitude = Infinity;
    else if (h < -746) magnitude = 0;
    else {
      // e^(h + l) = e^h·(1 + l) to within l²/2 < 2⁻⁸⁶ (|l| ≤ ulp(h)/2 ≤ 2⁻⁴³)
      const k = expCore(h);
      dd.lo += dd.hi * l;
      // timesPowerOfTwo wants hi ∈ [0.5, 1.5]; expCore's is in [1, 2): halving is exact
      magnitude = dd.hi > 1.5 ? timesPowerOfTwo(0.5 * dd.hi, 0.5 * dd.lo, k + 1) : timesPowerOfTwo(dd.hi, dd.lo, k);
    }
  }
  return negative && odd ? -magnitude : magnitude;
}
