/**
 * Double-double arithmetic (a value carried as hi + lo, |lo| ≤ ulp(hi)/2) from exactly rounded
 * operations: Dekker's exact product via Veltkamp's split and Knuth's TwoSum. About 106 bits.
 */

/** Where results land (no allocation per call): the value is dd.hi + dd.lo. */
export const dd = { hi: 0, lo: 0 };

/** Veltkamp's split: the top 26 bits of a (exact for |a| < 2⁹⁹⁶). */
export function splitHigh(a: number): number {
  const t = 134217729 * a;
  return t - (t - a);
}

/** a·b = dd exactly (Dekker). */
export function twoProduct(a: number, b: number): void {
  const p = a * b;
  const aH = splitHigh(a);
  const aL = a - aH;
  const bH = splitHigh(b);
  const bL = b - bH;
  dd.hi = p;
  dd.lo = aH * bH - p + aH * bL + aL * bH + aL * bL;
}

/** (aH + aL)·(bH + bL), renormalised. */
export function ddMultiply(aH: number, aL: number, bH: number, bL: number): void {
  twoProduct(aH, bH);
  const lo = dd.lo + (aH * bL + aL * bH);
  const hi = dd.hi + lo;
  dd.lo = lo - (hi - dd.hi);
  dd.hi = hi;
}

/** (aH + aL) + (bH + bL), renormalised (TwoSum on the heads). */
export function ddAdd(aH: number, aL: number, bH: number, bL: number): void {
  const s = aH + bH;
  const v = s - aH;
  const err = aH - (s - v) + (bH - v);
  const lo = err + aL + bL;
  dd.hi = s + lo;
  dd.lo = lo - (dd.hi - s);
}
