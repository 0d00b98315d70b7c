import { describe, expect, it } from "vitest";
import { curveStats, mean, meanStd, std } from "../src/stats.js";

describe("mean and std", () => {
  // [2, 4, 4, 4, 5, 5, 7, 9]: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
  // sample variance 32/7, so std = sqrt(32/7) = 2.13809...
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it("match the values worked out by hand", () => {
    expect(mean(values)).toBe(5);
    expect(std(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(meanStd(values)).toEqual({ mean: 5, std: std(values) });
  });

  it("use n − 1 (two values 1 and 3: mean 2, std √2)", () => {
    expect(std([1, 3])).toBeCloseTo(Math.SQRT2, 12);
  });

  it("ignore non-finite values (a diverged seed) and say when nothing is left", () => {
    expect(mean([1, NaN, 3, Infinity])).toBe(2);
    expect(std([4])).toBe(0);
    expect(mean([])).toBeNaN();
    expect(std([NaN])).toBeNaN();
  });
});

describe("curveStats", () => {
  it("averages pointwise over the curves that reach each point", () => {
    const s = curveStats([[1, 2, 3], [3, 4], [5, 6]]);
    expect(s.mean).toEqual([3, 4, 3]);
    // point 0: [1, 3, 5] → std 2; point 1: [2, 4, 6] → std 2; point 2: [3] → 0
    expect(s.std[0]).toBeCloseTo(2, 12);
    expect(s.std[1]).toBeCloseTo(2, 12);
    expect(s.std[2]).toBe(0);
  });
});
