/**
 * The float64 run behind the seed study's agreement check: the seed network on the seed's data,
 * with initial weights and data that reference/seed_numpy.py can read exactly (JSON numbers are
 * shortest round-trip decimals, so every float64 survives the trip bit for bit).
 */
import { type Dataset, makeMoons } from "@nn/datasets";
import { Dense, type Sequential } from "@nn/layers";
import { SGD } from "@nn/optim";
import { prepareSplit } from "./data.js";
import { SEED_HIDDEN, buildMlp } from "./mlp.js";
import { runTraining } from "./training.js";

export const REFERENCE_RUN = { seed: 0, lr: 0.1, epochs: 2000, samples: 1000, noise: 0.2 } as const;

export interface ReferenceInput {
  description: string;
  lr: number;
  epochs: number;
  /** Row-major n × 2 inputs (standardised) and 0/1 labels of the training split. */
  x: number[][];
  y: number[];
  /** Dense layers in order: weight as fanIn × fanOut rows (x @ W), bias. */
  layers: { weight: number[][]; bias: number[] }[];
}

export function referenceModelAndData(): { model: Sequential; train: Dataset; test: Dataset; input: ReferenceInput } {
  const { seed, lr, epochs, samples, noise } = REFERENCE_RUN;
  const { train, test } = prepareSplit(makeMoons({ n: samples, noise, seed, dtype: "float64" }), seed);
  const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, seed }).cast("float64");
  const n = train.x.shape[0];
  const layers = model.layers.filter((l): l is Dense => l instanceof Dense).map((d) => {
    const w = d.weight.value;
    const [rows, cols] = w.shape;
    return {
      weight: Array.from({ length: rows }, (_, i) => Array.from(w.data.subarray(i * cols, (i + 1) * cols))),
      bias: Array.from(d.bias?.value.data ?? []),
    };
  });
  return {
    model, train, test,
    input: {
      description: `seed network 2→64→32→1 (ReLU, sigmoid output, BCE), He-normal weights from seed ${seed}, zero biases, float64; makeMoons n ${samples} noise ${noise} seed ${seed}, 75/25 stratified split, standardised; full-batch gradient descent lr ${lr}, ${epochs} epochs`,
      lr, epochs,
      x: Array.from({ length: n }, (_, i) => [train.x.data[2 * i], train.x.data[2 * i + 1]]),
      y: Array.from(train.y.data),
      layers,
    },
  };
}

/** nn's float64 run: the training loss at every epoch (before that epoch's update), first `epochs` epochs. */
export function nnReferenceLosses(epochs: number = REFERENCE_RUN.epochs): number[] {
  const { model, train, test } = referenceModelAndData();
  return runTraining(model, { optimizer: new SGD(model.parameters(), { lr: REFERENCE_RUN.lr }), train, test, epochs, seed: REFERENCE_RUN.seed }).loss;
}
