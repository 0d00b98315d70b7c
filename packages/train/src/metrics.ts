import { type Tensor, argmax, zeros } from "@nn/tensor";
import type { TaskSpec } from "./task.js";
import type { MetricName, MetricValues } from "./types.js";

/**
 * Accumulates one pass (an epoch, or an evaluation) batch by batch: the loss weighted by batch
 * size, and a confusion matrix from which accuracy, precision, recall and F1 are read at the end.
 * Counting over the whole pass, rather than averaging per-batch scores, makes the result
 * independent of how the data was batched.
 */
export class MetricAccumulator {
  private readonly wanted: ReadonlySet<MetricName>;
  private readonly spec: TaskSpec;
  private readonly classes: number;
  private readonly counts: Float64Array;
  /** Each row's predicted class (argmax), reused while the batch size stays the same. */
  private predicted: Tensor | undefined;
  private lossSum = 0;
  private firstLoss = 0;
  private batches = 0;
  private samples = 0;

  /** `classes`: the confusion matrix is classes × classes (2 for binary). */
  constructor(wanted: readonly MetricName[], spec: TaskSpec, classes: number) {
    this.wanted = new Set(wanted);
    this.spec = spec;
    this.classes = spec.task === "binary" ? 2 : classes;
    this.counts = new Float64Array(spec.task === "regression" ? 0 : this.classes * this.classes);
  }

  reset(): void {
    this.lossSum = 0;
    this.firstLoss = 0;
    this.batches = 0;
    this.samples = 0;
    this.counts.fill(0);
  }

  addLoss(loss: number, size: number): void {
    if (this.batches === 0) this.firstLoss = loss;
    this.lossSum += loss * size;
    this.batches++;
    this.samples += size;
  }

  /** Counts each row's predicted class of `output` [m, c] against `labels` (m class indices). */
  addPredictions(output: Tensor, labels: Int32Array | undefined): void {
    if (labels === undefined || this.counts.length === 0) return;
    const k = this.classes;
    const counts = this.counts;
    const d = output.data;
    const m = labels.length;
    const c = output.size / m;
    if (c === 1) {
      const threshold = this.spec.binaryOutput === "logit" ? 0 : 0.5;
      for (let i = 0; i < m; i++) counts[labels[i] * k + (d[i] >= threshold ? 1 : 0)]++;
      return;
    }
    const rows = output.rank === 2 ? output : output.reshape([m, c]);
    if (this.predicted?.size !== m) this.predicted = zeros([m], "float64");
    const predicted = argmax(rows, 1, false, this.predicted).data;
    for (let i = 0; i < m; i++) counts[labels[i] * k + predicted[i]]++;
  }

  result(): MetricValues {
    // One batch: its loss exactly, not loss·n/n, which may differ in the last bit.
    const values: MetricValues = { loss: this.batches === 1 ? this.firstLoss : this.lossSum / this.samples };
    if (this.counts.length === 0) return values;
    const w = this.wanted;
    if (w.has("accuracy")) values.accuracy = accuracyOf(this.counts, this.classes);
    if (w.has("precision") || w.has("recall") || w.has("f1")) {
      const scores = binaryScores(this.counts);
      if (w.has("precision")) values.precision = scores.precision;
      if (w.has("recall")) values.recall = scores.recall;
      if (w.has("f1")) values.f1 = scores.f1;
    }
    if (w.has("confusionMatrix")) values.confusionMatrix = toRows(this.counts, this.classes);
    return values;
  }
}

/** Correct predictions (the diagonal) over all predictions. */
export function accuracyOf(counts: Float64Array, k: number): number {
  let correct = 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    for (let p = 0; p < k; p++) total += counts[a * k + p];
    correct += counts[a * k + a];
  }
  return total === 0 ? 0 : correct / total;
}

/**
 * Precision tp/(tp+fp), recall tp/(tp+fn) and F1 = 2tp/(2tp+fp+fn) (the harmonic mean of the two)
 * for class 1 of a 2 × 2 matrix [actual][predicted]; 0 where a denominator is 0, as scikit-learn's
 * `zero_division=0`.
 */
export function binaryScores(counts: Float64Array): { precision: number; recall: number; f1: number } {
  const fp = counts[1];
  const fn = counts[2];
  const tp = counts[3];
  return {
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
  };
}

function toRows(counts: Float64Array, k: number): number[][] {
  const rows: number[][] = [];
  for (let a = 0; a < k; a++) rows.push(Array.from(counts.subarray(a * k, a * k + k)));
  return rows;
}
