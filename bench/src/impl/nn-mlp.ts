import { BinaryCrossEntropyLoss, Dense, type Layer, type Loss, ReLU, Sequential, Sigmoid, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { SGD } from "@nn/optim";
import { type DType, Tensor, zeros } from "@nn/tensor";
import { type Batch, type MlpSpec, initialParameters } from "../mlp-spec.js";
import type { ResettableTrainer } from "../trainer.js";

/**
 * The nn model for a spec, with the spec's initial weights copied in; `hidden(l)` makes the
 * activation after hidden layer l (ReLU unless a workload asks for others).
 */
export function buildNnModel(spec: MlpSpec, dtype: DType = "float32", hidden: (l: number) => Layer = () => new ReLU()): Sequential {
  const layers: Layer[] = [];
  const depth = spec.sizes.length - 1;
  for (let l = 0; l < depth; l++) {
    const dense = new Dense(spec.sizes[l], spec.sizes[l + 1], { init: "zeros", dtype });
    dense.weight.value.data.set(spec.weights[l]);
    dense.bias?.value.data.set(spec.biases[l]);
    layers.push(dense);
    if (l + 1 < depth) layers.push(hidden(l));
  }
  if (spec.loss === "bce") layers.push(new Sigmoid());
  return new Sequential(layers);
}

function makeLoss(spec: MlpSpec): Loss {
  return spec.loss === "bce" ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss();
}

/** A batch as tensors of `dtype` (float64 widens the spec's float32 numbers exactly). */
export function batchTensors(spec: MlpSpec, b: Batch, dtype: DType = "float32"): { x: Tensor; y: Tensor } {
  const data = (a: Float32Array) => (dtype === "float64" ? Float64Array.from(a) : a);
  const y = spec.loss === "bce" ? new Tensor(data(b.y), [b.rows, 1]) : new Tensor(data(b.y), [b.rows]);
  return { x: new Tensor(data(b.x), [b.rows, spec.sizes[0]]), y };
}

/**
 * The training loop a user of nn writes when speed matters: zeroGrad, forward, loss, backward,
 * step, with the prediction and the loss gradient written into buffers made once (`out`), so a
 * step allocates nothing, and backward told that the data needs no gradient
 * (`backwardToParameters`: no dL/dx, as NumPy's loop and TensorFlow.js's `minimize` compute
 * none). Every batch of a spec has the same number of rows.
 */
export function nnTrainer(spec: MlpSpec, dtype: DType = "float32"): ResettableTrainer {
  const model = buildNnModel(spec, dtype);
  const loss = makeLoss(spec);
  const optimizer = new SGD(model.parameters(), { lr: spec.lr });
  const batches = spec.batches.map((b) => batchTensors(spec, b, dtype));
  const evalSet = batchTensors(spec, spec.evalSet, dtype);
  const rows = spec.batches[0].rows, outputs = spec.sizes[spec.sizes.length - 1];
  const pred = zeros([rows, outputs], dtype), dPred = zeros([rows, outputs], dtype);
  let step = 0;
  const parameters = model.parameters(), initial = initialParameters(spec);
  return {
    name: "nn",
    reset() {
      parameters.forEach((p, i) => p.value.data.set(initial[i]));
      step = 0;
    },
    run() {
      const { x, y } = batches[step++ % batches.length];
      optimizer.zeroGrad();
      loss.forward(model.forward(x, "train", pred), y);
      model.backwardToParameters(loss.backward(dPred));
      optimizer.step();
    },
    loss() {
      return makeLoss(spec).forward(model.forward(evalSet.x, "eval"), evalSet.y);
    },
  };
}
