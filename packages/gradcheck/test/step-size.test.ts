// Why the default step is h = 1e-6: measured, on a smooth float64 model. The central difference
// has truncation error ≈ h²·|L'''|/6 and rounding error ≈ ε·|L|/h (ε = 2.2e-16), so the total
// error falls as h² while truncation dominates and rises as 1/h once rounding does.
import * as nn from "@nn/layers";
import { createRng, randn } from "@nn/tensor";
import { expect, test } from "vitest";
import { DEFAULT_ATOL, DEFAULT_STEP, checkModel } from "../src/index.js";

function maxAbsError(step: number): number {
  const rng = createRng(70);
  const dtype = "float64";
  const model = new nn.Sequential([
    new nn.Dense(4, 16, { rng, dtype, init: "xavier-normal" }), new nn.Tanh({ dtype }),
    new nn.Dense(16, 8, { rng, dtype, init: "xavier-normal" }), new nn.GELU({ dtype }), new nn.Dense(8, 3, { rng, dtype }),
  ]);
  const x = randn([8, 4], rng, { dtype });
  const y = randn([8, 3], rng, { dtype });
  // atol 1 turns pass/fail and kink detection off: this measures the raw |analytic − numeric|.
  const report = checkModel(model, new nn.MSELoss(), x, y, { step, atol: 1, rtol: 0 });
  return Math.max(...report.entries.map((e) => e.maxAbsError));
}

const steps = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9];
const errors = new Map(steps.map((h) => [h, maxAbsError(h)]));

test("large steps: truncation error, falling about 100× per decade of h (O(h²))", () => {
  expect(errors.get(1e-2)! / errors.get(1e-3)!).toBeGreaterThan(30);
  expect(errors.get(1e-3)! / errors.get(1e-4)!).toBeGreaterThan(30);
});

test("small steps: rounding error, rising as h shrinks (O(ε/h))", () => {
  expect(errors.get(1e-9)!).toBeGreaterThan(10 * errors.get(1e-7)!);
  expect(errors.get(1e-8)!).toBeGreaterThan(3 * errors.get(1e-6)!);
});

test("the default step sits near the bottom of the curve, well inside atol", () => {
  expect(DEFAULT_STEP).toBe(1e-6);
  expect(errors.get(DEFAULT_STEP)!).toBeLessThan(DEFAULT_ATOL / 5);
  // Within a factor 20 of the best step measured.
  expect(errors.get(DEFAULT_STEP)!).toBeLessThan(20 * Math.min(...errors.values()));
});
