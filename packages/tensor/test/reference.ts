/**
 * Obviously-correct reference implementations: one element at a time, through explicit
 * multi-indices, in float64 JavaScript numbers. Slow on purpose; the ops are tested against them.
 */
import type { DType } from "../src/index.js";

export interface Plain {
  shape: number[];
  values: number[];
}

export function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** The multi-index of flat position `flat` in a row-major `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

export function ravel(index: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d] + index[d];
  return flat;
}

/** Rounds a float64 result to what the dtype stores. */
export function store(x: number, dtype: DType): number {
  return dtype === "float32" ? Math.fround(x) : x;
}

export function refBroadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error("no broadcast");
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** The element of `x` that broadcasting pairs with result index `index`. */
function broadcastRead(x: Plain, index: readonly number[]): number {
  const offset = index.length - x.shape.length;
  const own = x.shape.map((d, i) => (d === 1 ? 0 : index[offset + i]));
  return x.values[ravel(own, x.shape)];
}

export function refBinary(f: (x: number, y: number) => number, a: Plain, b: Plain, dtype: DType): Plain {
  const shape = refBroadcastShape(a.shape, b.shape);
  const values: number[] = [];
  for (let i = 0; i < sizeOfShape(shape); i++) {
    const index = unravel(i, shape);
    values.push(store(f(broadcastRead(a, index), broadcastRead(b, index)), dtype));
  }
  return { shape, values };
}

/** Applies `f` to the list of values along `axis` for every output position (all values when axis is undefined). */
export function refAlongAxis(a: Plain, axis: number | undefined, keepDims: boolean, f: (row: number[]) => number): Plain {
  if (axis === undefined) {
    return { shape: keepDims ? a.shape.map(() => 1) : [], values: [f(a.values)] };
  }
  const ax = axis < 0 ? axis + a.shape.length : axis;
  const kept = a.shape.map((d, i) => (i === ax ? 1 : d));
  const values: number[] = [];
  for (let i = 0; i < sizeOfShape(kept); i++) {
    const index = unravel(i, kept);
    const row: number[] = [];
    for (let p = 0; p < a.shape[ax]; p++) {
      index[ax] = p;
      row.push(a.values[ravel(index, a.shape)]);
    }
    values.push(f(row));
  }
  return { shape: keepDims ? kept : a.shape.filter((_, i) => i !== ax), values };
}

/** Applies a row-to-row map (softmax) along `axis`, writing results back in place. */
export function refMapAxis(a: Plain, axis: number, f: (row: number[]) => number[]): Plain {
  const ax = axis < 0 ? axis + a.shape.length : axis;
  const values = a.values.slice();
  const kept = a.shape.map((d, i) => (i === ax ? 1 : d));
  for (let i = 0; i < sizeOfShape(kept); i++) {
    const index = unravel(i, kept);
    const positions: number[] = [];
    for (let p = 0; p < a.shape[ax]; p++) {
      index[ax] = p;
      positions.push(ravel(index, a.shape));
    }
    const mapped = f(positions.map((q) => a.values[q]));
    positions.forEach((q, p) => (values[q] = mapped[p]));
  }
  return { shape: a.shape.slice(), values };
}

/** Exact sum of float64 values (Shewchuk's algorithm as in Python's math.fsum), for error bounds. */
export function exactSum(xs: readonly number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  return partials.reduce((s, p) => s + p, 0);
}

/** c[i, j] = Σ_p a[i, p]·b[p, j], summed in order of p (loops ordered i, p, j so rows of b are read contiguously). */
export function refMatmul(a: Plain, b: Plain): Plain {
  const [m, k] = a.shape, n = b.shape[1];
  const values = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a.values[i * k + p];
      for (let j = 0; j < n; j++) values[i * n + j] += aip * b.values[p * n + j];
    }
  }
  return { shape: [m, n], values };
}
