// checkModel on real @nn/layers models, and real layers with planted bugs that the check must catch.
import * as nn from "@nn/layers";
import { type TypedArray, createRng, randn, zeros } from "@nn/tensor";
import { describe, expect, test } from "vitest";
import { checkLayer, checkModel } from "../src/index.js";
import { randomizeParameters } from "./layers/random-cases.js";

describe("checkModel on @nn/layers models", () => {
  test("the seed network 2→64→32→1 (ReLU, ReLU, sigmoid) with BinaryCrossEntropyLoss passes on every coordinate", () => {
    const rng = createRng(60);
    const model = new nn.Sequential([
      new nn.Dense(2, 64, { rng }), new nn.ReLU(), new nn.Dense(64, 32, { rng }), new nn.ReLU(), new nn.Dense(32, 1, { rng }), new nn.Sigmoid(),
    ]);
    const x = randn([16, 2], rng);
    const y = zeros([16, 1]);
    for (let i = 0; i < 16; i++) y.data[i] = rng.int(2);
    const report = checkModel(model, new nn.BinaryCrossEntropyLoss(), x, y, { maxCoordinates: Infinity });
    expect(report.passed).toBe(true);
    expect(report.castFrom).toBe("float32");
    expect(report.entries.map((e) => [e.name, e.checked])).toEqual([
      ["input", 32], ["layers.0.weight", 128], ["layers.0.bias", 64], ["layers.2.weight", 2048], ["layers.2.bias", 32], ["layers.4.weight", 32], ["layers.4.bias", 1],
    ]);
    expect(model.dtype).toBe("float32");
  });

  test("a Residual / LayerNorm / GELU model with SoftmaxCrossEntropyLoss passes, in float64 in place", () => {
    const rng = createRng(61);
    const dtype = "float64";
    const model = randomizeParameters(new nn.Sequential([
      new nn.Dense(4, 8, { rng, dtype }),
      new nn.Residual(new nn.Sequential([new nn.LayerNorm(8, { dtype }), new nn.Dense(8, 8, { rng, dtype }), new nn.GELU({ dtype })])),
      new nn.LayerNorm(8, { dtype }),
      new nn.Dense(8, 3, { rng, dtype }),
    ]), rng);
    const before = model.parameters().map((p) => p.value.data.slice());
    const x = randn([6, 4], rng, { dtype });
    const y = zeros([6], dtype);
    for (let i = 0; i < 6; i++) y.data[i] = rng.int(3);
    const report = checkModel(model, new nn.SoftmaxCrossEntropyLoss({ labelSmoothing: 0.1 }), x, y);
    expect(report.passed).toBe(true);
    expect(report.castFrom).toBeNull();
    expect(report.entries.map((e) => e.name)).toContain("layers.1.block.layers.1.weight");
    // Checked in place, and left exactly as found.
    model.parameters().forEach((p, i) => expect(p.value.data).toEqual(before[i]));
  });

  test("BatchNorm's running statistics are restored after a train-mode check of a float64 model", () => {
    const rng = createRng(62);
    const bn = new nn.BatchNorm1d(3, { dtype: "float64" });
    const model = new nn.Sequential([new nn.Dense(2, 3, { rng, dtype: "float64" }), bn, new nn.Dropout(0.5, { rng, dtype: "float64" })]);
    const before = bn.buffers().map((b) => b.value.data.slice());
    const report = checkModel(model, new nn.MSELoss(), randn([5, 2], rng, { dtype: "float64" }), randn([5, 3], rng, { dtype: "float64" }), { mode: "train" });
    expect(report.passed).toBe(true);
    bn.buffers().forEach((b, i) => expect(b.value.data).toEqual(before[i]));
  });
});

/** Dense whose weight gradient is written as if W were [out, in] (a transpose bug), or scaled. */
class BrokenDense extends nn.Dense {
  constructor(inF: number, outF: number, private readonly bug: "transposed" | "doubled") {
    super(inF, outF, { rng: createRng(63), dtype: "float64" });
  }
  override backward(dy: Parameters<nn.Dense["backward"]>[0]) {
    const g = this.weight.grad.data;
    const before = g.slice();
    const dx = super.backward(dy);
    const delta = g.map((v, i) => v - before[i]);
    const I = this.inFeatures, O = this.outFeatures;
    for (let i = 0; i < I; i++) {
      for (let o = 0; o < O; o++) {
        if (this.bug === "transposed") g[o * I + i] = before[o * I + i] + delta[i * O + o];
        else g[i * O + o] = before[i * O + o] + 2 * delta[i * O + o];
      }
    }
    return dx;
  }
}

/** Sigmoid whose derivative is computed from the input, x(1 − x), instead of the output y(1 − y). */
class BrokenSigmoid extends nn.Sigmoid {
  protected override gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    for (let i = 0; i < x.length; i++) dx[i] = dy[i] * x[i] * (1 - x[i]);
  }
}

describe("real layers with planted bugs fail the check", () => {
  const rng = createRng(64);
  const x = randn([4, 3], rng, { dtype: "float64" });

  test.each(["transposed", "doubled"] as const)("Dense(3→5) with a %s weight gradient fails on weight only", (bug) => {
    const report = checkLayer(new BrokenDense(3, 5, bug), x);
    expect(report.entries.map((e) => [e.name, e.passed])).toEqual([["input", true], ["weight", false], ["bias", true]]);
  });

  test("Sigmoid with the derivative taken from the input fails", () => {
    const report = checkLayer(new BrokenSigmoid({ dtype: "float64" }), x);
    expect(report.passed).toBe(false);
    expect(report.entries[0].failures).toBe(12);
  });

  test("the same bugs hidden inside a model are found and named", () => {
    const model = new nn.Sequential([new nn.Dense(3, 4, { rng, dtype: "float64" }), new BrokenSigmoid({ dtype: "float64" }), new BrokenDense(4, 5, "doubled")]);
    const report = checkModel(model, new nn.MSELoss(), x, randn([4, 5], rng, { dtype: "float64" }));
    expect(report.entries.filter((e) => !e.passed).map((e) => e.name)).toEqual(["input", "layers.0.weight", "layers.0.bias", "layers.2.weight"]);
  });
});
