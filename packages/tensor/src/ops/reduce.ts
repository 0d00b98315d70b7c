import { ShapeError, formatShape } from "../errors.js";
import { kernels } from "../kernels/backend.js";
import type { ReduceOp } from "../kernels/kernels.js";
import type { Tensor } from "../tensor.js";
import { axisLayout, checkAxisArgs } from "./axis-layout.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

/**
 * What a reduction over an empty axis gives: the op's identity where it has one (a sum of
 * nothing is 0, log Σ over nothing is log 0 = −∞); max, min and mean have none and refuse.
 */
const EMPTY_VALUE: Record<ReduceOp, number | undefined> = {
  sum: 0,
  logSumExp: -Infinity,
  mean: undefined,
  max: undefined,
  min: undefined,
};

function reduce(op: ReduceOp, aIn: Tensor, axis: number | undefined, keepDims: boolean, out: Tensor | undefined): Tensor {
  const a = checkTensor(op, "a", aIn);
  checkAxisArgs(op, axis, keepDims);
  const { outer, n, inner, reducedShape } = axisLayout(a, axis, keepDims, op);
  const result = resultTensor(op, reducedShape, a.dtype, out);
  checkAliasing(op, result, a, n === 1, " it reduces");
  if (result.size === 0) return result;
  if (n === 0) {
    const empty = EMPTY_VALUE[op];
    if (empty === undefined) {
      const over = axis === undefined ? "an empty tensor" : `axis ${axis} of length 0`;
      throw new ShapeError(`${op}: cannot reduce over ${over} (shape ${formatShape(a.shape)}): ${op} has no identity value`);
    }
    result.data.fill(empty);
    return result;
  }
  kernels().reduce(op, a.data, result.data, outer, n, inner);
  return result;
}

/** Σ over `axis` (every element when omitted); accumulates in float64, pairwise along contiguous rows. */
export function sum(a: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  return reduce("sum", a, axis, keepDims, out);
}

/** Arithmetic mean over `axis`; float32 input is accumulated in float64 and rounded once. */
export function mean(a: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  return reduce("mean", a, axis, keepDims, out);
}

/** Largest value over `axis` (NaN if the axis holds a NaN, as NumPy). */
export function max(a: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  return reduce("max", a, axis, keepDims, out);
}

/** Smallest value over `axis` (NaN if the axis holds a NaN, as NumPy). */
export function min(a: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  return reduce("min", a, axis, keepDims, out);
}

/** log Σ exp(a) over `axis`, shifted by the max so it never overflows. docs/math_derivations.md §11.1 */
export function logSumExp(a: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  return reduce("logSumExp", a, axis, keepDims, out);
}

/**
 * Index of the largest value along `axis` (over the flattened tensor when omitted), the first
 * one on ties; a NaN counts as largest, as in NumPy. Indices are exact integers in a float64 tensor.
 */
export function argmax(aIn: Tensor, axis?: number, keepDims = false, out?: Tensor): Tensor {
  const a = checkTensor("argmax", "a", aIn);
  checkAxisArgs("argmax", axis, keepDims);
  const { outer, n, inner, reducedShape } = axisLayout(a, axis, keepDims, "argmax");
  const result = resultTensor("argmax", reducedShape, "float64", out);
  checkAliasing("argmax", result, a, false, " it reduces");
  if (result.size === 0) return result;
  if (n === 0) {
    throw new ShapeError(`argmax: cannot take the argmax of an empty axis (shape ${formatShape(a.shape)}, axis ${String(axis)})`);
  }
  kernels().argmax(a.data, result.data as Float64Array, outer, n, inner);
  return result;
}
