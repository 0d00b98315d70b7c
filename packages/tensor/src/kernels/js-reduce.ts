import type { TypedArray } from "../dtype.js";
import type { ReduceOp } from "./kernels.js";
import * as elementary from "../math/index.js";

/**
 * Float64 accumulators for reductions with inner > 1, which walk the reduced axis row by row
 * (contiguous reads) and keep one running value per output column. Grown, never shrunk.
 */
let scratch = new Float64Array(256);

function scratchOf(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, 2 * scratch.length));
  return scratch;
}

/**
 * Pairwise summation in float64: the rounding error grows with log2(n) rather than n, as in
 * NumPy's `add.reduce`. Blocks of 128 are summed directly.
 */
function pairwiseSum(a: TypedArray, start: number, n: number): number {
  if (n <= 128) {
    let s = 0;
    for (let i = start, end = start + n; i < end; i++) s += a[i];
    return s;
  }
  const half = n >>> 1;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half);
}

/** max over a[start .. start + n·stride) with NumPy's NaN rule: once a NaN is seen, it is the result. */
function maxOf(a: TypedArray, start: number, n: number, stride: number): number {
  let m = a[start];
  for (let p = 1; p < n; p++) {
    const v = a[start + p * stride];
    if (v > m || v !== v) m = v;
    if (m !== m) return m;
  }
  return m;
}

function minOf(a: TypedArray, start: number, n: number, stride: number): number {
  let m = a[start];
  for (let p = 1; p < n; p++) {
    const v = a[start + p * stride];
    if (v < m || v !== v) m = v;
    if (m !== m) return m;
  }
  return m;
}

/** log Σ exp(x) = m + log Σ exp(x − m) with m the max, so no term overflows. docs/math_derivations.md §11.1 */
function logSumExpOf(a: TypedArray, start: number, n: number, stride: number): number {
  const m = maxOf(a, start, n, stride);
  // All −∞ gives −∞; a +∞ or NaN entry is the answer by itself.
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let p = 0; p < n; p++) s += elementary.exp(a[start + p * stride] - m);
  return m + elementary.log(s);
}

function reduceContiguous(op: ReduceOp, a: TypedArray, out: TypedArray, outer: number, n: number): void {
  for (let o = 0; o < outer; o++) {
    const start = o * n;
    switch (op) {
      case "sum": out[o] = pairwiseSum(a, start, n); break;
      case "mean": out[o] = pairwiseSum(a, start, n) / n; break;
      case "max": out[o] = maxOf(a, start, n, 1); break;
      case "min": out[o] = minOf(a, start, n, 1); break;
      case "logSumExp": out[o] = logSumExpOf(a, start, n, 1); break;
    }
  }
}

function sumColumns(a: TypedArray, acc: Float64Array, base: number, n: number, inner: number): void {
  acc.fill(0, 0, inner);
  for (let p = 0; p < n; p++) {
    const row = base + p * inner;
    for (let i = 0; i < inner; i++) acc[i] += a[row + i];
  }
}

function extremeColumns(a: TypedArray, acc: Float64Array, base: number, n: number, inner: number, isMax: boolean): void {
  for (let i = 0; i < inner; i++) acc[i] = a[base + i];
  for (let p = 1; p < n; p++) {
    const row = base + p * inner;
    if (isMax) {
      for (let i = 0; i < inner; i++) {
        const v = a[row + i], m = acc[i];
        if (v > m || v !== v || m !== m) acc[i] = m !== m ? m : v;
      }
    } else {
      for (let i = 0; i < inner; i++) {
        const v = a[row + i], m = acc[i];
        if (v < m || v !== v || m !== m) acc[i] = m !== m ? m : v;
      }
    }
  }
}

export function reduceJs(op: ReduceOp, a: TypedArray, out: TypedArray, outer: number, n: number, inner: number): void {
  if (inner === 1) {
    reduceContiguous(op, a, out, outer, n);
    return;
  }
  if (op === "logSumExp") {
    // Strided: each column reads its axis twice (max, then shifted exponentials).
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) out[o * inner + i] = logSumExpOf(a, o * n * inner + i, n, inner);
    }
    return;
  }
  const acc = scratchOf(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    if (op === "sum" || op === "mean") sumColumns(a, acc, base, n, inner);
    else extremeColumns(a, acc, base, n, inner, op === "max");
    const scale = op === "mean" ? n : 1;
    const dst = o * inner;
    for (let i = 0; i < inner; i++) out[dst + i] = acc[i] / scale;
  }
}

export function argmaxJs(a: TypedArray, out: Float64Array, outer: number, n: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * n * inner + i;
      let best = a[start], at = 0;
      if (best === best) {
        for (let p = 1; p < n; p++) {
          const v = a[start + p * inner];
          if (v > best || v !== v) {
            best = v;
            at = p;
            if (v !== v) break;
          }
        }
      }
      out[o * inner + i] = at;
    }
  }
}
