import { createRng, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, Dense, Dropout, LayerInputError, ReLU, Sequential } from "../src/index.js";

/** Dense(2→2) with W = [[1, 2], [3, 4]] and b = [0.5, -0.5], worked by hand below. */
function handModel(dtype: "float32" | "float64" = "float32"): Sequential {
  const dense = new Dense(2, 2, { dtype });
  dense.weight.value.data.set([1, 2, 3, 4]);
  dense.bias?.value.data.set([0.5, -0.5]);
  return new Sequential([dense, new ReLU(), new Dropout({ p: 0.9, rng: createRng(1) })]);
}

describe("Sequential#predict (issue 14.3)", () => {
  it("takes nested arrays, runs eval mode (Dropout off) and returns the worked values", () => {
    // [1, −1]·W + b = [1 − 3 + 0.5, 2 − 4 − 0.5] = [−1.5, −2.5] → ReLU → [0, 0]
    // [2, 1]·W + b = [2 + 3 + 0.5, 4 + 4 − 0.5] = [5.5, 7.5]
    const y = handModel().predict([[1, -1], [2, 1]]);
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.data)).toEqual([0, 0, 5.5, 7.5]);
  });

  it("reads arrays in the model's dtype, and converts a Tensor of the other dtype", () => {
    const model = handModel("float64");
    const y = model.predict([[0.1, 0.2]]);
    expect(y.dtype).toBe("float64");
    // 0.1·1 + 0.2·3 + 0.5 = 1.2 and 0.1·2 + 0.2·4 − 0.5 = 0.5, in float64 arithmetic
    expect(Array.from(y.data)).toEqual([0.1 * 1 + 0.2 * 3 + 0.5, 0.1 * 2 + 0.2 * 4 - 0.5]);
    expect(model.predict(tensor([[0.1, 0.2]], "float32")).dtype).toBe("float64");
  });

  it("uses BatchNorm's running statistics, as eval mode does, and leaves them unchanged", () => {
    const bn = new BatchNorm1d(1);
    bn.runningMean.value.data[0] = 2;
    bn.runningVar.value.data[0] = 4 - 1e-5; // √(var + eps) = 2
    const model = new Sequential([bn]);
    expect(Array.from(model.predict([[6], [0]]).data)).toEqual([2, -1]);
    expect(bn.numBatchesTracked.value.data[0]).toBe(0);
  });

  it("returns a new tensor each time: a kept prediction survives the next", () => {
    const model = handModel();
    const a = model.predict([[2, 1]]);
    model.predict([[10, 10]]);
    expect(Array.from(a.data)).toEqual([5.5, 7.5]);
  });

  it("a plain array given to forward says to wrap it (it used to say 'cast(\"undefined\")')", () => {
    const model = handModel();
    const call = () => model.forward([[1, 2]] as never);
    expect(call).toThrow(LayerInputError);
    expect(call).toThrow("Sequential(3 layers): expected a Tensor input, got a plain array; wrap it with tensor(...) from @nn/tensor, or use model.predict(array)");
    expect(() => new ReLU().forward(undefined as never)).toThrow("ReLU: expected a Tensor input, got undefined");
  });

  it("one example given as a flat row is told it is a batch of one", () => {
    expect(() => handModel().predict([1, 2] as never)).toThrow('Dense(2→2) "layers.0": expected input [n, 2], got [2] (one example is a batch of one: [[...]], or x.reshape([1, 2]))');
  });
});
