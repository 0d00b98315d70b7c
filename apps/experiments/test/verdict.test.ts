import { describe, expect, it } from "vitest";
import { pairedTTest } from "../src/stats.js";
import { type Contrast, decide, formatDiff, formatP, holmAdjust } from "../src/verdict.js";
import { ciCell, percentCI } from "../src/report/markdown-table.js";

const a = [0.81, 0.79, 0.85, 0.80, 0.83, 0.78, 0.84, 0.82, 0.80, 0.86];
const b = [0.84, 0.80, 0.86, 0.84, 0.83, 0.81, 0.88, 0.83, 0.83, 0.85];
// b − a: mean 0.019, 95 % CI [0.00663, 0.03137], p 0.00699 (scipy.stats.ttest_rel).
const test = pairedTTest(a, b);
const c = (expect: Contrast["expect"], scale: Contrast["scale"] = "points"): Contrast => ({ label: "b vs a", test, expect, scale });

describe("holmAdjust", () => {
  it("multiplies the k-th smallest p by m − k + 1 and keeps the order (hand-worked)", () => {
    // sorted 0.01, 0.02, 0.04 → 0.03, 0.04, 0.04 (monotone: max(0.04, 0.04)); back in input order.
    const adj = holmAdjust([0.04, 0.01, 0.02]);
    expect(adj[0]).toBeCloseTo(0.04, 15);
    expect(adj[1]).toBeCloseTo(0.03, 15);
    expect(adj[2]).toBeCloseTo(0.04, 15);
    expect(holmAdjust([0.6, 0.5])).toEqual([1, 1]);
  });
});

describe("decide", () => {
  it("supports a directional claim only in the direction the data shows", () => {
    expect(decide([c({ kind: "greater" })]).verdict).toBe("supported");
    const against = decide([c({ kind: "less" })]);
    expect(against.verdict).toBe("not supported");
    expect(against.reason).toContain("b vs a (+1.9 [+0.7, +3.1], p = 0.007)");
  });

  it("calls a difference that is not significant after Holm inconclusive", () => {
    // p 0.00699 × 8 contrasts = 0.056 > 0.05.
    const many = decide(Array.from({ length: 8 }, () => c({ kind: "greater" })));
    expect(many.verdict).toBe("inconclusive");
    expect(many.contrasts[0].pAdjusted).toBeCloseTo(8 * 0.006989564211518157, 8);
  });

  it("decides equivalence and non-inferiority from the interval", () => {
    expect(decide([c({ kind: "within", margin: 0.04 })]).verdict).toBe("supported");
    expect(decide([c({ kind: "within", margin: 0.02 })]).verdict).toBe("inconclusive");
    expect(decide([c({ kind: "within", margin: 0.005 })]).verdict).toBe("not supported");
    expect(decide([c({ kind: "not-below", margin: 0.001 })]).verdict).toBe("supported");
  });

  it("prints ratios from log differences and small p-values as bounds", () => {
    const logs = pairedTTest([0, 0, 0], [Math.log(2), Math.log(2), Math.log(2)]);
    expect(formatDiff({ label: "x", test: logs, expect: { kind: "greater" }, scale: "ratio" })).toBe("×2.000 [2.000, 2.000]");
    expect(formatP(0.0004)).toBe("< 0.001");
    const tiny = decide([{ label: "x", test: { diff: 1, lo: 0.5, hi: 1.5, p: 1e-6, n: 10, of: 10 }, expect: { kind: "less" }, scale: "difference" }]);
    expect(tiny.reason).toBe("against the claim: x (+1.000 [+0.500, +1.500], p < 0.001)");
    expect(formatP(NaN)).toBe("—");
  });
});

describe("interval cells", () => {
  it("print the mean, the t interval and how many seeds were kept", () => {
    // [1, 3]: mean 2, t(0.975, 1)·√2/√2 = 12.706 → [−10.706, 14.706]
    expect(ciCell([1, 3], 2)).toBe("2.00 [-10.71, 14.71]");
    expect(ciCell([1, NaN, 3], 2)).toBe("2.00 [-10.71, 14.71] (2 of 3)");
    expect(percentCI([0.5])).toBe("50.0");
    expect(ciCell([NaN, NaN])).toBe("— (0 of 2)");
  });
});
