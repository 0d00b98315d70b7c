import { reduceByHalfPi, reduced } from "./reduce-half-pi.js";

/**
 * sin x and cos x from exactly rounded operations. x is reduced to r = x − n·π/2, |r| ≤ π/4,
 * carried as r = head + tail (reduce-half-pi.ts), then sin or cos of r by Taylor polynomials
 * (|r| ≤ π/4: sin to r¹⁹, cos to r²⁰, next terms below 2⁻⁶⁰ relative), picked and signed by n mod 4.
 */

const S1 = -0.16666666666666666;
const S2 = 0.008333333333333333;
const S3 = -0.0001984126984126984;
const S4 = 2.7557319223985893e-6;
const S5 = -2.505210838544172e-8;
const S6 = 1.6059043836821613e-10;
const S7 = -7.647163731819816e-13;
const S8 = 2.8114572543455206e-15;
const S9 = -8.22063524662433e-18;
const C1 = 0.041666666666666664;
const C2 = -0.001388888888888889;
const C3 = 2.48015873015873e-5;
const C4 = -2.755731922398589e-7;
const C5 = 2.08767569878681e-9;
const C6 = -1.1470745597729725e-11;
const C7 = 4.779477332387385e-14;
const C8 = -1.5619206968586225e-16;
const C9 = 4.110317623312165e-19;

/** sin(x + y) for |x| ≤ π/4 and |y| ≤ ulp(x)/2: x + x³·(S1 + …), with y entering the linear and cubic terms. */
function sinKernel(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * (S7 + z * (S8 + z * S9))))));
  if (y === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x| ≤ π/4: 1 − x²/2 summed so that the rounding of 1 − x²/2 is recovered. */
function cosKernel(x: number, y: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * C9))))))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

export function sin(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) {
    if (ax < 7.450580596923828e-9) return x; // 2⁻²⁷: sin x rounds to x (keeps −0)
    return sinKernel(x, 0);
  }
  if (!(ax < Infinity)) return NaN;
  const n = reduceByHalfPi(x);
  switch (n & 3) {
    case 0:
      return sinKernel(reduced.head, reduced.tail);
    case 1:
      return cosKernel(reduced.head, reduced.tail);
    case 2:
      return -sinKernel(reduced.head, reduced.tail);
    default:
      return -cosKernel(reduced.head, reduced.tail);
  }
}

export function cos(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) {
    if (ax < 7.450580596923828e-9) return 1;
    return cosKernel(x, 0);
  }
  if (!(ax < Infinity)) return NaN;
  const n = reduceByHalfPi(x);
  switch (n & 3) {
    case 0:
      return cosKernel(reduced.head, reduced.tail);
    case 1:
      return -sinKernel(reduced.head, reduced.tail);
    case 2:
      return -cosKernel(reduced.head, reduced.tail);
    default:
      return sinKernel(reduced.head, reduced.tail);
  }
}
