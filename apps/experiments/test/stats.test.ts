import { describe, expect, it } from "vitest";
import { curveQuantiles, geometricMeanCI, mean, meanCI, pairedTTest, quantile, std } from "../src/stats.js";

describe("mean and std", () => {
  // [2, 4, 4, 4, 5, 5, 7, 9]: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
  // sample variance 32/7, so std = sqrt(32/7) = 2.13809...
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it("match the values worked out by hand", () => {
    expect(mean(values)).toBe(5);
    expect(std(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
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

describe("geometricMeanCI", () => {
  it("is the t interval of the logs mapped back: values 1 and 100 → √100 = 10, [10·e^(−12.706·ln10), …]", () => {
    // ln 1 = 0, ln 100 = 4.60517: mean 2.302585 (→ 10), s = 3.256347, half-width 12.706205·3.256347/√2
    const ci = geometricMeanCI([1, 100]);
    expect(ci.mean).toBeCloseTo(10, 10);
    const half = 12.706204736174694 * (Math.log(100) / Math.SQRT2) / Math.SQRT2;
    expect(ci.lo).toBeCloseTo(10 * Math.exp(-half), 10);
    expect(ci.hi / (10 * Math.exp(half))).toBeCloseTo(1, 10);
  });

  it("leaves out values a log cannot take and counts them", () => {
    const ci = geometricMeanCI([0, 4, -1, 4]);
    expect([ci.mean, ci.n, ci.of]).toEqual([4, 2, 4]);
  });
});

describe("meanCI", () => {
  it("is mean ± t(0.975, n − 1)·s/√n (values 1 and 3: 2 ± 12.7062·√2/√2)", () => {
    // t(0.975, 1) = 12.706204736174694 (published tables: 12.706; scipy.stats.t.ppf(0.975, 1)).
    const ci = meanCI([1, 3]);
    expect(ci.mean).toBe(2);
    expect(ci.hi - 2).toBeCloseTo(12.706204736174694, 9);
    expect(ci.lo).toBeCloseTo(2 - 12.706204736174694, 9);
    expect([ci.n, ci.of]).toEqual([2, 2]);
  });

  it("says how many seeds it kept when some are not finite, and gives no interval for one value", () => {
    const ci = meanCI([NaN, 0.5, Infinity, 1.5, 1]);
    expect([ci.n, ci.of, ci.mean]).toEqual([3, 5, 1]);
    const one = meanCI([4, NaN]);
    expect([one.mean, one.n, one.of]).toEqual([4, 1, 2]);
    expect(one.lo).toBeNaN();
  });
});

describe("pairedTTest", () => {
  // Ten made-up accuracies; scipy 1.17: ttest_rel(b, a) → t 3.475351336843246, p 0.006989564211518157,
  // mean difference 0.019, 95 % interval [0.006632621301474895, 0.03136737869852507].
  const a = [0.81, 0.79, 0.85, 0.80, 0.83, 0.78, 0.84, 0.82, 0.80, 0.86];
  const b = [0.84, 0.80, 0.86, 0.84, 0.83, 0.81, 0.88, 0.83, 0.83, 0.85];

  it("matches scipy.stats.ttest_rel and the t interval", () => {
    const r = pairedTTest(a, b);
    expect(r.diff).toBeCloseTo(0.019, 12);
    expect(r.p).toBeCloseTo(0.006989564211518157, 10);
    expect(r.lo).toBeCloseTo(0.006632621301474895, 10);
    expect(r.hi).toBeCloseTo(0.03136737869852507, 10);
    expect([r.n, r.of]).toEqual([10, 10]);
  });

  it("is antisymmetric and drops a pair with a non-finite member", () => {
    const r = pairedTTest(b, a);
    expect(r.diff).toBeCloseTo(-0.019, 12);
    expect(r.p).toBeCloseTo(0.006989564211518157, 10);
    const dropped = pairedTTest([...a, NaN], [...b, 0.9]);
    expect([dropped.n, dropped.of]).toEqual([10, 11]);
    expect(dropped.p).toBeCloseTo(0.006989564211518157, 10);
  });

  it("handles identical differences and refuses unequal lengths", () => {
    expect(pairedTTest([1, 2, 3], [1, 2, 3]).p).toBe(1);
    expect(pairedTTest([1, 2, 3], [2, 3, 4]).p).toBe(0);
    expect(() => pairedTTest([1], [1, 2])).toThrow(/1 values against 2/);
  });
});

describe("quantile and curveQuantiles", () => {
  it("interpolate linearly between order statistics (NumPy's default)", () => {
    // sorted [1, 2, 4, 8]: q 0.5 → position 1.5 → 3; q 0.1 → position 0.3 → 1.3
    expect(quantile([8, 1, 4, 2], 0.5)).toBe(3);
    expect(quantile([8, 1, 4, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile([NaN], 0.5)).toBeNaN();
    const c = curveQuantiles([[1, 10], [2, 20], [3]], 0.25);
    expect(c.median).toEqual([2, 15]);
    expect(c.lo).toEqual([1.5, 12.5]);
    expect(c.hi).toEqual([2.5, 17.5]);
  });
});
