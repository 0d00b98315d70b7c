import type { TypedArray } from "../dtype.js";
import * as elementary from "../math/index.js";

/**
 * Softmax along the middle axis of [outer, n, inner], shifted by the max so exp never overflows:
 * softmax(x) = exp(x − m) / Σ exp(x − m); logSoftmax(x) = (x − m) − log Σ exp(x − m).
 * docs/math_derivations.md §11.1. Each element of `a` is read before its slot in `out` is written,
 * so `out` may be `a`.
 */
export function softmaxJs(a: TypedArray, out: TypedArray, outer: number, n: number, inner: number, log: boolean): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * n * inner + i;
      const end = start + n * inner;
      let m = -Infinity;
      for (let q = start; q < end; q += inner) {
        const v = a[q];
        if (v > m || v !== v) m = v;
      }
      // A row of −∞ has no finite max; shifting by 0 leaves exp(−∞) = 0 and a sum of 0, which gives
      // NaN (0/0) for softmax as in PyTorch, and −∞ − (−∞) = NaN for logSoftmax.
      const shift = m === -Infinity ? 0 : m;
      let s = 0;
      if (log) {
        for (let q = start; q < end; q += inner) s += elementary.exp(a[q] - shift);
        const logS = elementary.log(s);
        for (let q = start; q < end; q += inner) out[q] = a[q] - shift - logS;
      } else {
        for (let q = start; q < end; q += inner) {
          const e = elementary.exp(a[q] - shift);
          out[q] = e;
          s += e;
        }
        for (let q = start; q < end; q += inner) out[q] = out[q] / s;
      }
    }
  }
}
