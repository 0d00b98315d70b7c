import { describe, expect, it } from "vitest";
import { makeMultiGaussian, makePlane, multiGaussianTarget, planeTarget } from "../src/index.js";
import { sameBytes } from "./helpers.js";

describe("planeTarget and multiGaussianTarget (the Playground's formulas, worked by hand)", () => {
  it("plane: (x₁ + x₂)/10, unclamped", () => {
    expect(planeTarget(0, 0)).toBe(0);
    expect(planeTarget(3, 2)).toBe(0.5);
    expect(planeTarget(-6, -6)).toBe(-1.2);
  });

  it("multi-Gaussian: the bump largest in absolute value, sₖ·max(0, 1 − dₖ/2)", () => {
    // On a centre: the bump's sign.
    expect(multiGaussianTarget(-4, 2.5)).toBe(1);
    expect(multiGaussianTarget(0, 2.5)).toBe(-1);
    expect(multiGaussianTarget(4, -2.5)).toBe(-1);
    // One unit from (-4, 2.5) and three from (0, 2.5): 1 − 1/2 from the first, nothing from the second.
    expect(multiGaussianTarget(-3, 2.5)).toBe(0.5);
    // One unit from (0, 2.5) (−0.5) and three from (4, 2.5).
    expect(multiGaussianTarget(1, 2.5)).toBe(-0.5);
    // (2, 2.5) is two units from both (0, 2.5) and (4, 2.5): both contribute 0.
    expect(Math.abs(multiGaussianTarget(2, 2.5))).toBe(0);
    // The origin is 2.5 from (0, ±2.5) and farther from the rest.
    expect(Math.abs(multiGaussianTarget(0, 0))).toBe(0);
    // (−4, 1.5): 1 from (−4, 2.5) → +0.5; 4 from (−4, −2.5) → 0. (−4, −1): 1.5 from (−4, −2.5) → −0.25, 3.5 from (−4, 2.5).
    expect(multiGaussianTarget(-4, 1.5)).toBe(0.5);
    expect(multiGaussianTarget(-4, -1)).toBe(-0.25);
    // (−3.4, 3.3) is (0.6, 0.8) from (−4, 2.5): distance 1 (a 3-4-5 triangle) → 0.5.
    expect(multiGaussianTarget(-3.4, 3.3)).toBeCloseTo(0.5, 14);
  });
});

describe.each([
  ["makePlane", makePlane, planeTarget],
  ["makeMultiGaussian", makeMultiGaussian, multiGaussianTarget],
] as const)("%s", (name, make, target) => {
  it("draws n points uniformly in [−6, 6]² with real targets [n] and numClasses 0", () => {
    const n = 20000;
    const ds = make({ n, seed: 5, dtype: "float64" });
    expect(ds.x.shape).toEqual([n, 2]);
    expect(ds.y.shape).toEqual([n]);
    expect(ds.numClasses).toBe(0);
    for (let j = 0; j < 2; j++) {
      let sum = 0, sq = 0, lo = Infinity, hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = ds.x.data[2 * i + j];
        sum += v; sq += v * v;
        lo = Math.min(lo, v); hi = Math.max(hi, v);
      }
      const mean = sum / n;
      // uniform(−6, 6): mean 0, variance 12²/12 = 12; the mean's standard error is √(12/n) ≈ 0.0245.
      expect(Math.abs(mean)).toBeLessThan(0.1);
      expect(Math.abs(sq / n - mean * mean - 12)).toBeLessThan(0.4);
      expect(lo).toBeGreaterThanOrEqual(-6);
      expect(hi).toBeLessThan(6);
      expect(lo).toBeLessThan(-5.99);
      expect(hi).toBeGreaterThan(5.99);
    }
  });

  it("with noise 0 every target is the formula at its stored point (float32 and float64)", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const ds = make({ n: 500, seed: 2, dtype });
      for (let i = 0; i < 500; i++) {
        const expected = target(ds.x.data[2 * i], ds.x.data[2 * i + 1]);
        expect(ds.y.data[i]).toBe(dtype === "float32" ? Math.fround(expected) : expected);
      }
    }
  });

  it("noise moves only the targets, never the points; the same seed gives the same bytes", () => {
    const clean = make({ n: 300, seed: 9 });
    const noisy = make({ n: 300, noise: 0.2, seed: 9 });
    expect(sameBytes(clean.x, noisy.x)).toBe(true);
    expect(sameBytes(clean.y, noisy.y)).toBe(false);
    expect(sameBytes(noisy.y, make({ n: 300, noise: 0.2, seed: 9 }).y)).toBe(true);
    expect(sameBytes(noisy.x, make({ n: 300, noise: 0.2, seed: 10 }).x)).toBe(false);
  });

  it("refuses bad options by name", () => {
    expect(() => make({ n: 0 })).toThrow(`${name}: n must be an integer >= 1, got 0`);
    expect(() => make({ noise: -1 })).toThrow(`${name}: noise must be a finite number >= 0, got -1`);
    expect(() => make({ shuffle: false } as never)).toThrow(/unknown option "shuffle"/);
  });
});

describe("makePlane's noise as the Playground defines it", () => {
  it("target − (x₁ + x₂)/10 = (u₁ + u₂)·noise/10 with u uniform(−6, 6): mean 0, variance 0.24·noise²", () => {
    const n = 40000, noise = 0.3;
    const ds = makePlane({ n, noise, seed: 4, dtype: "float64" });
    let sum = 0, sq = 0, maxAbs = 0;
    for (let i = 0; i < n; i++) {
      const d = ds.y.data[i] - planeTarget(ds.x.data[2 * i], ds.x.data[2 * i + 1]);
      sum += d; sq += d * d; maxAbs = Math.max(maxAbs, Math.abs(d));
    }
    // Var(u) = 12, so Var((u₁ + u₂)·σ/10) = 2·12·σ²/100 = 0.24σ² = 0.0216; |d| ≤ 12σ/10 = 0.36.
    expect(Math.abs(sum / n)).toBeLessThan(0.003);
    expect(Math.abs(sq / n / (0.24 * noise * noise) - 1)).toBeLessThan(0.03);
    expect(maxAbs).toBeLessThanOrEqual(0.36);
  });
});
