import { Tensor, createRng, randn } from "@nn/tensor";
import { describe, expect, test } from "vitest";
import { checkLayer, checkLoss } from "../src/index.js";
import { chooseCoordinates, unravelIndex } from "../src/sampling.js";
import { ToyDropout, ToyMSE } from "./toys.js";

describe("coordinate sampling", () => {
  test("all coordinates, in order, when the tensor is small enough", () => {
    expect(Array.from(chooseCoordinates(5, 10, createRng(1)))).toEqual([0, 1, 2, 3, 4]);
  });

  test("a sample is `max` distinct indices in ascending order, the same for the same seed", () => {
    const a = Array.from(chooseCoordinates(1000, 50, createRng(7)));
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(a).toEqual([...a].sort((p, q) => p - q));
    expect(a.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(Array.from(chooseCoordinates(1000, 50, createRng(7)))).toEqual(a);
    expect(Array.from(chooseCoordinates(1000, 50, createRng(8)))).not.toEqual(a);
  });

  test("flat indices become row-major multi-indices", () => {
    expect(unravelIndex(0, [3, 4])).toEqual([0, 0]);
    expect(unravelIndex(7, [3, 4])).toEqual([1, 3]);
    expect(unravelIndex(23, [2, 3, 4])).toEqual([1, 2, 3]);
    expect(unravelIndex(0, [])).toEqual([]);
  });
});

describe("state around a check", () => {
  test("held randomness is released afterwards: the next train-mode forward draws a new mask", () => {
    const dropout = new ToyDropout(0.5, createRng(80), true);
    const x = randn([8, 8], createRng(81), { dtype: "float64" });
    checkLayer(dropout, x);
    const a = dropout.forward(x, "train").data.slice();
    const b = dropout.forward(x, "train").data.slice();
    expect(b).not.toEqual(a);
  });

  test("a loss that computes its gradient in float32 is refused", () => {
    const mse = new ToyMSE();
    const f32 = { forward: (p: Tensor, t: Tensor) => mse.forward(p, t), backward: () => mse.backward().astype("float32"), describe: () => "F32Loss" };
    const p = randn([2, 2], createRng(82), { dtype: "float64" });
    expect(() => checkLoss(f32, p, p)).toThrow("checkLoss: F32Loss returned a float32 dL/dpred for float64 inputs");
  });
});
