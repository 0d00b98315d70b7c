import { highWord, lowWord, powerOfTwo } from "./float-bits.js";

/**
 * The accurate path of the correctly rounded functions: exp, expm1, ln, ln(1 + x), log₁₀ and tanh in exact integer
 * (BigInt) fixed-point arithmetic with FRACTION fractional bits, then one rounding to the nearest
 * double. Integer arithmetic is exact in every engine, so this path gives the same bits everywhere
 * too. The fast paths (exp.ts, log.ts, tanh.ts) call it only when their double-double result lies
 * too close to a rounding boundary to decide (about once in 10⁴ to 10⁵ calls): it costs tens of
 * microseconds.
 *
 * Why it rounds correctly: every result here is within about 2⁻³⁰⁰ (relative) of the exact
 * value, while the exhaustive worst-case searches of Lefèvre and Muller ("Worst cases for correct
 * rounding of the elementary functions in double precision", 2001) bound how close exp and log of
 * a double come to a rounding boundary far above that (correctly rounded libraries built on them,
 * CORE-MATH and LLVM's libc, decide with 128 to 192 bits), so the result rounds as the exact
 * value does.
 */

const FRACTION = 320;
const F = BigInt(FRACTION);
const ONE = 1n << F;

/** x = M·2^E exactly, M an integer (x finite, non-zero; the sign is dropped). */
function splitDouble(x: number): { mantissa: bigint; exponent: number } {
  const high = highWord(x);
  const biased = (high >>> 20) & 0x7ff;
  const top = high & 0xfffff;
  const mantissa = (BigInt(biased === 0 ? top : top | 0x100000) << 32n) | BigInt(lowWord(x));
  return { mantissa, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/** floor(x·2^FRACTION): exact for |x| ≥ 2⁻²⁶⁷, the only arguments the fast paths pass here. */
function toFixed(x: number): bigint {
  const { mantissa, exponent } = splitDouble(x);
  const shift = exponent + FRACTION;
  const magnitude = shift >= 0 ? mantissa << BigInt(shift) : mantissa >> BigInt(-shift);
  return x < 0 ? -magnitude : magnitude;
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** floor(a/b) for b > 0 (BigInt division truncates toward zero). */
function floorDivide(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** 2^k for an integer −1074 ≤ k ≤ 1023 as two exact factors, so q·2^k rounds at most once. */
function timesPowerOfTwo(q: number, k: number): number {
  let v = q;
  let e = k;
  while (e > 1000) { v *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { v *= 2 ** -1000; e += 1000; }
  return v * powerOfTwo(e);
}

/**
 * The double nearest to v·2^(scale − FRACTION) (ties to even), for a non-negative integer v:
 * subnormal results are rounded once, on their own grid; past the largest double, Infinity.
 */
function roundFixed(v: bigint, scale = 0): number {
  if (v === 0n) return 0;
  const length = bitLength(v);
  const top = length - 1 + scale - FRACTION; // v·2^(scale−FRACTION) ∈ [2^top, 2^(top+1))
  if (top > 1023) return Infinity;
  const precision = top >= -1022 ? 53 : top + 1075; // bits available on the result's grid
  if (precision <= 0) {
    // below 2⁻¹⁰⁷⁴: rounds to 2⁻¹⁰⁷⁴ when above half of it, else to 0
    return precision === 0 && v > 1n << BigInt(length - 1) ? 5e-324 : 0;
  }
  const shift = length - precision;
  if (shift <= 0) return timesPowerOfTwo(Number(v), scale - FRACTION);
  const s = BigInt(shift);
  let q = v >> s;
  const rest = v - (q << s);
  const half = 1n << (s - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return timesPowerOfTwo(Number(q), shift + scale - FRACTION);
}

let ln2Fixed = 0n;

/** ln 2·2^FRACTION, from ln 2 = 2·atanh(1/3) = 2·Σ 1/((2n+1)·3^(2n+1)), with 32 guard bits. */
function ln2(): bigint {
  if (ln2Fixed === 0n) {
    const guard = 32n;
    const one = 1n << (F + guard);
    let power = one / 3n;
    let sum = 0n;
    for (let n = 1n; power !== 0n; n += 2n) {
      sum += power / n;
      power /= 9n;
    }
    ln2Fixed = (2n * sum) >> guard;
  }
  return ln2Fixed;
}

/** e^(X/2^FRACTION) = m/2^FRACTION · 2^k with m ∈ [0.7, 1.42]·2^FRACTION, for |X| < 2^(FRACTION+11). */
function expFixed(X: bigint): { m: bigint; k: number } {
  const l = ln2();
  const k = floorDivide(2n * X + l, 2n * l); // the nearest integer to X/ln 2
  const r = X - k * l; // |r| ≤ ln 2/2
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = ((term * r) >> F) / n;
    sum += term;
  }
  return { m: sum, k: Number(k) };
}

/** eˣ correctly rounded, for finite x with 2⁻⁶⁰ ≤ |x| ≤ 710. */
export function expExact(x: number): number {
  const { m, k } = expFixed(toFixed(x));
  return roundFixed(m, k);
}

/** eˣ − 1 correctly rounded, for finite x with 2⁻⁵⁴ ≤ |x| ≤ 710. */
export function expm1Exact(x: number): number {
  const { m, k } = expFixed(toFixed(x)); // eˣ − 1 = (m − 2^(FRACTION−k))·2^(k−FRACTION)
  const v = k >= 0 ? m - (ONE >> BigInt(k)) : m - (ONE << BigInt(-k));
  return v < 0n ? -roundFixed(-v, k) : roundFixed(v, k);
}

/** ln x·2^FRACTION (within a few units), for finite x > 0. */
function lnFixed(x: number): bigint {
  const { mantissa, exponent } = splitDouble(x);
  return lnOfParts(mantissa, exponent);
}

/** ln(M·2^E)·2^FRACTION (within a few units) for an integer M > 0. */
function lnOfParts(mantissa: bigint, exponent: number): bigint {
  const length = bitLength(mantissa);
  const shift = FRACTION - length + 1;
  // M·2^E = m/2^FRACTION · 2^e with m ∈ [1, 2)·2^FRACTION (bits below 2⁻³²⁰ dropped, if any)
  let m = shift >= 0 ? mantissa << BigInt(shift) : mantissa >> BigInt(-shift);
  let e = exponent + length - 1;
  if (m * m > 2n * ONE * ONE) {
    // m > √2: halve it so that ln m is small (at most one bit below 2⁻³²⁰ is lost)
    m >>= 1n;
    e += 1;
  }
  // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: Σ s^(2n+1)/(2n+1)
  const negative = m < ONE;
  const s = ((negative ? ONE - m : m - ONE) << F) / (m + ONE); // |s|: shifts of negatives floor
  const z = (s * s) >> F;
  let power = s;
  let sum = 0n;
  for (let n = 1n; power !== 0n; n += 2n) {
    sum += power / n;
    power = (power * z) >> F;
  }
  return BigInt(e) * ln2() + (negative ? -2n : 2n) * sum;
}

function roundSigned(value: bigint): number {
  return value < 0n ? -roundFixed(-value) : roundFixed(value);
}

/** ln x correctly rounded, for finite x > 0. */
export function logExact(x: number): number {
  return roundSigned(lnFixed(x));
}

/** ln(1 + x) correctly rounded, for finite x > −1 with |x| ≥ 2⁻⁵³: 1 + x taken exactly as M·2^E. */
export function log1pExact(x: number): number {
  const { mantissa, exponent } = splitDouble(x);
  if (exponent >= 0) return roundSigned(lnOfParts((mantissa << BigInt(exponent)) + 1n, 0)); // x ≥ 1 here
  const one = 1n << BigInt(-exponent);
  return roundSigned(lnOfParts(x < 0 ? one - mantissa : one + mantissa, exponent));
}

let ln10Fixed = 0n;

/** log₁₀ x correctly rounded, for finite x > 0. */
export function log10Exact(x: number): number {
  if (ln10Fixed === 0n) ln10Fixed = lnFixed(10);
  return roundSigned((lnFixed(x) << F) / ln10Fixed);
}

/** tanh x correctly rounded, for finite x with 2⁻⁶⁰ ≤ |x| ≤ 23. */
export function tanhExact(x: number): number {
  const { m, k } = expFixed(toFixed(2 * Math.abs(x))); // e^(2|x|) = m·2^k
  const e = k >= 0 ? m << BigInt(k) : m >> BigInt(-k);
  const value = ((e - ONE) << F) / (e + ONE);
  const y = roundFixed(value);
  return x < 0 ? -y : y;
}
