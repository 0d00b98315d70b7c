import { type DType, Tensor, argmax, formatShape, allocate } from "@nn/tensor";
import type { TaskSpec } from "./task.js";
import type { TrainData } from "./types.js";

/**
 * Data in the form the loop consumes: inputs in the model's dtype, the loss target shaped for the
 * task, and (for classification) each row's class index for the metrics.
 */
export interface PreparedData {
  readonly x: Tensor;
  readonly target: Tensor;
  readonly labels: Int32Array | undefined;
  readonly n: number;
  readonly features: number;
  /** Largest |x|, to tell unscaled inputs apart when training diverges. */
  readonly maxAbsInput: number;
  /** Largest class index + 1 seen in the labels (0 for regression). */
  readonly labelClasses: number;
}

/** Checks `data` (named `role` in errors, e.g. `validation`) and converts it once, before training. */
export function prepareData(data: TrainData, spec: TaskSpec, dtype: DType, role: string): PreparedData {
  const { x, y } = data;
  if (x.rank !== 2) throw new RangeError(`${role}.x must have shape [n, features], got ${formatShape(x.shape)}`);
  const n = x.shape[0];
  const features = x.shape[1];
  if (n === 0) throw new RangeError(`${role} is empty: x has shape ${formatShape(x.shape)}`);
  if (y.rank < 1 || y.shape[0] !== n) {
    throw new RangeError(`${role}.y must have ${n} rows to match x ${formatShape(x.shape)}, got ${formatShape(y.shape)}`);
  }
  const maxAbsInput = checkFinite(x, role);
  const inputs = x.dtype === dtype ? x : x.astype(dtype);
  if (spec.task === "regression") {
    checkFiniteTargets(y, role);
    const shaped = y.rank === 1 ? y.reshape([n, 1]) : y;
    return { x: inputs, target: shaped.dtype === dtype ? shaped : shaped.astype(dtype), labels: undefined, n, features, maxAbsInput, labelClasses: 0 };
  }
  const labels = classLabels(y, spec, role);
  let labelClasses = 0;
  for (let i = 0; i < n; i++) if (labels[i] + 1 > labelClasses) labelClasses = labels[i] + 1;
  if (data.numClasses !== undefined && labelClasses > data.numClasses) {
    throw new RangeError(`${role}.y holds class ${labelClasses - 1} but ${role}.numClasses is ${data.numClasses}`);
  }
  let target: Tensor;
  if (spec.task === "binary" || y.rank === 1) {
    // Binary: the single output unit is compared with a 0/1 column; multiclass: class indices.
    const values = allocate(dtype, n);
    for (let i = 0; i < n; i++) values[i] = labels[i];
    target = new Tensor(values, spec.task === "binary" ? [n, 1] : [n]);
  } else {
    target = y.dtype === dtype ? y : y.astype(dtype); // one-hot rows, as SoftmaxCrossEntropyLoss accepts
  }
  return { x: inputs, target, labels, n, features, maxAbsInput, labelClasses };
}

function checkFinite(x: Tensor, role: string): number {
  const d = x.data;
  const cols = x.shape[1];
  let maxAbs = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!Number.isFinite(v)) {
      throw new RangeError(`${role}.x holds ${String(v)} at row ${Math.floor(i / cols)}, column ${i % cols}: inputs must be finite`);
    }
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs;
}

function checkFiniteTargets(y: Tensor, role: string): void {
  const d = y.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) throw new RangeError(`${role}.y holds ${String(d[i])} at element ${i}: targets must be finite`);
  }
}

/** Each row's class index: from indices [n] (or [n, 1]), or the hot column of one-hot rows [n, k]. */
function classLabels(y: Tensor, spec: TaskSpec, role: string): Int32Array {
  const n = y.shape[0];
  const d = y.data;
  const labels = new Int32Array(n);
  const width = y.rank === 1 ? 1 : y.size / n;
  if (width === 1) {
    for (let i = 0; i < n; i++) {
      const v = d[i];
      if (!Number.isInteger(v) || v < 0) {
        throw new RangeError(`${role}.y[${i}] is ${String(v)}: class labels must be integers ≥ 0`);
      }
      if (spec.task === "binary" && v > 1) {
        throw new RangeError(`${role}.y[${i}] is ${v}: a binary task takes labels 0 and 1 (use SoftmaxCrossEntropyLoss for more classes)`);
      }
      labels[i] = v;
    }
    return labels;
  }
  if (spec.task === "binary") {
    throw new RangeError(`${role}.y has shape ${formatShape(y.shape)}: a binary task takes labels of shape [n] holding 0 and 1`);
  }
  labels.set(argmax(y.reshape([n, width]), 1).data);
  return labels;
}
