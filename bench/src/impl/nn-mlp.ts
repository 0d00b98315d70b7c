import { BinaryCrossEntropyLoss, Dense, type Layer, type Loss, ReLU, Sequential, Sigmoid, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor, zeros } from "@nn/tensor";
import type { Batch, MlpSpec } from "../mlp-spec.js";
import type { Trainer } from "../trainer.js";

/** The nn model for a spec, with the spec's initial weights copied in. */
export function buildNnModel(spec: MlpSpec): Sequential {
  const layers: Layer[] = [];
  const depth = spec.sizes.length - 1;
  for (let l = 0; l < depth; l++) {
    const dense = new Dense(spec.sizes[l], spec.sizes[l + 1], { init: "zeros" });
    dense.weight.value.data.set(spec.weights[l]);
    dense.bias?.value.data.set(spec.biases[l]);
    layers.push(dense);
    if (l + 1 < depth) layers.push(new ReLU());
  }
  if (spec.loss === "bce") layers.push(new Sigmoid());
  return new Sequential(layers);
}

function makeLoss(spec: MlpSpec): Loss {
  return spec.loss === "bce" ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss();
}

function toTensors(spec: MlpSpec, b: Batch): { x: Tensor; y: Tensor } {
  const y = spec.loss === "bce" ? new Tensor(b.y, [b.rows, 1]) : new Tensor(b.y, [b.rows]);
  return { x: new Tensor(b.x, [b.rows, spec.sizes[0]]), y };
}

/**
 * The training loop a user of nn writes when speed matters: zeroGrad, forward, loss, backward,
 * step, with the prediction and the two gradients written into buffers made once (`out`), so a
 * step allocates nothing. Every batch of a spec has the same number of rows.
 */
export function nnTrainer(spec: MlpSpec): Trainer {
  const model = buildNnModel(spec);
  const loss = makeLoss(spec);
  const optimizer = new SGD(model.parameters(), { lr: spec.lr });
  const batches = spec.batches.map((b) => toTensors(spec, b));
  const evalSet = toTensors(spec, spec.evalSet);
  const rows = spec.batches[0].rows, outputs = spec.sizes[spec.sizes.length - 1];
  const pred = zeros([rows, outputs]), dPred = zeros([rows, outputs]), dx = zeros([rows, spec.sizes[0]]);
  let step = 0;
  return {
    name: "nn",
    run() {
      const { x, y } = batches[step++ % batches.length];
      optimizer.zeroGrad();
      loss.forward(model.forward(x, "train", pred), y);
      model.backward(loss.backward(dPred), dx);
      optimizer.step();
    },
    loss() {
      return makeLoss(spec).forward(model.forward(evalSet.x, "eval"), evalSet.y);
    },
  };
}
