import { describe, expect, it } from "vitest";
import { type Tensor, createRng, mul, randn, sum, tensor } from "@nn/tensor";
import { GradcheckError, checkFunction } from "../src/index.js";

// f(a, b) = Σ a ⊙ b²; ∂f/∂a = b², ∂f/∂b = 2a ⊙ b (worked by hand).
const f = (a: Tensor, b: Tensor): number => sum(mul(a, mul(b, b))).data[0];
const rightGradient = (a: Tensor, b: Tensor): Tensor[] => [mul(b, b), mul(mul(a, b), 2)];

describe("checkFunction", () => {
  const rng = createRng(7);
  const a = randn([3, 4], rng, { dtype: "float64" });
  const b = randn([3, 4], rng, { dtype: "float64" });

  it("passes a correct gradient of several inputs", () => {
    const report = checkFunction(f, rightGradient, [a, b]);
    expect(report.passed).toBe(true);
    expect(report.entries.map((e) => e.name)).toEqual(["inputs[0]", "inputs[1]"]);
    expect(report.entries.every((e) => e.checked === 12)).toBe(true);
    expect(report.maxRelError <= 1e-7).toBe(true);
  });

  it("fails a wrong one and points at the input", () => {
    const wrong = (x: Tensor, y: Tensor): Tensor[] => [mul(y, y), mul(x, y)]; // missing the factor 2
    const report = checkFunction(f, wrong, [a, b]);
    expect(report.passed).toBe(false);
    expect(report.entries[0].passed).toBe(true);
    expect(report.entries[1].passed).toBe(false);
    expect(report.entries[1].maxRelError).toBeCloseTo(0.5, 6);
  });

  it("checks float32 inputs on float64 copies and leaves them untouched", () => {
    const a32 = a.astype("float32"), before = a32.data.slice();
    const report = checkFunction(f, rightGradient, [a32, b]);
    expect(report.passed).toBe(true);
    expect(report.castFrom).toBe("float32");
    expect(a32.data).toEqual(before);
  });

  it("refuses a gradient of the wrong shape or count", () => {
    expect(() => checkFunction(f, (x) => [x], [a, b])).toThrow("checkFunction: gradient must return one Tensor per input (2), got 1");
    expect(() => checkFunction(f, () => [tensor([1], "float64"), b], [a, b])).toThrow(GradcheckError);
    expect(() => checkFunction(f, () => [tensor([1], "float64"), b], [a, b])).toThrow("∂f/∂inputs[0] of shape [1], expected [3, 4]");
  });
});
