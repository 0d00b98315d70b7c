import { type DType, type Tensor, createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { ELU, GELU, type Layer, LeakyReLU, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh } from "../src/index.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

const LN2 = Math.log(2), LN3 = Math.log(3);

function values(t: Tensor): number[] {
  return Array.from(t.data);
}

/** Random float64 input [4, 5] pushed at least `gap` away from `kinks`, where the derivative jumps. */
function awayFromKinks(seed: number, kinks: number[] = [], gap = 0.05, scale = 2): Tensor {
  const x = randn([4, 5], createRng(seed), { std: scale, dtype: "float64" });
  for (let i = 0; i < x.size; i++) {
    for (const k of kinks) if (Math.abs(x.data[i] - k) < gap) x.data[i] = k + (x.data[i] >= k ? gap : -gap);
  }
  return x;
}

describe("activations: forward values worked by hand", () => {
  it("ReLU zeroes negatives (and 0 maps to 0)", () => {
    expect(values(new ReLU().forward(tensor([-2, -0.5, 0, 1.5])))).toEqual([0, 0, 0, 1.5]);
  });

  it("LeakyReLU scales negatives by alpha (default 0.01)", () => {
    expect(values(new LeakyReLU({ alpha: 0.1, dtype: "float64" }).forward(tensor([-2, 3], "float64")))).toEqual([-0.2, 3]);
    expect(new LeakyReLU().alpha).toBe(0.01);
  });

  it("Sigmoid: σ(0) = 1/2, σ(±ln 3) = 3/4 and 1/4, saturates without NaN", () => {
    const y = values(new Sigmoid({ dtype: "float64" }).forward(tensor([0, LN3, -LN3, 800, -800], "float64")));
    expect(y[0]).toBe(0.5);
    expect(y[1]).toBeCloseTo(0.75, 15);
    expect(y[2]).toBeCloseTo(0.25, 15);
    expect(y.slice(3)).toEqual([1, 0]);
  });

  it("Tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 0.6", () => {
    expect(new Tanh({ dtype: "float64" }).forward(tensor([LN2], "float64")).data[0]).toBeCloseTo(0.6, 15);
  });

  it("ELU(ln 1/2) = alpha·(1/2 − 1)", () => {
    expect(new ELU({ dtype: "float64" }).forward(tensor([Math.log(0.5), 2], "float64")).toArray()).toEqual([-0.5, 2]);
    expect(new ELU({ alpha: 2, dtype: "float64" }).forward(tensor([Math.log(0.5)], "float64")).data[0]).toBeCloseTo(-1, 15);
  });

  it("SiLU(ln 3) = ln 3 · 3/4", () => {
    expect(new SiLU({ dtype: "float64" }).forward(tensor([LN3], "float64")).data[0]).toBeCloseTo(LN3 * 0.75, 15);
  });

  it("Softplus(ln 3) = ln 4; identity above the threshold 20; beta sharpens", () => {
    const sp = new Softplus({ dtype: "float64" });
    const y = values(sp.forward(tensor([LN3, 25, -800], "float64")));
    expect(y[0]).toBeCloseTo(Math.log(4), 15);
    expect(y[1]).toBe(25);
    expect(y[2]).toBe(0);
    expect(new Softplus({ beta: 2, dtype: "float64" }).forward(tensor([LN3 / 2], "float64")).data[0]).toBeCloseTo(Math.log(4) / 2, 15);
  });

  it("GELU exact: x·Φ(x) against mpmath's normal CDF; tanh form against its formula", () => {
    // x·ncdf(x) from mpmath 1.3.0 at 200 bits.
    const exact = values(new GELU({ dtype: "float64" }).forward(tensor([1, -1, 0.5, -3, 2.5, -8, 0], "float64")));
    const expected = [0.8413447460685429, -0.15865525393145705, 0.34573123063700656, -0.0040496940948902835, 2.4844758366855597, -4.976768459417427e-15, 0];
    exact.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(expected[i])));
    // 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))) from mpmath at 200 bits.
    const approx = values(new GELU({ approximate: "tanh", dtype: "float64" }).forward(tensor([1, -1, 0.5, -3, 2.5], "float64")));
    const expectedTanh = [0.8411919906082767, -0.1588080093917233, 0.34571400982514394, -0.003637392081773019, 2.484915733910001];
    approx.forEach((v, i) => expect(v).toBeCloseTo(expectedTanh[i], 14));
  });

  it("Softmax([0, ln 2, ln 5]) = [1, 2, 5]/8, row by row, stable for huge logits", () => {
    const y = new Softmax({ dtype: "float64" }).forward(tensor([[0, LN2, Math.log(5)], [1000, 1000, 1000]], "float64"));
    const v = values(y);
    [0.125, 0.25, 0.625].forEach((e, i) => expect(v[i]).toBeCloseTo(e, 15));
    v.slice(3).forEach((p) => expect(p).toBeCloseTo(1 / 3, 15));
  });
});

