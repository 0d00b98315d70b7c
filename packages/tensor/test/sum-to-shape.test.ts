import { describe, expect, it } from "vitest";
import { ShapeError, sigmoid, sumToShape, tensor } from "../src/index.js";

describe("sumToShape (the adjoint of broadcasting)", () => {
  const m = tensor([[1, 2, 3], [4, 5, 6]], "float64");

  it("sums away leading axes that broadcasting added", () => {
    expect(sumToShape(m, [3]).toArray()).toEqual([5, 7, 9]);
    expect(sumToShape(m, []).toArray()).toBe(21);
  });

  it("sums axes of length 1 with keepDims", () => {
    expect(sumToShape(m, [2, 1]).toArray()).toEqual([[6], [15]]);
    expect(sumToShape(m, [1, 3]).toArray()).toEqual([[5, 7, 9]]);
    expect(sumToShape(m, [1, 1]).toArray()).toEqual([[21]]);
    // [2, 1, 3] → [2, 1]: the leading 2 is summed away, then the 3 is reduced into the trailing 1.
    const t = tensor([[[1, 2, 3]], [[10, 20, 30]]], "float64");
    expect(sumToShape(t, [1, 1]).toArray()).toEqual([[66]]);
    expect(sumToShape(t, [3]).toArray()).toEqual([11, 22, 33]);
  });

  it("returns a copy when nothing is reduced", () => {
    const r = sumToShape(m, [2, 3]);
    expect(r.toArray()).toEqual(m.toArray());
    expect(r.data).not.toBe(m.data);
  });

  it("refuses a shape that does not broadcast to the input", () => {
    expect(() => sumToShape(m, [2])).toThrow(ShapeError);
    expect(() => sumToShape(m, [2])).toThrow("sumToShape: cannot sum [2,3] down to [2]: [2] does not broadcast to [2,3]");
    expect(() => sumToShape(m, [1, 2, 3])).toThrow("does not broadcast to [2,3]");
  });
});

describe("sigmoid (scalar)", () => {
  it("is finite and exact at the extremes and symmetric", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    // σ(−x) = 1 − σ(x); σ(2) = 1/(1 + e^−2) = 0.8807970779778823 (hand-computed in float64).
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid(-2)).toBeCloseTo(1 - 0.8807970779778823, 15);
  });
});
