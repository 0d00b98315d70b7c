import { describe, expect, it } from "vitest";
import { erf, erfc } from "../src/index.js";

// [x, erf(x), erfc(x)] computed with mpmath 1.3.0 at 200-bit precision (mpmath.erf / mpmath.erfc),
// then rounded to the nearest float64. Independent of our series and continued fraction.
const REFERENCE: [number, number, number][] = [
  [0, 0.0, 1.0],
  [1e-10, 1.1283791670955126e-10, 0.999999999887162],
  [0.1, 0.1124629160182849, 0.887537083981715],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [-0.5, -0.5204998778130465, 1.5204998778130465],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [-1.9, -0.9927904292352575, 1.9927904292352574],
  [2, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.0004069520174449589],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [-3.5, -0.9999992569016276, 1.9999992569016276],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.537459794428035e-12],
  [6, 1.0, 2.1519736712498913e-17],
  [10, 1.0, 2.088487583762545e-45],
  [26, 1.0, 5.663192408856143e-296],
];

/** Error in units of the last place of the reference value. */
function ulps(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / (Math.abs(expected) * Number.EPSILON);
}

describe("erf / erfc", () => {
  it.each(REFERENCE)("x = %s is within a few ulp of the 200-bit reference", (x, e, ec) => {
    expect(ulps(erf(x), e)).toBeLessThanOrEqual(3);
    // erfc in (0, 1) is formed as 1 − erf, which can lose up to ~3 bits there; elsewhere it is direct.
    expect(ulps(erfc(x), ec)).toBeLessThanOrEqual(x > 0 && x < 1 ? 7 : 3);
  });

  it("is odd, bounded, and handles ±Infinity and NaN", () => {
    for (const x of [0.3, 1.7, 2.2, 4.5]) expect(erf(-x)).toBe(-erf(x));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});
