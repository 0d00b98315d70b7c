import { type Rng, Tensor, type TypedArray, createRng } from "@nn/tensor";
import type { PreparedData } from "./prepared-data.js";

/** One batch: views into buffers the source reuses, valid until the next `batch()` call. */
export interface Batch {
  readonly x: Tensor;
  readonly target: Tensor;
  readonly labels: Int32Array | undefined;
  readonly size: number;
}

/**
 * Serves an epoch's batches. A full batch is the data itself (no copy, no shuffle: the summed
 * gradient does not depend on row order). Smaller batches are gathered from a seeded permutation,
 * reshuffled each epoch, into buffers allocated once: one set for the full batch size and one for
 * the smaller last batch.
 */
export class BatchSource {
  readonly batchesPerEpoch: number;
  private readonly data: PreparedData;
  private readonly batchSize: number;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private readonly shuffle: boolean;
  private readonly whole: Batch | undefined;
  private readonly full: Batch | undefined;
  private readonly last: Batch | undefined;

  constructor(data: PreparedData, batchSize: number, options: { shuffle: boolean; dropLast: boolean; seed: number }) {
    this.data = data;
    const n = data.n;
    this.batchSize = Math.min(batchSize, n);
    this.rng = createRng(options.seed);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    const remainder = n % this.batchSize;
    const dropLast = options.dropLast && remainder !== 0;
    this.batchesPerEpoch = Math.floor(n / this.batchSize) + (remainder !== 0 && !dropLast ? 1 : 0);
    if (this.batchSize === n) {
      this.shuffle = false;
      this.whole = { x: data.x, target: data.target, labels: data.labels, size: n };
    } else {
      this.shuffle = options.shuffle;
      this.full = allocateBatch(data, this.batchSize);
      if (remainder !== 0 && !dropLast) this.last = allocateBatch(data, remainder);
    }
  }

  /** Draws the next epoch's order (a no-op without shuffling). */
  startEpoch(): void {
    if (!this.shuffle) return;
    const a = this.order;
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Batch `index` (0-based) of the current epoch. */
  batch(index: number): Batch {
    if (this.whole !== undefined) return this.whole;
    const from = index * this.batchSize;
    const out = index === this.batchesPerEpoch - 1 && this.last !== undefined ? this.last : (this.full as Batch);
    const data = this.data;
    gatherRows(data.x.data, data.features, this.order, from, out.size, out.x.data);
    gatherRows(data.target.data, data.target.size / data.n, this.order, from, out.size, out.target.data);
    if (data.labels !== undefined && out.labels !== undefined) {
      for (let i = 0; i < out.size; i++) out.labels[i] = data.labels[this.order[from + i]];
    }
    return out;
  }
}

function allocateBatch(data: PreparedData, size: number): Batch {
  const targetShape = [size, ...data.target.shape.slice(1)];
  return {
    x: new Tensor(like(data.x.data, size * data.features), [size, data.features]),
    target: new Tensor(like(data.target.data, (size * data.target.size) / data.n), targetShape),
    labels: data.labels === undefined ? undefined : new Int32Array(size),
    size,
  };
}

function like(a: TypedArray, length: number): TypedArray {
  return a instanceof Float64Array ? new Float64Array(length) : new Float32Array(length);
}

function gatherRows(src: TypedArray, rowSize: number, order: Int32Array, from: number, count: number, out: TypedArray): void {
  let o = 0;
  for (let r = from; r < from + count; r++) {
    const start = order[r] * rowSize;
    for (let j = 0; j < rowSize; j++) out[o++] = src[start + j];
  }
}