const cases: [string, () => Layer, number[]][] = [
  ["ReLU", () => new ReLU({ dtype: "float64" }), [0]],
  ["LeakyReLU", () => new LeakyReLU({ alpha: 0.2, dtype: "float64" }), [0]],
  ["Sigmoid", () => new Sigmoid({ dtype: "float64" }), []],
  ["Tanh", () => new Tanh({ dtype: "float64" }), []],
  ["GELU", () => new GELU({ dtype: "float64" }), []],
  ["GELU tanh", () => new GELU({ approximate: "tanh", dtype: "float64" }), []],
  ["ELU", () => new ELU({ alpha: 1.5, dtype: "float64" }), [0]],
  ["SiLU", () => new SiLU({ dtype: "float64" }), []],
  ["Softplus", () => new Softplus({ dtype: "float64" }), []],
  ["Softplus beta 2 threshold 3", () => new Softplus({ beta: 2, threshold: 3, dtype: "float64" }), [1.5]],
  ["Softmax", () => new Softmax({ dtype: "float64" }), []],
];

describe("activations: backward against central differences (float64)", () => {
  it.each(cases)("%s", (_name, make, kinks) => {
    for (const seed of [1, 2]) expect(checkLayerGradients(make(), awayFromKinks(seed, kinks))).toEqual([]);
  });
});

describe("activations: dtypes and errors", () => {
  it.each(cases)("%s has no dtype of its own: one instance computes in float32 and float64, as its input", (_name, make) => {
    const layer = make(); // built with the deprecated { dtype: "float64" }, which is ignored
    expect(layer.dtype).toBeUndefined();
    const x64 = awayFromKinks(3);
    const y32 = layer.forward(x64.astype("float32"));
    expect(y32.dtype).toBe("float32");
    const y64 = layer.forward(x64);
    expect(y64.dtype).toBe("float64");
    for (let i = 0; i < y64.size; i++) expect(y32.data[i]).toBeCloseTo(y64.data[i], 5);
    expect(layer.backward(randn(x64.shape, createRng(4), { dtype: "float64" })).dtype).toBe("float64");
    expect(layer.cast("float32").dtype).toBeUndefined();
  });

  it("rejects bad options naming the option and the range", () => {
    expect(() => new GELU({ approximate: "erf" as never })).toThrow("GELU: approximate must be 'none' or 'tanh', got \"erf\"");
    expect(() => new Softplus({ beta: 0 })).toThrow("Softplus: beta must be a finite number > 0, got 0");
    expect(() => new LeakyReLU(NaN)).toThrow(/LeakyReLU: alpha must be a finite number, got NaN/);
    expect(() => new ReLU({ dtype: "int8" as DType })).toThrow(/dtype must be 'float32' or 'float64'/);
  });

  it("refuses a gradient of the wrong shape, naming the layer", () => {
    const relu = new ReLU();
    relu.forward(tensor([[1, 2]]));
    expect(() => relu.backward(tensor([[1, 2, 3]]))).toThrow("ReLU: expected gradient [1,2] (the shape of the last output), got [1,3]");
  });
});
