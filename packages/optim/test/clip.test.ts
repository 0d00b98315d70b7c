import { describe, expect, it } from "vitest";
import { clipGradNorm, clipGradValue } from "../src/index.js";
import { parameter } from "./parameters.js";

describe("clipGradNorm", () => {
  it("returns the global L2 norm over all parameters and rescales by maxNorm/(norm + 1e-6)", () => {
    // Gradients (3, 4) and (12): √(9 + 16 + 144) = 13. maxNorm 6.5 → factor 6.5/(13 + 1e-6).
    const a = parameter("a", [0, 0], [2]);
    const b = parameter("b", [0], [1], "float32");
    a.grad.data.set([3, 4]);
    b.grad.data.set([12]);
    expect(clipGradNorm([a, b], 6.5)).toBe(13);
    const factor = 6.5 / (13 + 1e-6);
    expect(Array.from(a.grad.data)).toEqual([3 * factor, 4 * factor]);
    expect(b.grad.data[0]).toBe(Math.fround(12 * factor));
    const after = Math.hypot(a.grad.data[0], a.grad.data[1], b.grad.data[0]);
    expect(after).toBeLessThanOrEqual(6.5);
    expect(after).toBeCloseTo(6.5, 5);
  });

  it("leaves gradients alone when the norm is within bounds", () => {
    const a = parameter("a", [0, 0], [2]);
    a.grad.data.set([3, 4]);
    expect(clipGradNorm([a], 5.1)).toBe(5);
    expect(Array.from(a.grad.data)).toEqual([3, 4]);
  });

  it("sums squares in float64, so float32 gradients with a norm past float32's range still clip", () => {
    const a = parameter("a", [0, 0], [2], "float32");
    a.grad.data.set([3e30, 4e30]); // squares overflow float32, not float64
    const expected = Math.hypot(a.grad.data[0], a.grad.data[1]); // ≈ 5e30 (3e30, 4e30 rounded to float32)
    expect(clipGradNorm([a], 1) / expected).toBeCloseTo(1, 14);
    expect(Math.hypot(a.grad.data[0], a.grad.data[1])).toBeCloseTo(1, 5);
  });

  it("throws on a non-finite norm, naming the parameter and element", () => {
    const a = parameter("layers.0.weight", [0, 0, 0], [3]);
    const b = parameter("layers.0.bias", [0, 0], [2]);
    b.grad.data.set([1, NaN]);
    expect(() => clipGradNorm([a, b], 1)).toThrow('clipGradNorm: the total gradient norm is NaN: parameter "layers.0.bias" has grad NaN at index 1');
    b.grad.data.set([1, -Infinity]);
    expect(() => clipGradNorm([a, b], 1)).toThrow('clipGradNorm: the total gradient norm is Infinity: parameter "layers.0.bias" has grad -Infinity at index 1');
  });

  it("reports overflow of the sum itself when every element is finite", () => {
    const a = parameter("a", [0, 0], [2]);
    a.grad.data.set([1e200, 1e200]);
    expect(() => clipGradNorm([a], 1)).toThrow("clipGradNorm: the total gradient norm is Infinity: the sum of squared gradients overflowed");
  });

  it("with errorIfNonfinite false, returns the norm and leaves the gradients untouched", () => {
    const a = parameter("a", [0, 0], [2]);
    a.grad.data.set([NaN, 2]);
    expect(clipGradNorm([a], 1, { errorIfNonfinite: false })).toBeNaN();
    expect(a.grad.data[1]).toBe(2);
  });

  it("refuses a negative or non-finite maxNorm", () => {
    const a = parameter("a", [0], [1]);
    expect(() => clipGradNorm([a], -1)).toThrow(new RangeError("clipGradNorm: maxNorm must be a finite number ≥ 0, got -1"));
    expect(() => clipGradNorm([a], NaN)).toThrow("clipGradNorm: maxNorm must be a finite number ≥ 0, got NaN");
  });
});

describe("clipGradValue", () => {
  it("clamps each element into [−clip, clip]", () => {
    const a = parameter("a", [0, 0, 0, 0, 0], [5]);
    a.grad.data.set([-3, -0.5, 0, 0.5, 3]);
    clipGradValue([a], 1);
    expect(Array.from(a.grad.data)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it("refuses a negative clip", () => {
    expect(() => clipGradValue([parameter("a", [0], [1])], -0.1)).toThrow("clipGradValue: clip must be a finite number ≥ 0, got -0.1");
  });
});
