import { Tensor, createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, test } from "vitest";
import { GradcheckError, checkLayer } from "../src/index.js";
import { type DenseBug, ToyDense, ToyDropout, toyReLU, toySigmoid } from "./toys.js";

const x64 = (seed: number, shape: number[]): Tensor => randn(shape, createRng(seed), { dtype: "float64" });

describe("checkLayer on correct layers", () => {
  test.each([
    ["float64 with bias", "float64", true],
    ["float64 without bias", "float64", false],
    ["float32 with bias (checked via cast)", "float32", true],
  ] as const)("Dense %s passes, every coordinate checked", (_label, dtype, bias) => {
    const layer = new ToyDense(3, 5, createRng(1), dtype, "none", bias);
    const report = checkLayer(layer, x64(2, [4, 3]));
    expect(report.passed).toBe(true);
    expect(report.entries.map((e) => e.name)).toEqual(bias ? ["input", "weight", "bias"] : ["input", "weight"]);
    expect(report.entries.map((e) => [e.checked, e.total])).toEqual(bias ? [[12, 12], [15, 15], [5, 5]] : [[12, 12], [15, 15]]);
    expect(report.kinkCount).toBe(0);
    expect(report.checkedDType).toBe("float64");
    expect(report.castFrom).toBe(dtype === "float32" ? "float32" : null);
    // A correct float64 backward agrees with central differences far inside atol.
    for (const e of report.entries) expect(e.maxAbsError).toBeLessThan(1e-8);
  });

  test("sigmoid whose derivative uses the output passes", () => {
    expect(checkLayer(toySigmoid(), x64(3, [5, 4])).passed).toBe(true);
  });

  test("checking a float64 layer in place leaves values and gradients exactly as they were", () => {
    const layer = new ToyDense(3, 4, createRng(5));
    layer.weight.grad.data.fill(0.25);
    const before = [layer.weight.value.data.slice(), layer.bias!.value.data.slice()];
    checkLayer(layer, x64(6, [2, 3]));
    expect(layer.weight.value.data).toEqual(before[0]);
    expect(layer.bias!.value.data).toEqual(before[1]);
    expect(Array.from(layer.weight.grad.data)).toEqual(new Array(12).fill(0.25));
  });

  test("a float32 layer is checked on a copy: the original keeps its values and dtype", () => {
    const layer = new ToyDense(2, 3, createRng(7), "float32");
    const before = layer.weight.value.data.slice();
    const report = checkLayer(layer, randn([4, 2], createRng(8)));
    expect(report.castFrom).toBe("float32");
    expect(report.notes.join("\n")).toMatch(/float64 copy made by cast\('float64'\)/);
    expect(layer.weight.value.dtype).toBe("float32");
    expect(layer.weight.value.data).toEqual(before);
  });

  test("same seed, same report; the seed changes r and so the numbers", () => {
    const layer = new ToyDense(3, 2, createRng(9));
    const x = x64(10, [3, 3]);
    expect(checkLayer(layer, x, { seed: 4 })).toEqual(checkLayer(layer, x, { seed: 4 }));
    expect(checkLayer(layer, x, { seed: 5 }).entries[1].analytic).not.toBe(checkLayer(layer, x, { seed: 4 }).entries[1].analytic);
  });
});

describe("checkLayer catches broken backward passes", () => {
  test.each([
    ["transposed-weight-grad", "weight"],
    ["double-weight-grad", "weight"],
    ["double-bias-grad", "bias"],
    ["double-input-grad", "input"],
  ] as const)("Dense with %s fails on %s only", (bug: DenseBug, culprit) => {
    // 3×5 weight: non-square, so a transposed gradient lands on the wrong coordinates.
    const report = checkLayer(new ToyDense(3, 5, createRng(11), "float64", bug), x64(12, [4, 3]));
    expect(report.passed).toBe(false);
    for (const e of report.entries) expect(e.passed, e.name).toBe(e.name !== culprit);
    const bad = report.entries.find((e) => e.name === culprit)!;
    expect(bad.failures).toBeGreaterThan(0);
    expect(bad.maxRelError).toBeGreaterThan(0.1);
    expect(bad.worstIndex).not.toBeNull();
    if (bug.startsWith("double")) {
      // |2n − n| / |2n| = 1/2 at every coordinate of a doubled gradient.
      expect(bad.maxRelError).toBeCloseTo(0.5, 6);
      expect(bad.analytic / bad.numeric).toBeCloseTo(2, 6);
    }
  });

  test("the transpose bug is caught in float32 too (via the float64 copy)", () => {
    const report = checkLayer(new ToyDense(4, 2, createRng(13), "float32", "transposed-weight-grad"), randn([3, 4], createRng(14)));
    expect(report.castFrom).toBe("float32");
    expect(report.entries.find((e) => e.name === "weight")!.passed).toBe(false);
  });

  test("sigmoid whose derivative uses the input instead of the output fails", () => {
    const report = checkLayer(toySigmoid("derivative-from-input"), x64(15, [5, 4]));
    expect(report.passed).toBe(false);
    expect(report.entries[0].failures).toBe(20);
  });

  test("a sampled check still catches a doubled gradient and reports how much it checked", () => {
    const report = checkLayer(new ToyDense(8, 6, createRng(16), "float64", "double-weight-grad"), x64(17, [4, 8]), { maxCoordinates: 7 });
    const weight = report.entries.find((e) => e.name === "weight")!;
    expect([weight.checked, weight.total]).toEqual([7, 48]);
    expect(weight.passed).toBe(false);
    expect(report.notes).toContain("weight: 7 of 48 coordinates checked (seeded sample, maxCoordinates 7)");
    expect(report.entries.find((e) => e.name === "bias")!.checked).toBe(6);
  });
});

