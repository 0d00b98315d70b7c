import { Tensor, createRng, checkOptions, optionKeys, allocate } from "@nn/tensor";
import { type Dataset, datasetShape, gatherRowsInto } from "../dataset.js";
import { checkInteger, checkSeed } from "../option-checks.js";
import { identityPermutation, shuffleInPlace } from "../permutation.js";

export interface BatchOptions {
  batchSize: number;
  /** Visit rows in a new seeded random order each epoch (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). Epoch e's order is the e-th shuffle of one stream, so runs repeat exactly. */
  seed?: number;
  /** Skip the last batch when it is smaller than batchSize (default false). */
  dropLast?: boolean;
}

const BATCH_OPTIONS = optionKeys<BatchOptions>()("batchSize", "shuffle", "seed", "dropLast");

export interface Batch {
  x: Tensor;
  y: Tensor;
  /**
   * The data set's index of each row of this batch, in batch order (a view of the epoch's order,
   * valid until the next batch): what a caller needs to gather anything else it keeps per row.
   */
  rows: Int32Array;
}

/**
 * Mini-batches over a data set. Each `for…of` over the result is one epoch; the next epoch
 * continues the same seeded stream, so epochs differ from each other but a rerun repeats them.
 *
 * No copy of the whole set is made per epoch. Without shuffling, each batch is a view of the
 * data set's own storage. With shuffling, rows are gathered into two preallocated buffers (a
 * full batch and the final short one) that are REUSED across batches and epochs: a yielded
 * batch is valid until the next one is requested, so `clone()` it to keep it. Iterate one epoch
 * at a time; two interleaved iterations of the same `batches(...)` share those buffers.
 */
export function batches(ds: Dataset, options: BatchOptions): Iterable<Batch> & { readonly length: number } {
  const op = "batches";
  const { n } = datasetShape(ds, op);
  checkOptions(op, options, BATCH_OPTIONS);
  const batchSize = checkInteger(op, "batchSize", options?.batchSize, 1);
  const shuffle = options.shuffle ?? false;
  const dropLast = options.dropLast ?? false;
  const rng = createRng(checkSeed(op, options.seed ?? 0));
  const length = dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
  // Shared by every epoch: the row order (reshuffled in place) and at most two batch buffers.
  const order = identityPermutation(n);
  const buffers = new Map<number, Batch>();
  return {
    length,
    [Symbol.iterator]: () => {
      if (!shuffle) return sequentialEpoch(ds, n, batchSize, length, order);
      shuffleInPlace(order, rng);
      return shuffledEpoch(ds, n, batchSize, length, order, buffers);
    },
  };
}

function rowSize(t: Tensor, n: number): number {
  return n === 0 ? 0 : t.size / n;
}

function* sequentialEpoch(ds: Dataset, n: number, batchSize: number, length: number, order: Int32Array): Generator<Batch> {
  const xRow = rowSize(ds.x, n), yRow = rowSize(ds.y, n);
  const xTail = ds.x.shape.slice(1), yTail = ds.y.shape.slice(1);
  for (let b = 0; b < length; b++) {
    const start = b * batchSize, end = Math.min(n, start + batchSize);
    yield {
      x: new Tensor(ds.x.data.subarray(start * xRow, end * xRow), [end - start, ...xTail]),
      y: new Tensor(ds.y.data.subarray(start * yRow, end * yRow), [end - start, ...yTail]),
      rows: order.subarray(start, end),
    };
  }
}

/** Gathers rows in `order` into `buffers`, keyed by batch size (a full batch and the short last one). */
function* shuffledEpoch(
  ds: Dataset, n: number, batchSize: number, length: number, order: Int32Array, buffers: Map<number, Batch>,
): Generator<Batch> {
  const xRow = rowSize(ds.x, n), yRow = rowSize(ds.y, n);
  for (let b = 0; b < length; b++) {
    const start = b * batchSize, end = Math.min(n, start + batchSize);
    const size = end - start;
    let batch = buffers.get(size);
    if (batch === undefined) {
      batch = { x: emptyLike(ds.x, size), y: emptyLike(ds.y, size), rows: order };
      buffers.set(size, batch);
    }
    gatherRowsInto(ds.x.data, xRow, order, start, end, batch.x.data);
    gatherRowsInto(ds.y.data, yRow, order, start, end, batch.y.data);
    batch.rows = order.subarray(start, end);
    yield batch;
  }
}

function emptyLike(t: Tensor, rows: number): Tensor {
  const size = rows * (t.shape[0] === 0 ? 0 : t.size / t.shape[0]);
  return new Tensor(allocate(t.dtype, size), [rows, ...t.shape.slice(1)]);
}
