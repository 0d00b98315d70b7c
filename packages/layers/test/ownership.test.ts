import { createRng, randn, tensor, zeros } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BCEWithLogitsLoss, Dense, type Layer, MSELoss, ReLU, Sequential, SoftmaxCrossEntropyLoss } from "../src/index.js";
import { everyLayer } from "./helpers/every-layer.js";

const snapshot = (t: { data: ArrayLike<number> }) => Array.from(t.data);

// issue 14.1: `const a = model.forward(x1); const b = model.forward(x2)` used to change `a`.
describe("a result handed out is the caller's: a later call never overwrites it", () => {
  it.each(everyLayer("float32"))("%s: forward and backward, in train and eval mode", (_name, layer: Layer) => {
    for (const mode of ["train", "eval"] as const) {
      const x1 = randn([6, 4], createRng(1)), x2 = randn([6, 4], createRng(2));
      const y1 = layer.forward(x1, mode);
      const kept = snapshot(y1);
      const dx1 = layer.backward(randn([6, 4], createRng(3)));
      const keptDx = snapshot(dx1);
      const y2 = layer.forward(x2, mode);
      layer.backward(randn([6, 4], createRng(4)));
      expect(snapshot(y1)).toEqual(kept);
      expect(snapshot(dx1)).toEqual(keptDx);
      expect(y2.data).not.toBe(y1.data);
      // writing into a kept result does not reach the layer either
      y2.data.fill(NaN);
      expect(snapshot(layer.forward(x2, mode)).some(Number.isNaN)).toBe(false);
    }
  });

  it("a result is never the caller's own input (Dropout in eval mode used to return x itself)", () => {
    const x = randn([3, 4], createRng(1));
    for (const [, layer] of everyLayer("float32")) expect(layer.forward(x, "eval").data).not.toBe(x.data);
  });

  it("outputs kept in a list across training steps stay as they were computed", () => {
    const model = new Sequential([new Dense(2, 3, { rng: createRng(1) }), new ReLU(), new Dense(3, 1, { rng: createRng(2) })]);
    const loss = new MSELoss();
    const x = tensor([[1, 2], [3, -1]]), y = tensor([[1], [0]]);
    const preds = [];
    for (let step = 0; step < 3; step++) {
      const out = model.forward(x);
      preds.push(out);
      loss.forward(out, y);
      model.zeroGrad();
      model.backward(loss.backward());
      for (const p of model.parameters()) for (let i = 0; i < p.value.size; i++) p.value.data[i] -= 0.1 * p.grad.data[i];
    }
    // each kept output equals what an untouched copy of the model computes at that step
    const replay = new Sequential([new Dense(2, 3, { rng: createRng(1) }), new ReLU(), new Dense(3, 1, { rng: createRng(2) })]);
    for (let step = 0; step < 3; step++) {
      const out = replay.forward(x);
      expect(snapshot(preds[step])).toEqual(snapshot(out));
      loss.forward(out, y);
      replay.zeroGrad();
      replay.backward(loss.backward());
      for (const p of replay.parameters()) for (let i = 0; i < p.value.size; i++) p.value.data[i] -= 0.1 * p.grad.data[i];
    }
    expect(snapshot(preds[0])).not.toEqual(snapshot(preds[2]));
  });

  it.each([
    ["MSELoss", () => new MSELoss(), tensor([[0.5], [2]]), tensor([[1], [0]])],
    ["BCEWithLogitsLoss", () => new BCEWithLogitsLoss(), tensor([[0.5], [-2]]), tensor([[1], [0]])],
    ["SoftmaxCrossEntropyLoss", () => new SoftmaxCrossEntropyLoss(), tensor([[0.5, 1], [-2, 0]]), tensor([1, 0])],
  ] as const)("%s: backward() results are kept", (_name, make, pred, target) => {
    const loss = make();
    loss.forward(pred, target);
    const g1 = loss.backward();
    const kept = snapshot(g1);
    loss.forward(pred.clone().reshape(pred.shape), target);
    const g2 = loss.backward();
    expect(g2.data).not.toBe(g1.data);
    g2.data.fill(7);
    expect(snapshot(g1)).toEqual(kept);
  });
});

describe("out: the caller's buffer instead of a new tensor", () => {
  it("forward, backward and a loss's backward fill `out` with the same values and return it", () => {
    const make = () => new Sequential([new Dense(2, 3, { rng: createRng(1) }), new ReLU(), new Dense(3, 2, { rng: createRng(2) })]);
    const a = make(), b = make();
    const x = randn([4, 2], createRng(3)), target = tensor([0, 1, 1, 0]);
    const lossA = new SoftmaxCrossEntropyLoss(), lossB = new SoftmaxCrossEntropyLoss();
    const pred = zeros([4, 2]), grad = zeros([4, 2]), dx = zeros([4, 2]);
    expect(a.forward(x, "train", pred)).toBe(pred);
    lossA.forward(pred, target);
    expect(lossA.backward(grad)).toBe(grad);
    expect(a.backward(grad, dx)).toBe(dx);
    const freshPred = b.forward(x);
    lossB.forward(freshPred, target);
    const freshGrad = lossB.backward();
    expect(snapshot(pred)).toEqual(snapshot(freshPred));
    expect(snapshot(grad)).toEqual(snapshot(freshGrad));
    expect(snapshot(dx)).toEqual(snapshot(b.backward(freshGrad)));
    a.parameters().forEach((p, i) => expect(snapshot(p.grad)).toEqual(snapshot(b.parameters()[i].grad)));
  });

  it("refuses an `out` of the wrong shape or dtype, and the input itself, naming the layer", () => {
    const dense = new Dense(2, 3);
    const x = randn([4, 2], createRng(1));
    expect(() => dense.forward(x, "train", zeros([4, 2]))).toThrow("Dense(2→3): out must be float32 [4,3] to hold the output, got float32 [4,2]");
    expect(() => dense.forward(x, "train", zeros([4, 3], "float64"))).toThrow("Dense(2→3): out must be float32 [4,3] to hold the output, got float64 [4,3]");
    const relu = new ReLU();
    expect(() => relu.forward(x, "train", x)).toThrow("ReLU: out must not be the input: backward needs the input as it was");
    const loss = new MSELoss();
    loss.forward(zeros([4, 3]), zeros([4, 3]));
    expect(() => loss.backward(zeros([3, 4]))).toThrow("MSELoss: out must be float32 [4,3] to hold the gradient, got float32 [3,4]");
  });
});
