import { describe, expect, it } from "vitest";
import { BinaryCrossEntropy, Dense, type Layer, type Loss, ReLU, Sequential, Sigmoid, SoftmaxCrossEntropy } from "@nn/layers";
import { relativeError } from "@nn/gradcheck";
import { SGD } from "@nn/optim";
import { type Tensor, createRng, randn, tensor } from "@nn/tensor";
import { Variable, add, binaryCrossEntropy, fromParameter, matmul, mul, relu, sigmoid, softmaxCrossEntropy, sum } from "../src/index.js";

/** max over elements of |a − b| / max(|a|, |b|) (gradcheck's relative error with atol 0). */
function maxRelativeDifference(a: Tensor, b: Tensor): number {
  let worst = 0;
  for (let i = 0; i < a.size; i++) worst = Math.max(worst, relativeError(a.data[i], b.data[i], 0));
  return worst;
}

/** A Dense+ReLU MLP in float64 from @nn/layers, and the same weights as independent autograd variables. */
function twins(sizes: number[], head: Layer[], seed: number): { model: Sequential; params: Variable[] } {
  const rng = createRng(seed);
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const dense = new Dense(sizes[l], sizes[l + 1], { rng, dtype: "float64" });
    // Non-zero biases, so their gradients are exercised from a generic point.
    const b = dense.bias;
    if (b) b.value.data.set(randn([sizes[l + 1]], rng, { dtype: "float64" }).data);
    layers.push(dense);
    if (l + 2 < sizes.length) layers.push(new ReLU({ dtype: "float64" }));
  }
  const model = new Sequential([...layers, ...head]);
  const params = model.parameters().map((p) => new Variable(p.value.clone(), { requiresGrad: true, name: p.name }));
  return { model, params };
}

function mlpForward(params: readonly Variable[], x: Tensor): Variable {
  let h: Variable | Tensor = x;
  for (let l = 0; l < params.length; l += 2) {
    const z: Variable = add(matmul(h, params[l]), params[l + 1]);
    h = l + 2 < params.length ? relu(z) : z;
  }
  return h as Variable;
}

function compare(model: Sequential, loss: Loss, params: Variable[], lossValue: Variable, x: Tensor, y: Tensor): void {
  for (const p of model.parameters()) p.grad.data.fill(0);
  const expected = loss.forward(model.forward(x, "train"), y);
  model.backward(loss.backward());
  lossValue.backward();
  const got = lossValue.item();
  expect(Math.abs(got - expected) <= 1e-12 * Math.abs(expected), `loss ${got} vs ${expected}`).toBe(true);
  model.parameters().forEach((p, i) => {
    const diff = maxRelativeDifference(params[i].grad, p.grad);
    expect(diff <= 1e-12, `${p.name}: relative difference ${diff}`).toBe(true);
  });
}

describe("autograd agrees with @nn/layers' hand-written backward (float64, within 1e-12 relative)", () => {
  const rng = createRng(5);
  const x = randn([16, 2], rng, { dtype: "float64" });

  it("the seed MLP 2→64→32→1, ReLU, sigmoid, binary cross-entropy", () => {
    const { model, params } = twins([2, 64, 32, 1], [new Sigmoid({ dtype: "float64" })], 11);
    const y = tensor(Array.from({ length: 16 }, (_, i) => [i % 2]), "float64");
    compare(model, new BinaryCrossEntropy(), params, binaryCrossEntropy(sigmoid(mlpForward(params, x)), y), x, y);
  });

  it("a softmax MLP 2→16→16→3 with softmax cross-entropy on class indices", () => {
    const { model, params } = twins([2, 16, 16, 3], [], 12);
    const y = tensor(Array.from({ length: 16 }, (_, i) => i % 3), "float64");
    compare(model, new SoftmaxCrossEntropy(), params, softmaxCrossEntropy(mlpForward(params, x), y), x, y);
  });
});

describe("and keeps agreeing over training, with every buffer reused between steps (float64, within 1e-12 relative)", () => {
  const rng = createRng(6);
  const x = randn([24, 2], rng, { dtype: "float64" });

  it.each([
    { name: "the seed MLP", sizes: [2, 64, 32, 1], head: (): Layer[] => [new Sigmoid({ dtype: "float64" })], loss: (): Loss => new BinaryCrossEntropy(), y: tensor(Array.from({ length: 24 }, (_, i) => [i % 2]), "float64") },
    { name: "a softmax MLP", sizes: [2, 16, 16, 3], head: (): Layer[] => [], loss: (): Loss => new SoftmaxCrossEntropy(), y: tensor(Array.from({ length: 24 }, (_, i) => i % 3), "float64") },
  ])("$name: 25 SGD steps, the same loss at every step and the same weights at the end", ({ sizes, head, loss, y }) => {
    const { model, params } = twins(sizes, head(), 13);
    const layersLoss = loss();
    const manual = new SGD(model.parameters(), { lr: 0.2 }), tape = new SGD(params, { lr: 0.2 });
    const tapeLoss = (): Variable => {
      const out = mlpForward(params, x);
      return sizes[sizes.length - 1] === 1 ? binaryCrossEntropy(sigmoid(out), y) : softmaxCrossEntropy(out, y);
    };
    for (let step = 0; step < 25; step++) {
      manual.zeroGrad();
      const expected = layersLoss.forward(model.forward(x, "train"), y);
      model.backward(layersLoss.backward());
      manual.step();
      tape.zeroGrad();
      const l = tapeLoss();
      l.backward();
      tape.step();
      expect(Math.abs(l.item() - expected) <= 1e-12 * Math.abs(expected), `step ${step}: loss ${l.item()} vs ${expected}`).toBe(true);
    }
    model.parameters().forEach((p, i) => {
      const diff = maxRelativeDifference(params[i].value, p.value);
      expect(diff <= 1e-12, `${p.name}: relative difference ${diff}`).toBe(true);
    });
  });
});

describe("fromParameter", () => {
  it("adds an autograd penalty into a layer's own gradient, on top of its backward", () => {
    const dense = new Dense(2, 2, { rng: createRng(1), dtype: "float64" });
    dense.weight.grad.data.fill(0);
    const xs = tensor([[1, 2]], "float64");
    dense.forward(xs);
    dense.backward(tensor([[1, 1]], "float64"));
    const fromLayer = dense.weight.grad.clone();
    const w = fromParameter(dense.weight);
    sum(mul(mul(w, w), 0.5)).backward(); // ∂(½Σw²)/∂w = w
    for (let i = 0; i < 4; i++) expect(dense.weight.grad.data[i]).toBeCloseTo(fromLayer.data[i] + dense.weight.value.data[i], 14);
    expect(w.grad).toBe(dense.weight.grad);
  });
});
