import { makeMoons } from "@nn/datasets";
import { createRng } from "@nn/tensor";

/** A block of rows: inputs [rows × features] and targets (0/1 for BCE, class indices for CE). */
export interface Batch {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

/**
 * Everything that defines a training workload, shared verbatim by every implementation: the
 * same data, the same batches in the same order, the same initial weights, the same update.
 * Hidden layers are Dense + ReLU; the head is sigmoid + binary cross-entropy (`bce`, one output)
 * or softmax + cross-entropy over class indices (`softmax-ce`). Plain SGD, mean-reduced loss.
 */
export interface MlpSpec {
  readonly name: string;
  readonly sizes: readonly number[];
  readonly loss: "bce" | "softmax-ce";
  readonly lr: number;
  /** Step s trains on batches[s % batches.length]. */
  readonly batches: readonly Batch[];
  /** The rows the final loss is measured on. */
  readonly evalSet: Batch;
  /** weights[l] is [sizes[l] × sizes[l+1]] row-major (y = x·W + b); biases[l] has sizes[l+1]. */
  readonly weights: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
}

/** He-normal weights (std √(2/fanIn), the Dense default) and zero biases, from one seed. */
export function initialWeights(sizes: readonly number[], seed: number): { weights: Float32Array[]; biases: Float32Array[] } {
  const rng = createRng(seed);
  const weights: Float32Array[] = [], biases: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const w = new Float32Array(sizes[l] * sizes[l + 1]);
    const std = Math.sqrt(2 / sizes[l]);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
    weights.push(w);
    biases.push(new Float32Array(sizes[l + 1]));
  }
  return { weights, biases };
}

/** The spec's initial values in the order of a model's parameters: weight 0, bias 0, weight 1, … */
export function initialParameters(spec: MlpSpec): Float32Array[] {
  return spec.weights.flatMap((w, l) => [w, spec.biases[l]]);
}

/** Consecutive row blocks of `batchSize` (the ragged tail is dropped so every step has one size). */
export function splitBatches(all: Batch, features: number, batchSize: number): Batch[] {
  const out: Batch[] = [];
  for (let start = 0; start + batchSize <= all.rows; start += batchSize) {
    out.push({
      x: all.x.slice(start * features, (start + batchSize) * features),
      y: all.y.slice(start, start + batchSize),
      rows: batchSize,
    });
  }
  return out;
}

/** W1: the seed project's network, 2→64→32→1 on two moons (n = 1000, noise 0.1). */
export function w1Spec(batchSize: number): MlpSpec {
  const moons = makeMoons({ n: 1000, noise: 0.1, seed: 0 });
  const all: Batch = { x: Float32Array.from(moons.x.data), y: Float32Array.from(moons.y.data), rows: moons.x.shape[0] };
  const sizes = [2, 64, 32, 1];
  const batches = batchSize >= all.rows ? [all] : splitBatches(all, 2, batchSize);
  return {
    name: batchSize >= all.rows ? "W1 full batch" : `W1 batch ${batchSize}`,
    sizes, loss: "bce", lr: 0.1, batches, evalSet: all, ...initialWeights(sizes, 1),
  };
}

/**
 * W2: an MNIST-shaped MLP 784→256→128→10, one step on a batch of 128. The inputs are seeded
 * uniform pixels in [0, 1) and random labels: the arithmetic per step is MNIST's, and the bench
 * ships no data set.
 */
export function w2Spec(): MlpSpec {
  const rng = createRng(2);
  const rows = 128, features = 784;
  const x = new Float32Array(rows * features);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) y[i] = rng.int(10);
  const batch: Batch = { x, y, rows };
  const sizes = [784, 256, 128, 10];
  return { name: "W2 batch 128", sizes, loss: "softmax-ce", lr: 0.01, batches: [batch], evalSet: batch, ...initialWeights(sizes, 3) };
}
