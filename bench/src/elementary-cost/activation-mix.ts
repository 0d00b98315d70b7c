import { BinaryCrossEntropyLoss, GELU, type Layer, ReLU, Tanh } from "@nn/layers";
import { Adam } from "@nn/optim";
import { type DType, Tensor, zeros } from "@nn/tensor";
import type { MlpSpec } from "../mlp-spec.js";
import { buildNnModel } from "../impl/nn-mlp.js";
import type { Trainer } from "../trainer.js";

const ACTIVATIONS: ReadonlyArray<() => Layer> = [() => new ReLU(), () => new Tanh(), () => new GELU()];

/**
 * Issue 16's measurement network: 2→64→32→16→1 with ReLU, Tanh, GELU and a sigmoid head, binary
 * cross-entropy, Adam, full batch. Heavier in elementary functions than W1 (tanh on 32, erfc on
 * 16 units per row, and Adam's bias corrections call pow every step), so it bounds their cost
 * from above. The spec's float32 weights and data are copied in at `dtype`.
 */
export function activationMixTrainer(spec: MlpSpec, dtype: DType): Trainer {
  if (spec.loss !== "bce") throw new Error(`activationMixTrainer: ${spec.name} must use the bce loss`);
  const model = buildNnModel(spec, dtype, (l) => ACTIVATIONS[l % ACTIVATIONS.length]());
  const batch = spec.batches[0];
  const asDtype = (a: Float32Array): Float32Array | Float64Array => (dtype === "float64" ? Float64Array.from(a) : a.slice());
  const x = new Tensor(asDtype(batch.x), [batch.rows, spec.sizes[0]]);
  const y = new Tensor(asDtype(batch.y), [batch.rows, 1]);
  const loss = new BinaryCrossEntropyLoss();
  const optimizer = new Adam(model.parameters(), { lr: spec.lr });
  const pred = zeros([batch.rows, 1], dtype), dPred = zeros([batch.rows, 1], dtype), dx = zeros(x.shape, dtype);
  return {
    name: dtype,
    run() {
      optimizer.zeroGrad();
      loss.forward(model.forward(x, "train", pred), y);
      model.backward(loss.backward(dPred), dx);
      optimizer.step();
    },
    loss() {
      return new BinaryCrossEntropyLoss().forward(model.forward(x, "eval"), y);
    },
  };
}
