/**
 * Seeded randomness: PCG32 (O'Neill 2014, "PCG: A Family of Simple Fast Space-Efficient
 * Statistically Good Algorithms for Random Number Generation"), the XSH-RR output function on a
 * 64-bit LCG state. The 64-bit state lives in two uint32 halves so every platform computes the
 * same stream with plain 32-bit integer arithmetic.
 */

import * as elementary from "./math/index.js";

export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1) (Box–Muller, both values of each pair used). */
  normal(): number;
  /** Uniform integer in [0, n), unbiased. */
  int(n: number): number;
  /** The raw 32-bit PCG32 output. */
  nextUint32(): number;
}

// Multiplier 6364136223846793005 = 0x5851f42d_4c957f2d, split into 16-bit limbs.
const M0 = 0x7f2d, M1 = 0x4c95, M2 = 0xf42d, M3 = 0x5851;

/** The stream selector used by PCG's reference demo (pcg32_srandom_r(&rng, seed, 54)). */
const DEFAULT_STREAM = 54;

class Pcg32 implements Rng {
  private hi = 0;
  private lo = 0;
  private incHi = 0;
  private incLo = 0;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, stream: number) {
    // inc = (initseq << 1) | 1
    const sHi = Math.floor(stream / 0x100000000) >>> 0;
    const sLo = stream >>> 0;
    this.incHi = ((sHi << 1) | (sLo >>> 31)) >>> 0;
    this.incLo = ((sLo << 1) | 1) >>> 0;
    // pcg32_srandom_r: state = 0; step; state += initstate; step
    this.hi = 0;
    this.lo = 0;
    this.advance();
    const seedHi = Math.floor(seed / 0x100000000) >>> 0;
    const seedLo = seed >>> 0;
    const lo = this.lo + seedLo;
    this.hi = (this.hi + seedHi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    this.lo = lo >>> 0;
    this.advance();
  }

  /** state = state * M + inc (mod 2^64), with 16-bit limbs so no product exceeds 2^53. */
  private advance(): void {
    const s0 = this.lo & 0xffff, s1 = this.lo >>> 16, s2 = this.hi & 0xffff, s3 = this.hi >>> 16;
    let c = s0 * M0;
    const r0 = c & 0xffff;
    c = (c - r0) / 0x10000 + s0 * M1 + s1 * M0;
    const r1 = c % 0x10000;
    c = (c - r1) / 0x10000 + s0 * M2 + s1 * M1 + s2 * M0;
    const r2 = c % 0x10000;
    c = (c - r2) / 0x10000 + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0;
    const r3 = c % 0x10000;
    const mulLo = (r1 * 0x10000 + r0) >>> 0;
    const mulHi = (r3 * 0x10000 + r2) >>> 0;
    const lo = mulLo + this.incLo;
    this.hi = (mulHi + this.incHi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    this.lo = lo >>> 0;
  }

  nextUint32(): number {
    const oldHi = this.hi, oldLo = this.lo;
    this.advance();
    // xorshifted = ((old >> 18) ^ old) >> 27, truncated to 32 bits
    const xHi = (oldHi >>> 18) ^ oldHi;
    const xLo = (((oldHi << 14) | (oldLo >>> 18)) ^ oldLo) >>> 0;
    const xorshifted = ((xHi << 5) | (xLo >>> 27)) >>> 0;
    const rot = oldHi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }

  next(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * elementary.log(u));
    const theta = 2 * Math.PI * v;
    this.spare = r * elementary.sin(theta);
    this.hasSpare = true;
    return r * elementary.cos(theta);
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) {
      throw new RangeError(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Reject the top sliver of 2^32 that is not a whole multiple of n, so every value is equally likely.
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

/**
 * A PCG32 generator. The same seed gives the same stream on every platform. `createRng(42)`
 * reproduces the reference output of PCG's `pcg32-demo` (seed 42, stream 54).
 */
export function createRng(seed: number, stream: number = DEFAULT_STREAM): Rng {
  for (const [name, v] of [["seed", seed], ["stream", stream]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`createRng: ${name} must be a non-negative safe integer, got ${v}`);
    }
  }
  return new Pcg32(seed, stream);
}
