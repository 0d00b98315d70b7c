// The per-coordinate judgement on stencils worked out by hand.
import { describe, expect, test } from "vitest";
import { type Stencil, judge, relativeError, tolerance } from "../src/verdict.js";

const h = 1e-6;

describe("tolerance and relative error", () => {
  test("|a − n| ≤ atol + rtol·max(|a|, |n|)", () => {
    expect(tolerance(2, -3, 1e-8, 1e-6)).toBeCloseTo(1e-8 + 3e-6, 20);
  });
  test("relative error is |a − n| / max(|a|, |n|) above atol, 0 within it", () => {
    expect(relativeError(2, 1, 1e-8)).toBe(0.5);
    expect(relativeError(1e-9, 0, 1e-8)).toBe(0);
    expect(relativeError(NaN, 1, 1e-8)).toBe(Infinity);
  });
});

describe("judge", () => {
  // L(θ) = θ² at θ = 1: L(1 ± k) = 1 ± 2k + k², so central = 2, slopes 2 ± h,
  // E(k) = 2k² and E(2h) − 4E(h) = 0; D(2h) = D(h) = 2.
  const smooth: Stencil = { central: 2, rightSlope: 2 + h, leftSlope: 2 - h, evenDeviation: 0, oddDeviation: 0, noise: 1e-9 };
  // L(θ) = |θ| at θ = 0: L(±k) = k, so central = 0, slopes ±1, E(h) = 2h, E(2h) = 4h,
  // |E(2h) − 4E(h)| / 2h = 2; D(2h) = D(h) = 0.
  const kink: Stencil = { central: 0, rightSlope: 1, leftSlope: -1, evenDeviation: 2, oddDeviation: 0, noise: 1e-9 };

  test("a smooth coordinate passes or fails on the tolerance alone", () => {
    expect(judge(2, smooth, 1e-8, 1e-6)).toBe("pass");
    expect(judge(2 + 1e-7, smooth, 1e-8, 1e-6)).toBe("pass");
    expect(judge(2.001, smooth, 1e-8, 1e-6)).toBe("fail");
  });

  test("at |θ|'s kink any subgradient in [−1, 1] is a kink, not a pass and not a failure", () => {
    for (const a of [-1, -0.3, 0, 1]) expect(judge(a, kink, 1e-8, 1e-6)).toBe("kink");
  });

  test("at a kink, an analytic value outside both one-sided slopes still fails", () => {
    expect(judge(2, kink, 1e-8, 1e-6)).toBe("fail");
  });

  test("deviations below the rounding floor are not kinks", () => {
    expect(judge(2.001, { ...smooth, evenDeviation: 1e-6, noise: 1e-5 }, 1e-8, 1e-6)).toBe("fail");
  });

  test("a non-finite analytic value fails", () => {
    expect(judge(NaN, smooth, 1e-8, 1e-6)).toBe("fail");
  });
});
