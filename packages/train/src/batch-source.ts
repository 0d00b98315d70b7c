import { type Batch as DatasetBatch, batches } from "@nn/datasets";
import type { Tensor } from "@nn/tensor";
import type { PreparedData } from "./prepared-data.js";

/** One batch: views into buffers the source reuses, valid until the next `batch()` call. */
export interface Batch {
  readonly x: Tensor;
  readonly target: Tensor;
  readonly labels: Int32Array | undefined;
  readonly size: number;
}

/**
 * Serves an epoch's batches through @nn/datasets' `batches`, so `fit` visits rows in exactly the
 * order `batches(ds, { batchSize, shuffle, seed, dropLast })` gives for the same seed. A full batch
 * is the data itself (no copy and no shuffle: the summed gradient does not depend on row order).
 * Shuffled batches are gathered into buffers `batches` allocates once; the class labels of the
 * metrics follow the batch's rows.
 */
export class BatchSource {
  readonly batchesPerEpoch: number;
  private readonly data: PreparedData;
  private readonly epochs: Iterable<DatasetBatch>;
  private readonly shuffle: boolean;
  /** Gathered labels of shuffled batches, by batch size (a full batch and the short last one). */
  private readonly labelBuffers = new Map<number, Int32Array>();
  private epoch: Iterator<DatasetBatch> | undefined;

  constructor(data: PreparedData, batchSize: number, options: { shuffle: boolean; dropLast: boolean; seed: number }) {
    this.data = data;
    const size = Math.min(batchSize, data.n);
    this.shuffle = options.shuffle && size < data.n;
    const epochs = batches({ x: data.x, y: data.target, numClasses: data.labelClasses }, {
      batchSize: size, shuffle: this.shuffle, seed: options.seed, dropLast: options.dropLast,
    });
    this.epochs = epochs;
    this.batchesPerEpoch = epochs.length;
  }

  /** Starts the next epoch: its order is drawn now (when shuffling). */
  startEpoch(): void {
    this.epoch = this.epochs[Symbol.iterator]();
  }

  /** The next batch of the current epoch (`index`, 0-based, names it in errors). */
  batch(index: number): Batch {
    const next = this.epoch?.next();
    if (next === undefined || next.done === true) throw new Error(`BatchSource: no batch ${index} in this epoch (call startEpoch first)`);
    const { x, y, rows } = next.value;
    return { x, target: y, labels: this.labelsOf(rows), size: rows.length };
  }

  private labelsOf(rows: Int32Array): Int32Array | undefined {
    const all = this.data.labels;
    if (all === undefined) return undefined;
    // Without shuffling the rows are consecutive: the labels are a view.
    if (!this.shuffle) return all.subarray(rows[0], rows[0] + rows.length);
    let labels = this.labelBuffers.get(rows.length);
    if (labels === undefined) {
      labels = new Int32Array(rows.length);
      this.labelBuffers.set(rows.length, labels);
    }
    for (let i = 0; i < rows.length; i++) labels[i] = all[rows[i]];
    return labels;
  }
}
