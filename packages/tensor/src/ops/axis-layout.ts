import { normalizeAxis, sizeOf } from "../shape.js";
import type { Tensor } from "../tensor.js";

/** A tensor seen as [outer, n, inner] around one axis, as the reduction kernels read it. */
export interface AxisLayout {
  outer: number;
  n: number;
  inner: number;
  /** The result shape after reducing that axis (kept as 1 when keepDims). */
  reducedShape: number[];
}

/**
 * `axis` undefined means every element: the whole tensor is one row. A rank-0 tensor accepts
 * axis 0 or −1 as its single element (as PyTorch does), so softmax of a scalar is 1.
 */
export function axisLayout(a: Tensor, axis: number | undefined, keepDims: boolean, op: string): AxisLayout {
  if (axis === undefined) {
    return { outer: 1, n: a.size, inner: 1, reducedShape: keepDims ? a.shape.map(() => 1) : [] };
  }
  if (a.rank === 0 && (axis === 0 || axis === -1)) return { outer: 1, n: 1, inner: 1, reducedShape: [] };
  const ax = normalizeAxis(axis, a.rank, op);
  const shape = a.shape;
  const reducedShape = keepDims ? shape.map((d, i) => (i === ax ? 1 : d)) : shape.filter((_, i) => i !== ax);
  return {
    outer: sizeOf(shape.slice(0, ax)),
    n: shape[ax],
    inner: sizeOf(shape.slice(ax + 1)),
    reducedShape,
  };
}

/** Optional arguments arrive from JavaScript callers too: check their types before using them. */
export function checkAxisArgs(op: string, axis: unknown, keepDims: unknown): void {
  if (axis !== undefined && typeof axis !== "number") {
    throw new TypeError(`${op}: axis must be an integer or undefined, got ${typeof axis}`);
  }
  if (typeof keepDims !== "boolean") throw new TypeError(`${op}: keepDims must be a boolean, got ${typeof keepDims}`);
}
