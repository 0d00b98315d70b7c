import * as T from "@nn/tensor";
import type { Tensor } from "@nn/tensor";
import { gradZeros } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

/** g of the reduced shape, spread back over the reduced axis: every input element gets its output's gradient. */
function spread(g: Tensor, inputShape: readonly number[], keepShape: readonly number[]): Tensor {
  const dx = gradZeros(inputShape, g.dtype);
  return T.add(dx, g.reshape(keepShape), dx);
}

/** Σ over `axis` (every element when omitted). docs/math_derivations.md §AD.6: each input gets the output's gradient. */
export function sum(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("sum", "a", a);
  const xv = x.valueForOps;
  const layout = T.axisLayout(xv, axis, keepDims, "sum"), keep = T.axisLayout(xv, axis, true, "sum").reducedShape;
  const y = T.sum(xv, axis, keepDims, valueTensor([x], layout.reducedShape, x.dtype));
  return record("sum", y, [x], (g) => [spread(g, x.shape, keep)], true);
}

/** Mean over `axis` (every element when omitted). docs/math_derivations.md §AD.6: the output's gradient / n. */
export function mean(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("mean", "a", a);
  const xv = x.valueForOps;
  const layout = T.axisLayout(xv, axis, keepDims, "mean"), keep = T.axisLayout(xv, axis, true, "mean").reducedShape;
  const y = T.mean(xv, axis, keepDims, valueTensor([x], layout.reducedShape, x.dtype));
  return record("mean", y, [x], (g) => {
    const dx = spread(g, x.shape, keep);
    return [T.div(dx, layout.n, dx)];
  }, true);
}

/**
 * Largest value over `axis`. docs/math_derivations.md §AD.6: the gradient goes to the position of
 * the maximum, split evenly when several elements tie (the symmetric choice, as PyTorch's `amax`).
 */
export function max(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("max", "a", a);
  const xv = x.valueForOps;
  const { outer, n, inner, reducedShape } = T.axisLayout(xv, axis, keepDims, "max");
  const y = T.max(xv, axis, keepDims, valueTensor([x], reducedShape, x.dtype));
  return record("max", y, [x], (g) => {
    const dx = gradZeros(x.shape, g.dtype);
    maxGradient(xv.data, y.data, g.data, dx.data, outer, n, inner);
    return [dx];
  }, true);
}

/** Each output's gradient to the maxima it came from, split evenly between ties (a module-level loop: see activations.ts). */
function maxGradient(xd: T.TypedArray, yd: T.TypedArray, gd: T.TypedArray, out: T.TypedArray, outer: number, n: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const slot = o * inner + i, top = yd[slot];
      let ties = 0;
      for (let p = 0; p < n; p++) if (xd[(o * n + p) * inner + i] === top) ties++;
      for (let p = 0; p < n; p++) {
        const at = (o * n + p) * inner + i;
        if (xd[at] === top) out[at] = gd[slot] / ties;
      }
    }
  }
}
