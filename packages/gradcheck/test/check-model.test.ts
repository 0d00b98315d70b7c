import { createRng, randn } from "@nn/tensor";
import { describe, expect, test } from "vitest";
import { checkModel } from "../src/index.js";
import { ToyDense, ToyDropout, ToyMSE, ToySequential, toySigmoid, toyTanh } from "./toys.js";

function net(bug: "none" | "double-weight-grad" = "none", dropout = false) {
  const rng = createRng(50);
  return new ToySequential([
    new ToyDense(4, 6, rng), toyTanh(), ...(dropout ? [new ToyDropout(0.3, rng, true)] : []),
    new ToyDense(6, 3, rng, "float64", bug), toySigmoid(),
  ]);
}
const rng = createRng(51);
const x = randn([5, 4], rng, { dtype: "float64" });
const y = randn([5, 3], rng, { dtype: "float64" });

describe("checkModel", () => {
  test("a correct model and loss pass on the input and every parameter", () => {
    const report = checkModel(net(), new ToyMSE(), x, y);
    expect(report.passed).toBe(true);
    expect(report.entries.map((e) => e.name)).toEqual(["input", "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"]);
  });

  test("a doubled weight gradient deep in the model fails on that parameter only", () => {
    const report = checkModel(net("double-weight-grad"), new ToyMSE(), x, y);
    expect(report.entries.filter((e) => !e.passed).map((e) => e.name)).toEqual(["layers.2.weight"]);
  });

  test("a wrong loss gradient fails everything upstream", () => {
    const report = checkModel(net(), new ToyMSE(3), x, y);
    expect(report.entries.every((e) => !e.passed)).toBe(true);
  });

  test("a model with dropout is checked in train mode with its mask held", () => {
    const report = checkModel(net("none", true), new ToyMSE(), x, y, { mode: "train" });
    expect(report.passed).toBe(true);
    expect(report.mode).toBe("train");
  });

  test("checkInput: false checks parameters only", () => {
    expect(checkModel(net(), new ToyMSE(), x, y, { checkInput: false }).entries[0].name).toBe("layers.0.weight");
  });

  test("a non-loss is refused", () => {
    expect(() => checkModel(net(), {} as ToyMSE, x, y)).toThrow("checkModel: expected a loss with forward(pred, target) and backward(), got object");
  });
});
