/**
 * Reading and writing the two 32-bit halves of a float64 through a shared buffer: exact on every
 * engine (no rounding happens), unlike anything that goes through Math.* transcendentals.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1; // 0x3ff00000_00000000: the half that is non-zero is the high word
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** The sign, exponent and top 20 fraction bits of x, as an unsigned 32-bit integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI];
}

/** The low 32 fraction bits of x. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** The float64 with the given halves. */
export function fromWords(high: number, low: number): number {
  u32[HI] = high >>> 0;
  u32[LO] = low >>> 0;
  return f64[0];
}

/** x with its high word replaced. */
export function withHighWord(x: number, high: number): number {
  f64[0] = x;
  u32[HI] = high >>> 0;
  return f64[0];
}

/** 2^k for −1022 ≤ k ≤ 1023, built from its bits (exact). */
export function powerOfTwo(k: number): number {
  return fromWords((k + 1023) << 20, 0);
}

/**
 * y·2^k for y in [0.5, 4) and −1100 < k < 1100, rounded once: the first multiplication is exact,
 * only the last one can round (into the subnormal range) or overflow.
 */
export function scaleByPowerOfTwo(y: number, k: number): number {
  if (k > 1023) return y * 2 * powerOfTwo(k - 1);
  if (k >= -1021) return y * powerOfTwo(k);
  return y * powerOfTwo(k + 1000) * powerOfTwo(-1000);
}

/**
 * (hi + lo)·2^k for hi in [0.5, 1.5], |lo| ≤ ulp(hi) and −1100 < k < 1100, rounded once — also
 * when the result is subnormal: there 2^k is on the result's grid, so s + s·((hi − 1) + lo)
 * rounds only in the product (hi − 1 is exact by Sterbenz's lemma).
 */
export function timesPowerOfTwo(hi: number, lo: number, k: number): number {
  if (k >= -1021 || k < -1074) return scaleByPowerOfTwo(hi + lo, k);
  const s = powerOfTwo(k + 1000) * powerOfTwo(-1000); // exact: 2^k is a (subnormal) double
  return s + s * (hi - 1 + lo);
}
