import * as T from "@nn/tensor";
import { ShapeError, type Tensor, formatShape, normalizeAxis } from "@nn/tensor";
import { gradTensor, gradZeros } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

/**
 * The same elements in a new shape (one dimension may be −1), sharing a's memory (so a's value
 * counts as handed out and is never recycled). docs/math_derivations.md §AD.8: the gradient is
 * reshaped back.
 */
export function reshape(a: Input, shape: readonly number[]): Variable {
  const x = toVariable("reshape", "a", a);
  return record("reshape", x.value.reshape(shape), [x], (g) => [g.reshape(x.shape)]);
}

/** The transpose of a 2-D variable. docs/math_derivations.md §AD.8: the gradient is transposed back. */
export function transpose(a: Input): Variable {
  const x = toVariable("transpose", "a", a);
  const xv = x.valueForOps;
  const y = T.transpose(xv, valueTensor([x], xv.rank === 2 ? [xv.shape[1], xv.shape[0]] : xv.shape, x.dtype));
  return record("transpose", y, [x], (g) => [T.transpose(g, gradTensor(x.shape, g.dtype))], true);
}

/** Copies block [start, end) of every [outer, n, inner] row of `src` into `dst` at offset `at` along a [outer, m, inner] layout. */
function copyAlongAxis(src: Tensor["data"], srcN: number, srcStart: number, dst: Tensor["data"], dstN: number, dstStart: number, count: number, outer: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    const from = (o * srcN + srcStart) * inner, to = (o * dstN + dstStart) * inner;
    dst.set(src.subarray(from, from + count * inner), to);
  }
}

/**
 * Elements start ≤ i < end along `axis` (NumPy's `a[..., start:end, ...]`; negative indices count
 * from the end). docs/math_derivations.md §AD.8: the gradient is placed back into zeros.
 */
export function slice(a: Input, axis: number, start: number, end?: number): Variable {
  const x = toVariable("slice", "a", a);
  const xv = x.valueForOps;
  const ax = normalizeAxis(axis, xv.rank, "slice");
  const n = x.shape[ax];
  const resolve = (i: number, name: string): number => {
    if (!Number.isInteger(i)) throw new RangeError(`slice: ${name} must be an integer, got ${String(i)}`);
    return Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  };
  const s = resolve(start, "start"), e = Math.max(s, resolve(end ?? n, "end"));
  const { outer, inner } = T.axisLayout(xv, ax, true, "slice");
  const shape = x.shape.map((d, i) => (i === ax ? e - s : d));
  const y = valueTensor([x], shape, x.dtype);
  copyAlongAxis(xv.data, n, s, y.data, e - s, 0, e - s, outer, inner);
  return record("slice", y, [x], (g) => {
    const dx = gradZeros(x.shape, g.dtype);
    copyAlongAxis(g.data, e - s, 0, dx.data, n, s, e - s, outer, inner);
    return [dx];
  }, true);
}

/** Joins variables along `axis` (all other dimensions equal). docs/math_derivations.md §AD.8: each input gets its slice of the gradient. */
export function concat(parts: readonly Input[], axis = 0): Variable {
  if (!Array.isArray(parts) || parts.length === 0) throw new RangeError("concat: expected a non-empty array of variables or tensors");
  const xs = parts.map((p, i) => toVariable("concat", `parts[${i}]`, p));
  const first = xs[0];
  const ax = normalizeAxis(axis, first.shape.length, "concat");
  xs.forEach((x, i) => {
    const fits = x.shape.length === first.shape.length && x.shape.every((d, j) => j === ax || d === first.shape[j]);
    if (!fits || x.dtype !== first.dtype) {
      throw new ShapeError(`concat: parts[${i}] is ${x.dtype} ${formatShape(x.shape)} but parts[0] is ${first.dtype} ${formatShape(first.shape)}; all dimensions but axis ${ax} and the dtype must match`);
    }
  });
  const sizes = xs.map((x) => x.shape[ax]);
  const total = sizes.reduce((s, d) => s + d, 0);
  const { outer, inner } = T.axisLayout(first.valueForOps, ax, true, "concat");
  const y = valueTensor(xs, first.shape.map((d, j) => (j === ax ? total : d)), first.dtype);
  let at = 0;
  xs.forEach((x, i) => {
    copyAlongAxis(x.valueForOps.data, sizes[i], 0, y.data, total, at, sizes[i], outer, inner);
    at += sizes[i];
  });
  return record("concat", y, xs, (g, needs) => {
    let offset = 0;
    return xs.map((x, i) => {
      const from = offset;
      offset += sizes[i];
      if (!needs[i]) return undefined;
      const dx = gradTensor(x.shape, g.dtype);
      copyAlongAxis(g.data, total, from, dx.data, sizes[i], 0, sizes[i], outer, inner);
      return dx;
    });
  }, true);
}

/**
 * Picks one element along the last axis per position: y[…] = a[…, indices[…]], so
 * `gather(scores, labels)` reads each row's score of its class. `indices` has a's shape without
 * its last axis. docs/math_derivations.md §AD.8: the gradient is scattered (added) back.
 */
export function gather(a: Input, indices: Tensor | readonly number[]): Variable {
  const x = toVariable("gather", "a", a);
  if (x.shape.length === 0) throw new ShapeError("gather: a must have at least one axis, got a scalar");
  const k = x.shape[x.shape.length - 1];
  const outShape = x.shape.slice(0, -1);
  const idx: ArrayLike<number> = Array.isArray(indices) ? indices : (indices as Tensor).data;
  const idxShape = Array.isArray(indices) ? [indices.length] : (indices as Tensor).shape;
  if (!T.sameShape(idxShape, outShape)) {
    throw new ShapeError(`gather: indices must have shape ${formatShape(outShape)} (a's shape ${formatShape(x.shape)} without its last axis), got ${formatShape(idxShape)}`);
  }
  for (let i = 0; i < idx.length; i++) {
    const c = idx[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`gather: indices[${i}] must be an integer in [0, ${k - 1}], got ${c}`);
  }
  const y = valueTensor([x], outShape, x.dtype);
  const xd = x.valueForOps.data;
  for (let i = 0; i < idx.length; i++) y.data[i] = xd[i * k + idx[i]];
  return record("gather", y, [x], (g) => {
    const dx = gradZeros(x.shape, g.dtype);
    scatterAdd(g.data, idx, k, dx.data);
    return [dx];
  }, true);
}

/** dx[i·k + idx[i]] += g[i] (a module-level loop, not in the per-call closure: see activations.ts). */
function scatterAdd(g: T.TypedArray, idx: ArrayLike<number>, k: number, dx: T.TypedArray): void {
  for (let i = 0; i < idx.length; i++) dx[i * k + idx[i]] += g[i];
}
