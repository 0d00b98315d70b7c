import { describe, expect, it } from "vitest";
import { lnGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile, studentTTwoSidedP } from "../src/student-t.js";

/** Relative error, NaN-safe in the assertions (`!(err <= bound)` fails on NaN). */
const rel = (x: number, ref: number): number => Math.abs(x - ref) / Math.abs(ref);

describe("lnGamma", () => {
  it("matches closed forms: ln Γ(10) = ln 9!, ln Γ(1/2) = ln √π, ln Γ(4.5) = ln(105√π/16)", () => {
    expect(rel(lnGamma(10), Math.log(362880))).toBeLessThan(1e-14);
    expect(rel(lnGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(rel(lnGamma(4.5), Math.log((105 * Math.sqrt(Math.PI)) / 16))).toBeLessThan(1e-14);
    expect(Math.abs(lnGamma(1)) <= 1e-15 && Math.abs(lnGamma(2)) <= 1e-15).toBe(true);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("matches the binomial sum for integer a, b: I_0.4(2, 3) = Σ_{j≥2} C(4,j) 0.4^j 0.6^(4−j) = 0.5248", () => {
    expect(rel(regularizedIncompleteBeta(2, 3, 0.4), 0.5248)).toBeLessThan(1e-13);
  });

  it("matches the arcsine law I_x(1/2, 1/2) = (2/π)·asin(√x)", () => {
    for (const x of [0.01, 0.3, 0.9, 0.999]) {
      expect(rel(regularizedIncompleteBeta(0.5, 0.5, x), (2 / Math.PI) * Math.asin(Math.sqrt(x)))).toBeLessThan(1e-12);
    }
  });

  it("matches scipy.special.betainc (1.17) on both sides of the symmetry switch", () => {
    expect(rel(regularizedIncompleteBeta(4.5, 0.5, 0.3), 0.001322950584267495)).toBeLessThan(1e-12);
    expect(rel(regularizedIncompleteBeta(10, 0.5, 0.95), 0.31715157546554495)).toBeLessThan(1e-12);
  });

  it("refuses arguments outside its domain, naming them", () => {
    expect(() => regularizedIncompleteBeta(0, 1, 0.5)).toThrow(/a and b must be positive, got a 0/);
    expect(() => regularizedIncompleteBeta(1, 1, 1.5)).toThrow(/x must be in \[0, 1\], got 1.5/);
  });
});

describe("Student t", () => {
  it("has the published 97.5 % quantiles (t tables: 12.706, 4.303, 2.571, 2.262, 2.093)", () => {
    // Full digits from scipy.stats.t.ppf(0.975, df), scipy 1.17.
    const table: [number, number][] = [[1, 12.706204736174694], [2, 4.302652729749462], [5, 2.5705818356363146], [9, 2.262157162798205], [19, 2.0930240544083087]];
    for (const [df, q] of table) expect(rel(studentTQuantile(0.975, df), q)).toBeLessThan(1e-12);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157162798205, 11);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it("gives two-sided p-values equal to scipy's 2·t.sf(|t|, df)", () => {
    const cases: [number, number, number][] = [[2, 9, 0.07655282377070101], [3.5, 4, 0.024896163460222748], [-1.2, 19, 0.2448889253207989], [10, 9, 3.578237431924736e-6]];
    for (const [t, df, p] of cases) expect(rel(studentTTwoSidedP(t, df), p)).toBeLessThan(1e-11);
  });

  it("is the Cauchy distribution at df 1: P(|T| ≥ t) = 1 − (2/π)·atan(t)", () => {
    expect(rel(studentTTwoSidedP(0.5, 1), 1 - (2 / Math.PI) * Math.atan(0.5))).toBeLessThan(1e-13);
    expect(studentTCdf(0.5, 1)).toBeCloseTo(0.5 + Math.atan(0.5) / Math.PI, 13);
    expect(studentTCdf(-0.5, 1)).toBeCloseTo(0.5 - Math.atan(0.5) / Math.PI, 13);
  });
});
