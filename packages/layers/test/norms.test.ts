import { createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, LayerNorm } from "../src/index.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

describe("BatchNorm1d", () => {
  it("training normalises by batch statistics and updates running ones with momentum 0.1 (worked by hand)", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    // column 0: [1, 3] → mean 2, biased var 1, unbiased var 2
    // column 1: [4, 4] → mean 4, var 0
    const y = bn.forward(tensor([[1, 4], [3, 4]], "float64"));
    const s = 1 / Math.sqrt(1 + 1e-5);
    expect(y.data[0]).toBeCloseTo(-s, 15);
    expect(y.data[2]).toBeCloseTo(s, 15);
    expect(y.data[1]).toBe(0);
    // running_mean = 0.9·0 + 0.1·mean; running_var = 0.9·1 + 0.1·unbiased var
    expect(bn.runningMean.value.data[0]).toBeCloseTo(0.2, 15);
    expect(bn.runningMean.value.data[1]).toBeCloseTo(0.4, 15);
    expect(bn.runningVar.value.data[0]).toBeCloseTo(1.1, 15);
    expect(bn.runningVar.value.data[1]).toBeCloseTo(0.9, 15);
    expect(bn.numBatchesTracked.value.data[0]).toBe(1);
  });

  it("eval uses the running statistics and leaves them alone", () => {
    const bn = new BatchNorm1d(1, { dtype: "float64" });
    bn.forward(tensor([[1], [3]], "float64"));
    bn.weight.value.data[0] = 2;
    bn.bias.value.data[0] = 0.5;
    // running mean 0.2, running var 1.1: y = 2·(2 − 0.2)/√(1.1 + 1e−5) + 0.5
    const y = bn.forward(tensor([[2]], "float64"), "eval");
    expect(y.data[0]).toBeCloseTo((2 * 1.8) / Math.sqrt(1.1 + 1e-5) + 0.5, 14);
    expect(bn.runningMean.value.data[0]).toBeCloseTo(0.2, 15);
    expect(bn.numBatchesTracked.value.data[0]).toBe(1);
  });

  it("matches central differences in train and eval mode", () => {
    const bn = new BatchNorm1d(3, { dtype: "float64" });
    bn.weight.value.data.set([1.5, -0.7, 0.3]);
    bn.bias.value.data.set([0.1, 0.2, -0.3]);
    bn.runningMean.value.data.set([0.5, -0.5, 0]);
    bn.runningVar.value.data.set([2, 0.5, 1]);
    const x = randn([5, 3], createRng(1), { dtype: "float64" });
    expect(checkLayerGradients(bn, x, { mode: "train" })).toEqual([]);
    expect(checkLayerGradients(bn, x, { mode: "eval" })).toEqual([]);
  });

  it("refuses one-row batches in training (no variance) and bad options", () => {
    const bn = new BatchNorm1d(2);
    expect(() => bn.forward(tensor([[1, 2]]))).toThrow(/BatchNorm1d\(2\): training needs more than 1 row per batch/);
    expect(bn.forward(tensor([[1, 2]]), "eval").shape).toEqual([1, 2]);
    expect(() => bn.forward(tensor([[1, 2, 3]]))).toThrow("BatchNorm1d(2): expected input [n, 2], got [1,3]");
    expect(() => new BatchNorm1d(2, { momentum: 2 })).toThrow("BatchNorm1d: momentum must be in [0, 1], got 2");
    expect(() => new BatchNorm1d(2, { eps: 0 })).toThrow("BatchNorm1d: eps must be a finite number > 0, got 0");
  });
});

describe("LayerNorm", () => {
  it("normalises each row by its own statistics (worked by hand)", () => {
    const ln = new LayerNorm(3, { dtype: "float64" });
    // row [1, 2, 3]: mean 2, biased var 2/3
    const y = ln.forward(tensor([[1, 2, 3], [10, 10, 10]], "float64"));
    const s = 1 / Math.sqrt(2 / 3 + 1e-5);
    expect(y.data[0]).toBeCloseTo(-s, 14);
    expect(y.data[1]).toBe(0);
    expect(y.data[2]).toBeCloseTo(s, 14);
    expect(Array.from(y.data.slice(3))).toEqual([0, 0, 0]);
    // the same in eval mode
    expect(ln.forward(tensor([[1, 2, 3]], "float64"), "eval").data[2]).toBeCloseTo(s, 14);
  });

  it("matches central differences, on rank-2 and rank-3 input", () => {
    const ln = new LayerNorm(4, { dtype: "float64" });
    ln.weight.value.data.set([1.2, -0.5, 0.8, 2]);
    ln.bias.value.data.set([0.1, 0, -0.2, 0.3]);
    expect(checkLayerGradients(ln, randn([3, 4], createRng(2), { dtype: "float64" }))).toEqual([]);
    expect(checkLayerGradients(ln, randn([2, 3, 4], createRng(3), { dtype: "float64" }))).toEqual([]);
  });

  it("refuses a last axis of the wrong size", () => {
    expect(() => new LayerNorm(4).forward(tensor([[1, 2, 3]]))).toThrow("LayerNorm(4): expected input [..., 4], got [1,3]");
  });
});
