import { createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dense, LayerInputError, Sequential } from "../src/index.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

function denseWith(weight: number[][], bias: number[], dtype: "float32" | "float64" = "float64"): Dense {
  const d = new Dense(weight.length, weight[0].length, { dtype });
  d.weight.value.data.set(weight.flat());
  d.bias?.value.data.set(bias);
  return d;
}

describe("Dense", () => {
  it("computes x·W + b (worked by hand)", () => {
    // x = [[1, 2]], W = [[1, 2, 3], [4, 5, 6]], b = [0.5, -1, 0]
    // y = [1·1 + 2·4 + 0.5, 1·2 + 2·5 − 1, 1·3 + 2·6 + 0] = [9.5, 11, 15]
    for (const dtype of ["float32", "float64"] as const) {
      const d = denseWith([[1, 2, 3], [4, 5, 6]], [0.5, -1, 0], dtype);
      const y = d.forward(tensor([[1, 2]], dtype));
      expect(y.dtype).toBe(dtype);
      expect(y.toArray()).toEqual([[9.5, 11, 15]]);
    }
  });

  it("backward: dW = xᵀ·dy, db = Σ dy, dx = dy·Wᵀ (worked by hand)", () => {
    const d = denseWith([[1, 2, 3], [4, 5, 6]], [0, 0, 0]);
    d.forward(tensor([[1, 2], [3, 4]], "float64"));
    const dx = d.backward(tensor([[1, 0, -1], [0, 1, 0]], "float64"));
    // dx row 0 = [1·1 + 0·2 − 1·3, 1·4 + 0·5 − 1·6] = [−2, −2]; row 1 = [2, 5]
    expect(dx.toArray()).toEqual([[-2, -2], [2, 5]]);
    // dW = xᵀ·dy: column j of x against column of dy: [[1·1 + 3·0, 1·0 + 3·1, −1·1 + 0], [2·1, 4, −2]]
    expect(d.weight.grad.toArray()).toEqual([[1, 3, -1], [2, 4, -2]]);
    expect(d.bias?.grad.toArray()).toEqual([1, 1, -1]);
  });

  it("matches central differences in float64", () => {
    const d = new Dense(4, 3, { dtype: "float64", rng: createRng(1) });
    d.bias?.value.data.set([0.1, -0.2, 0.3]);
    const x = randn([5, 4], createRng(2), { dtype: "float64" });
    expect(checkLayerGradients(d, x)).toEqual([]);
    const noBias = new Dense(4, 2, { dtype: "float64", bias: false, rng: createRng(3) });
    expect(noBias.parameters().map((p) => p.name)).toEqual(["weight"]);
    expect(checkLayerGradients(noBias, x)).toEqual([]);
  });

  it("backward twice without zeroGrad doubles the gradient", () => {
    const d = new Dense(3, 2, { dtype: "float64", rng: createRng(4) });
    const x = randn([4, 3], createRng(5), { dtype: "float64" });
    const dy = randn([4, 2], createRng(6), { dtype: "float64" });
    d.forward(x);
    d.backward(dy);
    const once = d.weight.grad.data.slice(), onceB = (d.bias?.grad.data as Float64Array).slice();
    d.backward(dy);
    expect(Array.from(d.weight.grad.data)).toEqual(Array.from(once, (v) => 2 * v));
    expect(Array.from(d.bias?.grad.data ?? [])).toEqual(Array.from(onceB, (v) => 2 * v));
  });


  it("is seeded: same rng seed, same weights; default rng is createRng(0)", () => {
    const a = new Dense(3, 4, { rng: createRng(9) }), b = new Dense(3, 4, { rng: createRng(9) });
    expect(Array.from(a.weight.value.data)).toEqual(Array.from(b.weight.value.data));
    expect(Array.from(new Dense(3, 4).weight.value.data)).toEqual(Array.from(new Dense(3, 4, { rng: createRng(0) }).weight.value.data));
    expect(Array.from(a.bias?.value.data ?? [])).toEqual([0, 0, 0, 0]);
  });

  it("refuses wrong input naming the layer, the expected and the actual shape", () => {
    const d = new Dense(64, 32);
    expect(() => d.forward(randn([16, 63], createRng(1)))).toThrow("Dense(64→32): expected input [n, 64], got [16,63]");
    expect(() => d.forward(randn([16, 64], createRng(1), { dtype: "float64" }))).toThrow(/Dense\(64→32\): expected float32 input, got float64/);
    const model = new Sequential([new Dense(2, 64), new Dense(64, 32), new Dense(63, 1)]);
    let caught: unknown;
    try {
      model.forward(randn([16, 2], createRng(1)));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LayerInputError);
    expect((caught as Error).message).toBe('Dense(63→1) "layers.2": expected input [n, 63], got [16,32]');
    expect(() => new Dense(-3, 2)).toThrow("Dense: inFeatures must be a positive integer, got -3");
    expect(() => new Dense(2, 2, { init: "he" as never })).toThrow(/init must be one of he-normal/);
    expect(() => d.backward(randn([16, 32], createRng(1)))).toThrow(/backward called before forward/);
  });

  it("cast converts the weights and keeps their values", () => {
    const d = new Dense(3, 2, { rng: createRng(2) });
    const c = d.cast("float64");
    expect(c.dtype).toBe("float64");
    expect(Array.from(c.weight.value.data)).toEqual(Array.from(d.weight.value.data));
    expect(c.weight.value).not.toBe(d.weight.value);
  });
});
