import { describe, expect, it } from "vitest";
import { argmax, logSumExp, max, mean, min, sum, tensor, zeros } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

describe.each(backends)("reductions, backend $name", (backend) => {
  useBackend(backend);
  const m = tensor([[1, 5, 3], [4, 2, 6]], "float64");

  it("sums over every element, over each axis, and keeps dims on request", () => {
    expect(sum(m).toArray()).toBe(21);
    expect(sum(m, 0).toArray()).toEqual([5, 7, 9]);
    expect(sum(m, 1).toArray()).toEqual([9, 12]);
    expect(sum(m, -1, true).toArray()).toEqual([[9], [12]]);
    expect(sum(m, undefined, true).shape).toEqual([1, 1]);
  });

  it("takes means, maxima and minima along an axis", () => {
    expect(mean(m, 0).toArray()).toEqual([2.5, 3.5, 4.5]);
    expect(mean(m).toArray()).toBe(3.5);
    expect(max(m, 1).toArray()).toEqual([5, 6]);
    expect(min(m, 0).toArray()).toEqual([1, 2, 3]);
    expect(max(m).toArray()).toBe(6);
  });

  it("reduces the middle axis of a rank-3 tensor", () => {
    // t[i, j, k] = 100i + 10j + k, shape [2, 3, 2]; Σ_j = 300i + 30 + 3k.
    const t = tensor([
      [[0, 1], [10, 11], [20, 21]],
      [[100, 101], [110, 111], [120, 121]],
    ], "float64");
    expect(sum(t, 1).toArray()).toEqual([[30, 33], [330, 333]]);
    expect(max(t, 1, true).toArray()).toEqual([[[20, 21]], [[120, 121]]]);
    expect(argmax(t, 1).toArray()).toEqual([[2, 2], [2, 2]]);
  });

  it("propagates NaN through max and min, and argmax points at the first NaN (as NumPy)", () => {
    const x = tensor([1, NaN, 3, NaN]);
    expect(max(x).data[0]).toBeNaN();
    expect(min(x).data[0]).toBeNaN();
    expect(argmax(x).toArray()).toBe(1);
    expect(max(tensor([[1, 2], [NaN, 0]]), 0).toArray()).toEqual([NaN, 2]);
  });

  it("argmax returns the first index on ties, along an axis or over the flattened tensor", () => {
    expect(argmax(tensor([[3, 7, 7], [9, 1, 9]]), 1).toArray()).toEqual([1, 0]);
    expect(argmax(tensor([[3, 7, 7], [9, 1, 9]])).toArray()).toBe(3);
    expect(argmax(m, 0).dtype).toBe("float64");
  });

  it("a mean of float32 values accumulates in float64", () => {
    // 2^24 + 1 is not a float32; a float32 running sum of [2^24, 1, 1] would stick at 2^24.
    const x = tensor([16777216, 1, 1], "float32");
    expect(sum(x).data[0]).toBe(16777218);
    expect(mean(x).data[0]).toBe(Math.fround(16777218 / 3));
  });

  it("sums over an empty axis to 0 and log-sum-exps it to −∞, but refuses max/min/mean/argmax", () => {
    const e = zeros([0, 3]);
    expect(sum(e, 0).toArray()).toEqual([0, 0, 0]);
    expect(sum(e).toArray()).toBe(0);
    expect(logSumExp(e, 0).toArray()).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(() => max(e, 0)).toThrow(/max: cannot reduce over axis 0 of length 0 \(shape \[0,3\]\)/);
    expect(() => min(e)).toThrow(/min: cannot reduce over an empty tensor/);
    expect(() => mean(e, 0)).toThrow(/mean: cannot reduce/);
    expect(() => argmax(e, 0)).toThrow(/argmax: cannot take the argmax of an empty axis/);
    // Reducing the non-empty axis of an empty tensor gives an empty result, not an error.
    expect(max(e, 1).shape).toEqual([0]);
  });

  it("reduces a rank-0 tensor to itself", () => {
    expect(sum(tensor(4)).toArray()).toBe(4);
    expect(argmax(tensor(4)).toArray()).toBe(0);
  });

  it("writes into out", () => {
    const out = zeros([3], "float64");
    expect(sum(m, 0, false, out)).toBe(out);
    expect(out.toArray()).toEqual([5, 7, 9]);
  });
});