describe("kinks", () => {
  // Inputs exactly at ReLU's kink (0) and within h of it (|x| < h = 1e-6).
  const atKink = (): Tensor => tensor([[0, 1.5, -0.5], [0, 4e-7, -2.5e-7], [0.3, -0.7, 2]], "float64");

  test("ReLU checked at inputs exactly at 0 reports kinks there, and passes", () => {
    const report = checkLayer(toyReLU(), atKink());
    expect(report.passed).toBe(true);
    const kinks = report.entries[0].kinks.map((k) => k.index);
    expect(kinks).toEqual([[0, 0], [1, 0], [1, 1], [1, 2]]);
    expect(report.entries[0].checked).toBe(9);
    for (const k of report.entries[0].kinks) {
      // The analytic value is one of the one-sided slopes (0 on the left, r on the right).
      expect(Math.min(Math.abs(k.analytic - k.leftSlope), Math.abs(k.analytic - k.rightSlope))).toBeLessThan(1e-6);
      expect(Math.abs(k.rightSlope - k.leftSlope)).toBeGreaterThan(1e-3);
    }
  });

  test("a kink does not excuse a wrong slope: ReLU with slope 2 fails even at 0", () => {
    const report = checkLayer(toyReLU(2), atKink());
    expect(report.passed).toBe(false);
    // Every x > 0 fails (1.5, 0.3, 2 and 4e-7, where 2r lies outside both one-sided slopes); x = 0
    // and x < 0 have analytic 0, which is a true left slope, so they stay kinks or passes.
    expect(report.entries[0].failures).toBe(4);
  });

  test("smooth layers report no kinks", () => {
    expect(checkLayer(toySigmoid(), atKink()).kinkCount).toBe(0);
  });
});

describe("randomness", () => {
  const x = x64(20, [6, 5]);

  test("Dropout in train mode passes because its mask is held", () => {
    const report = checkLayer(new ToyDropout(0.5, createRng(21), true), x, { mode: "train" });
    expect(report.passed).toBe(true);
    // Half the units are dropped: their derivative is 0 analytically and numerically.
    expect(report.entries[0].maxAbsError).toBeLessThan(1e-8);
  });

  test("without holdRandomness the check refuses, naming the fix", () => {
    expect(() => checkLayer(new ToyDropout(0.5, createRng(22), false), x, { mode: "train" })).toThrow(GradcheckError);
    expect(() => checkLayer(new ToyDropout(0.5, createRng(22), false), x, { mode: "train" })).toThrow(/holdRandomness\(hold\).*mode: 'eval'/);
  });

  test("in eval mode dropout is the identity and needs no holding", () => {
    expect(checkLayer(new ToyDropout(0.5, createRng(23), false), x, { mode: "eval" }).passed).toBe(true);
  });
});

describe("bad input", () => {
  test("a float32 layer without cast is refused with its name", () => {
    const layer = new ToyDense(2, 2, createRng(30), "float32");
    const noCast = { forward: (t: Tensor) => layer.forward(t), backward: (t: Tensor) => layer.backward(t), parameters: () => layer.parameters(), dtype: "float32" as const, describe: () => "MyLayer(2→2)" };
    expect(() => checkLayer(noCast, x64(31, [2, 2]))).toThrow(/MyLayer\(2→2\) is float32 and has no cast\(dtype\) method/);
  });

  test("a layer that computes in float32 whatever it is given is refused", () => {
    const f32 = { forward: (t: Tensor) => t.astype("float32"), backward: (t: Tensor) => t, parameters: () => [] };
    expect(() => checkLayer(f32, x64(32, [2, 2]))).toThrow(/returned a float32 forward output for float64 inputs/);
  });

  test("a dL/dx of the wrong shape is named", () => {
    const wrong = { forward: (t: Tensor) => t.clone(), backward: (t: Tensor) => t.reshape([-1]), parameters: () => [] };
    expect(() => checkLayer(wrong, x64(33, [2, 3]))).toThrow(/dL\/dx of shape \[6\], expected \[2, 3\]/);
  });

  test.each([
    [{ step: 0 }, "options.step must be a number in (0, 1), got 0"],
    [{ rtol: -1 }, "options.rtol must be a finite number ≥ 0, got -1"],
    [{ maxCoordinates: 0 }, "options.maxCoordinates must be an integer ≥ 1 or Infinity, got 0"],
    [{ seed: 1.5 }, "options.seed must be a non-negative safe integer, got 1.5"],
    // unknown-option-keys-refused: a misspelled tolerance used to be ignored, leaving the default.
    [{ rtoll: 1e-3 }, 'unknown option "rtoll" (did you mean "rtol"?)'],
  ])("option %o is refused", (opts, message) => {
    expect(() => checkLayer(toySigmoid(), x64(34, [2, 2]), opts as never)).toThrow(`checkLayer: ${message}`);
  });

  test("a non-tensor input is refused", () => {
    expect(() => checkLayer(toySigmoid(), [[1, 2]] as unknown as Tensor)).toThrow("checkLayer: x must be a Tensor, got object");
  });
});
