import { type Tensor, createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, Dense, Dropout, LayerInputError, LayerNorm, ReLU, Residual, Sequential, Sigmoid, Softmax, Tanh } from "../src/index.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

describe("Sequential", () => {
  it("prefixes parameter and buffer names like a PyTorch state dict", () => {
    const model = new Sequential([new Dense(2, 3), new ReLU(), new BatchNorm1d(3), new Residual(new Sequential([new Dense(3, 3), new Tanh()]))]);
    expect(model.parameters().map((p) => p.name)).toEqual([
      "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "layers.3.block.layers.0.weight", "layers.3.block.layers.0.bias",
    ]);
    expect(model.buffers().map((b) => b.name)).toEqual(["layers.2.running_mean", "layers.2.running_var", "layers.2.num_batches_tracked"]);
    // the prefixed parameter is a view of the child's: same tensors
    expect(model.parameters()[0].value).toBe((model.layers[0] as Dense).weight.value);
  });

  it("composes forward and backward (worked by hand: Dense → ReLU → Dense)", () => {
    const a = new Dense(1, 2, { dtype: "float64" }), b = new Dense(2, 1, { dtype: "float64" });
    a.weight.value.data.set([1, -1]);
    b.weight.value.data.set([2, 3]);
    const model = new Sequential([a, new ReLU({ dtype: "float64" }), b]);
    // x = 2: hidden = relu([2, −2]) = [2, 0]; y = 2·2 + 3·0 = 4
    expect(model.forward(tensor([[2]], "float64")).toArray()).toEqual([[4]]);
    // dy = 1: d hidden = [2, 3] masked by relu → [2, 0]; dx = 2·1 + 0·(−1) = 2
    expect(model.backward(tensor([[1]], "float64")).toArray()).toEqual([[2]]);
    expect(b.weight.grad.toArray()).toEqual([[2], [0]]);
    expect(a.weight.grad.toArray()).toEqual([[4, 0]]);
    model.zeroGrad();
    expect(Array.from(a.weight.grad.data)).toEqual([0, 0]);
  });

  it("matches central differences for a deep mixed model in train and eval mode", () => {
    const rng = createRng(3);
    const model = new Sequential([
      new Dense(3, 4, { dtype: "float64", rng }),
      new LayerNorm(4, { dtype: "float64" }),
      new Tanh({ dtype: "float64" }),
      new Residual(new Sequential([new Dense(4, 4, { dtype: "float64", rng }), new Tanh({ dtype: "float64" })])),
      new Dropout({ p: 0.3, dtype: "float64", rng: createRng(5) }),
      new BatchNorm1d(4, { dtype: "float64" }),
      new Dense(4, 2, { dtype: "float64", rng }),
    ]);
    const x = randn([6, 3], createRng(4), { dtype: "float64" });
    expect(checkLayerGradients(model, x, { mode: "train" })).toEqual([]);
    expect(checkLayerGradients(model, x, { mode: "eval" })).toEqual([]);
  });

  it("refuses a mode other than train or eval", () => {
    expect(() => new Sequential([new Dense(2, 2)]).forward(randn([1, 2], createRng(1)), "Train" as never)).toThrow(
      "Sequential(1 layer): mode must be 'train' or 'eval', got \"Train\"",
    );
  });

  it("refuses mixed parameter dtypes, showing the fix in code, and empty layer lists", () => {
    expect(() => new Sequential([new Dense(2, 2, { dtype: "float64" }), new ReLU(), new Dense(2, 1)])).toThrow(
      'Sequential: layers[2] Dense(2→1) holds float32 parameters but layers[0] Dense(2→2) holds float64; build both in one dtype ({ dtype: "float64" }), ' +
        'or convert the odd one out: layers[2].cast("float64") returns a converted copy. A whole model converts with model = model.cast("float64") (a copy; the original is unchanged).',
    );
    expect(() => new Sequential([])).toThrow("Sequential: expected a non-empty array of layers");
  });

  it("takes bare activations, Dropout and Softmax in a float64 model (they follow their input)", () => {
    const layers = [new Dense(2, 3, { dtype: "float64", rng: createRng(1) }), new ReLU(), new Dropout({ p: 0.5 }), new Dense(3, 2, { dtype: "float64" }), new Softmax()];
    const model = new Sequential(layers);
    expect(model.dtype).toBe("float64");
    const y = model.forward(randn([4, 2], createRng(2), { dtype: "float64" }));
    expect(y.dtype).toBe("float64");
    // the legacy { dtype } option on a parameterless layer is accepted and ignored
    expect(new Sequential([new Dense(2, 2, { dtype: "float64" }), new ReLU({ dtype: "float32" })]).dtype).toBe("float64");
    // a model without parameters has no dtype and follows its input
    const activations = new Sequential([new Tanh(), new Sigmoid()]);
    expect(activations.dtype).toBeUndefined();
    expect(activations.forward(tensor([[0]], "float64")).dtype).toBe("float64");
  });

  it("honours a subclass that overrides forward or backward of a built-in layer", () => {
    class Doubled extends ReLU {
      override forward(x: Tensor, mode?: "train" | "eval"): Tensor {
        const y = super.forward(x, mode);
        for (let i = 0; i < y.size; i++) y.data[i] *= 2;
        return y;
      }
      override backward(dy: Tensor): Tensor {
        const dx = super.backward(dy);
        for (let i = 0; i < dx.size; i++) dx.data[i] *= 2;
        return dx;
      }
    }
    const model = new Sequential([new Doubled()]);
    expect(Array.from(model.forward(tensor([[-1, 3]])).data)).toEqual([0, 6]);
    expect(Array.from(model.backward(tensor([[5, 5]])).data)).toEqual([0, 10]);
  });

  it("refuses input of the other dtype, showing both fixes in code", () => {
    const model = new Sequential([new Dense(2, 1)]);
    expect(() => model.forward(tensor([[1, 2]], "float64"))).toThrow(
      'Sequential(1 layer): expected float32 input, got float64: convert the input with x.astype("float32"), or the model with model = model.cast("float64") (cast returns a converted copy)',
    );
  });

  it("cast gives an independent model in the other dtype with the same values", () => {
    const model = new Sequential([new Dense(2, 2, { rng: createRng(1) }), new BatchNorm1d(2)]);
    const copy = model.cast("float64");
    expect(copy.dtype).toBe("float64");
    copy.parameters().forEach((p, i) => expect(Array.from(p.value.data)).toEqual(Array.from(model.parameters()[i].value.data)));
    copy.parameters()[0].value.data[0] = 123;
    expect(model.parameters()[0].value.data[0]).not.toBe(123);
  });
});

