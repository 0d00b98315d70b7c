import type * as TF from "@tensorflow/tfjs";
import type { MlpSpec } from "../mlp-spec.js";
import type { ResettableTrainer } from "../trainer.js";
import { type Tfjs, type TfjsBackend, useTfjsBackend } from "./tfjs-loader.js";

/**
 * The MLP as a TensorFlow.js user writes it for speed: variables, core ops and
 * `optimizer.minimize` inside `tidy` (no Layers-API overhead). The losses are tfjs's own fused,
 * logits-based forms, which equal sigmoid + BCE and softmax + CE in value and gradient.
 */
export async function tfjsTrainer(tf: Tfjs, backend: TfjsBackend, spec: MlpSpec): Promise<ResettableTrainer> {
  await useTfjsBackend(tf, backend);
  const layers = spec.sizes.length - 1;
  const weights: TF.Variable[] = [], biases: TF.Variable[] = [];
  for (let l = 0; l < layers; l++) {
    weights.push(tf.variable(tf.tensor2d(spec.weights[l], [spec.sizes[l], spec.sizes[l + 1]])));
    biases.push(tf.variable(tf.tensor1d(spec.biases[l])));
  }
  const classes = spec.sizes[layers];
  const toTensors = (b: MlpSpec["evalSet"]): { x: TF.Tensor2D; y: TF.Tensor2D } => ({
    x: tf.tensor2d(b.x, [b.rows, spec.sizes[0]]),
    y: spec.loss === "bce"
      ? tf.tensor2d(b.y, [b.rows, 1])
      : tf.tidy(() => tf.oneHot(tf.tensor1d(b.y, "int32"), classes).toFloat() as TF.Tensor2D),
  });
  const batches = spec.batches.map(toTensors);
  const evalSet = spec.batches.length === 1 && spec.evalSet === spec.batches[0] ? batches[0] : toTensors(spec.evalSet);
  const optimizer = tf.train.sgd(spec.lr);

  const lossOf = (x: TF.Tensor2D, y: TF.Tensor2D): TF.Scalar => {
    let h: TF.Tensor2D = x;
    for (let l = 0; l < layers; l++) {
      h = tf.add(tf.matMul(h, weights[l]), biases[l]);
      if (l + 1 < layers) h = tf.relu(h);
    }
    return spec.loss === "bce" ? tf.losses.sigmoidCrossEntropy(y, h) : tf.losses.softmaxCrossEntropy(y, h);
  };

  let step = 0;
  return {
    name: `tfjs ${backend}`,
    prepare: () => useTfjsBackend(tf, backend),
    reset() {
      tf.tidy(() => {
        for (let l = 0; l < layers; l++) {
          weights[l].assign(tf.tensor2d(spec.weights[l], [spec.sizes[l], spec.sizes[l + 1]]));
          biases[l].assign(tf.tensor1d(spec.biases[l]));
        }
      });
      step = 0;
    },
    run() {
      const { x, y } = batches[step++ % batches.length];
      tf.tidy(() => {
        optimizer.minimize(() => lossOf(x, y));
      });
    },
    loss() {
      return tf.tidy(() => lossOf(evalSet.x, evalSet.y).dataSync()[0]);
    },
  };
}
