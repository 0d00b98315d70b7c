import { type DType, Tensor, allocate } from "@nn/tensor";

/**
 * A labelled data set: `x` holds one example per row, `y` the class index of each row
 * (binary sets use 0 and 1). Class indices are stored as floats so `y` is an ordinary Tensor;
 * every integer below 2^24 is exact in float32. A regression set (`makePlane`,
 * `makeMultiGaussian`) holds real-valued targets in `y` and has `numClasses` 0.
 */
export interface Dataset {
  /** Features, shape [n, features]. */
  readonly x: Tensor;
  /** Class indices, shape [n] (real-valued targets when numClasses is 0). */
  readonly y: Tensor;
  readonly numClasses: number;
  readonly featureNames?: readonly string[];
  /** `classNames[k]` names class index k. */
  readonly classNames?: readonly string[];
}

/** Number of rows and features of a Dataset, checking that `x` and `y` agree. */
export function datasetShape(ds: Dataset, op: string): { n: number; features: number } {
  if (ds.x.rank !== 2) throw new RangeError(`${op}: dataset x must have shape [n, features], got [${ds.x.shape.join(",")}]`);
  const n = ds.x.shape[0];
  if (ds.y.rank < 1 || ds.y.shape[0] !== n) {
    throw new RangeError(`${op}: dataset y must have ${n} rows to match x [${ds.x.shape.join(",")}], got [${ds.y.shape.join(",")}]`);
  }
  return { n, features: ds.x.shape[1] };
}

/** A copy of `ds` holding only `rows`, in that order (metadata is shared, tensors are new). */
export function selectRows(ds: Dataset, rows: ArrayLike<number>): Dataset {
  return { ...ds, x: gatherRows(ds.x, rows), y: gatherRows(ds.y, rows) };
}

/** Rows `rows` of `t` (any rank ≥ 1, first axis is the row axis) gathered into a new tensor. */
export function gatherRows(t: Tensor, rows: ArrayLike<number>): Tensor {
  const rowSize = t.shape[0] === 0 ? 0 : t.size / t.shape[0];
  const out = allocate(t.dtype, rows.length * rowSize);
  gatherRowsInto(t.data, rowSize, rows, 0, rows.length, out);
  return new Tensor(out, [rows.length, ...t.shape.slice(1)]);
}

/** Copies rows `rows[from..to)` of a row-major array with `rowSize` columns into `out`. */
export function gatherRowsInto(
  src: Float32Array | Float64Array, rowSize: number, rows: ArrayLike<number>, from: number, to: number,
  out: Float32Array | Float64Array,
): void {
  let o = 0;
  for (let r = from; r < to; r++) {
    const start = rows[r] * rowSize;
    for (let j = 0; j < rowSize; j++) out[o++] = src[start + j];
  }
}

/** Class labels as a Tensor of the given dtype. */
export function labelTensor(labels: ArrayLike<number>, dtype: DType): Tensor {
  const data = allocate(dtype, labels.length);
  for (let i = 0; i < labels.length; i++) data[i] = labels[i];
  return new Tensor(data, [labels.length]);
}