describe("Residual", () => {
  it("adds the input to the block's output (worked by hand)", () => {
    const d = new Dense(2, 2, { dtype: "float64" });
    d.weight.value.data.set([1, 2, 3, 4]);
    const r = new Residual(d);
    // x = [1, 1]: block = [1 + 3, 2 + 4] = [4, 6]; y = [5, 7]
    expect(r.forward(tensor([[1, 1]], "float64")).toArray()).toEqual([[5, 7]]);
    // dx = dy + dy·Wᵀ: dy = [1, 0] → [1, 0] + [1, 3] = [2, 3]
    expect(r.backward(tensor([[1, 0]], "float64")).toArray()).toEqual([[2, 3]]);
  });

  it("refuses a block that changes the shape, and locates nested errors", () => {
    const r = new Residual(new Dense(2, 3));
    expect(() => r.forward(randn([4, 2], createRng(1)))).toThrow("Residual(Dense(2→3)): block maps input [4,2] to [4,3]; a residual block must keep the shape");
    const model = new Sequential([new Residual(new Sequential([new ReLU(), new Dense(3, 3)]))]);
    let caught: unknown;
    try {
      model.forward(randn([4, 2], createRng(1)));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LayerInputError);
    expect((caught as Error).message).toBe('Dense(3→3) "layers.0.block.layers.1": expected input [n, 3], got [4,2]');
  });
});

describe("summary", () => {
  it("lists each layer with its output shape and parameter count, and the total", () => {
    const model = new Sequential([new Dense(2, 16), new ReLU(), new BatchNorm1d(16), new Dense(16, 1)]);
    const data = model.summaryData();
    // Dense(2→16): 2·16 + 16 = 48; BatchNorm1d(16): γ and β = 32; Dense(16→1): 16 + 1 = 17
    expect(data.rows.map((r) => [r.layer, r.outputShape, r.params])).toEqual([
      ["Dense(2→16)", "[n, 16]", 48], ["ReLU", "[n, 16]", 0], ["BatchNorm1d(16)", "[n, 16]", 32], ["Dense(16→1)", "[n, 1]", 17],
    ]);
    expect(data.totalParams).toBe(97);
    expect(data.bufferValues).toBe(33); // running mean and var (16 each) + the batch counter
    const text = model.summary();
    expect(text).toContain("Total params: 97");
    expect(text.split("\n")[2]).toMatch(/^layers\.0\s+Dense\(2→16\)\s+\[n, 16\]\s+48$/);
    expect(new Sequential([new ReLU(), new Dense(3, 2)]).summaryData().rows[0].outputShape).toBe("[n, ?]");
    expect(new Sequential([new ReLU(), new Dense(3, 2)]).summaryData(3).rows[0].outputShape).toBe("[n, 3]");
    expect(() => model.summary(5)).toThrow('Dense(2→16) "layers.0": expected input [n, 2], got [n, 5]');
  });
});
