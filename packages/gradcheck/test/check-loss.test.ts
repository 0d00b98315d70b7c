import { createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, test } from "vitest";
import { checkLoss } from "../src/index.js";
import { ToyHuber, ToyL1, ToyMSE } from "./toys.js";

const rng = createRng(40);
const pred = randn([4, 3], rng, { dtype: "float64" });
const target = randn([4, 3], rng, { dtype: "float64" });

describe("checkLoss", () => {
  test("a correct MSE passes; its only entry is pred", () => {
    const report = checkLoss(new ToyMSE(), pred, target);
    expect(report.passed).toBe(true);
    expect(report.entries.map((e) => [e.name, e.checked])).toEqual([["pred", 12]]);
  });

  test("an MSE whose gradient is doubled fails with relative error 1/2", () => {
    const report = checkLoss(new ToyMSE(2), pred, target);
    expect(report.passed).toBe(false);
    expect(report.maxRelError).toBeCloseTo(0.5, 6);
  });

  test("float32 predictions are checked on a float64 copy, and the report says so", () => {
    const report = checkLoss(new ToyMSE(), pred.astype("float32"), target.astype("float32"));
    expect(report.castFrom).toBe("float32");
    expect(report.notes).toEqual(["float32 pred: checked on a float64 copy", "float32 target: checked on a float64 copy"]);
  });

  test("L1 where pred equals target reports kinks there, and passes elsewhere", () => {
    const p = tensor([[0.5, 1, -1], [2, 0.25, 3]], "float64");
    const t = tensor([[0.5, 0, 0], [2, 0, 0]], "float64");
    const report = checkLoss(new ToyL1(), p, t);
    expect(report.passed).toBe(true);
    expect(report.entries[0].kinks.map((k) => k.index)).toEqual([[0, 0], [1, 0]]);
    // sign(0) = 0 is the central difference too, yet it is reported, not silently passed:
    // the one-sided slopes are ∓1/n with n = 6.
    for (const k of report.entries[0].kinks) {
      expect(k.analytic).toBe(0);
      expect(k.leftSlope).toBeCloseTo(-1 / 6, 8);
      expect(k.rightSlope).toBeCloseTo(1 / 6, 8);
    }
  });

  test("Huber exactly at its edges |d| = δ is reported as kinks, not failures", () => {
    // With δ = 0.1 the central difference at an edge is off by h/4 per unit of 1/n (the second
    // derivative jumps from 1 to 0): relative error 2.5e-6 > rtol, so the check must explain it.
    const p = tensor([[0.1, 1, -0.1], [0.05, -2, 0.3]], "float64");
    const t = tensor([[0, 0, 0], [0, 0, 0]], "float64");
    const report = checkLoss(new ToyHuber(0.1), p, t);
    expect(report.passed).toBe(true);
    expect(report.entries[0].kinks.map((k) => k.index)).toEqual([[0, 0], [0, 2]]);
    expect(report.entries[0].failures).toBe(0);
  });
});
