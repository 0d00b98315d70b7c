import { dd, ddAdd, twoProduct } from "./double-double.js";
import { tanhExact } from "./exact.js";
import { expCore } from "./exp.js";
import { powerOfTwo } from "./float-bits.js";

/**
 * tanh x from exactly rounded operations only.
 * - |x| ≤ 0.625: tanh x = x + x·z·g(z), z = x², with g(z) = (tanh(√z)/√z − 1)/z fitted by a
 *   degree-11 Chebyshev polynomial on [0, 0.390625] (error below 4e-18; scripts/elementary-reference.py
 *   --constants). The correction x·z·g is under a tenth of the result, so its rounding costs little.
 * - 0.625 < |x| < 22: tanh|x| = 1 − 2/(E + 1) with E = e^(2|x|) in double-double (exp's core),
 *   the quotient in double-double too, then a rounding test: correctly rounded on this range.
 * - |x| ≥ 22: tanh rounds to ±1.
 */
export function tanh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax <= 0.625) {
    if (ax < 2.7755575615628914e-17) return x; // 2⁻⁵⁵: tanh x = x − x³/3 rounds to x (keeps −0)
    const z = x * x;
  let p = 6.485163482793113e-6;
  p = p * z + -3.12011014257974e-5;
  p = p * z + 9.257116129556769e-5;
  p = p * z + -0.0002375906496055562;
  p = p * z + 0.0005896606577757043;
  p = p * z + -0.0014557754120478055;
  p = p * z + 0.0035921217511549622;
  p = p * z + -0.008863235103240878;
  p = p * z + 0.021869488519008305;
  p = p * z + -0.05396825396789699;
  p = p * z + 0.13333333333333042;
  p = p * z + -0.3333333333333333;
    return x + x * z * p;
  }
  const y = ax >= 22 ? 1 : oneMinusTwoOverExpPlusOne(2 * ax);
  return x < 0 ? -y : y;
}

/** Relative error bound for the double-double 1 − 2/(E + 1) below: its largest error measured against mpmath is 2⁻⁷⁹·⁶. */
const FAST_ERROR = 1.6940658945086007e-21; // 2⁻⁶⁹

/**
 * 1 − 2/(e^u + 1) for 1.25 < u < 44, correctly rounded: E = e^u from exp's double-double core
 * (about 2⁻⁷⁸), the quotient in double-double, then exp's rounding test, and the exact path for
 * the rare values too close to a rounding boundary.
 */
function oneMinusTwoOverExpPlusOne(u: number): number {
  const k = expCore(u);
  const scale = powerOfTwo(k); // 1 ≤ k ≤ 64 here: exact scaling of both parts
  ddAdd(dd.hi * scale, dd.lo * scale, 1, 0);
  const dH = dd.hi;
  const dL = dd.lo;
  const qH = 2 / dH;
  twoProduct(qH, dH);
  const qL = (2 - dd.hi - dd.lo - qH * dL) / dH; // 2 − qH·dH − qH·dL, each step exact or tiny
  ddAdd(1, 0, -qH, -qL);
  const e = dd.hi * FAST_ERROR;
  const y = dd.hi + (dd.lo + e);
  if (y === dd.hi + (dd.lo - e)) return y;
  return tanhExact(0.5 * u);
}
