/**
 * x = n·π/2 + r with |r| ≤ π/4 (a little more at the rounding boundary), r carried as
 * head + tail (|tail| ≤ ulp(head)/2), from exactly rounded operations only.
 *
 * - |x| < 2²⁰·π/2 (Cody–Waite): π/2 is split into three 33-bit pieces and a tail, so each n·piece
 *   (n < 2²⁰) is exact; further pieces are taken only when cancellation leaves too few bits (the
 *   subtractions are then exact), up to 152 bits of π/2 for the worst cancellation in this range.
 * - larger |x| (Payne–Hanek, in BigInt arithmetic): x = M·2^E exactly; M times the first 1200 bits
 *   of 2/π gives x·2/π with an error below 2⁻¹⁷⁶, whose integer part mod 4 is n and whose next 192
 *   bits give r/(π/2). Slow (microseconds), exact enough for every double.
 */

import { dd, twoProduct } from "./double-double.js";
import { highWord, lowWord } from "./float-bits.js";

const INV_HALF_PI = 0.6366197723675814;
const PIO2_1 = 1.5707963267341256; // first 33 bits of π/2
const PIO2_1T = 6.077100506506192e-11; // π/2 − PIO2_1
const PIO2_2 = 6.077100506303966e-11; // next 33 bits
const PIO2_2T = 2.0222662487959506e-21; // π/2 − PIO2_1 − PIO2_2
const PIO2_3 = 2.0222662487111665e-21; // next 33 bits
const PIO2_3T = 8.4784276603689e-32; // π/2 − PIO2_1 − PIO2_2 − PIO2_3
const HALF_PI_HI = 1.5707963267948966;
const HALF_PI_LO = 6.123233995736766e-17;
const CODY_WAITE_LIMIT = 1647099.3291652855; // 2²⁰·π/2

/** floor(2/π·2¹²⁰⁰), computed with mpmath by packages/tensor/scripts/elementary-reference.py. */
const TWO_OVER_PI_1200 = BigInt(
  "0xa2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebbc561b7246e3a424dd2e006492eea09d1921cfe1deb1cb129a73ee88235f52ebb4484e99c7026b45f7e413991d639835339f49c845f8bbdf9283b1ff897ffde05980fef2f118b5a0a6d1f6d367ecf27cb09b74f463f669e5fea2d7527bac7ebe5f17b3d0739f78a5292ea6bfb5fb11f8d5d0856033046fc7b",
);
const FRACTION_BITS = 192n;

/** Where reduceByHalfPi leaves r = head + tail (so the hot path allocates nothing). */
export const reduced = { head: 0, tail: 0 };

function payneHanek(ax: number): number {
  const high = highWord(ax);
  const exponent = ((high >>> 20) & 0x7ff) - 1075;
  const mantissa = (BigInt((high & 0xfffff) | 0x100000) << 32n) | BigInt(lowWord(ax));
  const shift = 1200n - BigInt(exponent);
  const product = mantissa * TWO_OVER_PI_1200;
  let n = Number((product >> shift) & 3n);
  let fraction = (product >> (shift - FRACTION_BITS)) & ((1n << FRACTION_BITS) - 1n);
  if (fraction >> (FRACTION_BITS - 1n)) {
    fraction -= 1n << FRACTION_BITS;
    n += 1;
  }
  const scale = 1.5930919111324523e-58; // 2⁻¹⁹²
  const fHi = Number(fraction);
  const fLo = Number(fraction - BigInt(fHi));
  const hi = fHi * scale;
  const lo = fLo * scale;
  // (hi + lo)·(HALF_PI_HI + HALF_PI_LO) in double-double: Dekker's exact product of the heads
  twoProduct(hi, HALF_PI_HI);
  const p = dd.hi;
  const rest = dd.lo + (hi * HALF_PI_LO + lo * HALF_PI_HI);
  const head = p + rest;
  reduced.head = head;
  reduced.tail = rest - (head - p);
  return n;
}

function exponentOf(x: number): number {
  return (highWord(x) >>> 20) & 0x7ff;
}

/** Reduces finite x; returns n (only n mod 4 matters) and leaves r in `reduced`. */
export function reduceByHalfPi(x: number): number {
  const ax = Math.abs(x);
  let n: number;
  if (ax < CODY_WAITE_LIMIT) {
    const fn = Math.floor(ax * INV_HALF_PI + 0.5);
    let r = ax - fn * PIO2_1; // exact: n·PIO2_1 is exact and within a factor 2 of ax
    let w = fn * PIO2_1T;
    let head = r - w;
    // Bits lost to cancellation decide how much more of π/2 is needed; when a further piece is
    // taken, r − w cancels too and is exact, so only the new tail's error is carried.
    const top = exponentOf(ax);
    if (top - exponentOf(head) > 16) {
      let t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - (t - r - w);
      head = r - w;
      if (top - exponentOf(head) > 49) {
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - (t - r - w);
        head = r - w;
      }
    }
    reduced.head = head;
    reduced.tail = r - head - w;
    n = fn;
  } else {
    n = payneHanek(ax);
  }
  if (x < 0) {
    reduced.head = -reduced.head;
    reduced.tail = -reduced.tail;
    return -n;
  }
  return n;
}
